package org.symphainy.sdk.saga;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The saga definitions of the deployed bundles, as the Conductor checked them: those that may run, and those refused
 * with their problems (for the admin console and operators). Registered by the Conductor bundle.
 */
@ProviderType
public interface Sagas {

    /** The checked definition of the saga started by {@code intentType}; empty if none, or if it was refused. */
    Optional<SagaDefinition> definition(String intentType);

    /** The intent types of every saga that passed the check, sorted. */
    List<String> intentTypes();

    /** Every refused saga definition, by intent type. */
    List<SagaRefusal> refusals();
}
