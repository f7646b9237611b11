package org.symphainy.sdk.governance;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the Runtime tells a governance role besides the intent: the execution id it will use, when the intent arrived and
 * what earlier stages decided. Methods may be added in minor versions.
 */
@ProviderType
public interface GovernanceContext {

    /** The execution id the Runtime assigned; a denied intent keeps it in the records. */
    String executionId();

    /** When the Runtime received the intent. */
    Instant receivedAt();

    /** The decisions of the earlier stages, in pipeline order (all allowances, or this stage would not run). */
    List<Decision> decisions();
}
