package org.symphainy.sdk.runtime;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where the Runtime gets the retry policy of an intent type: a service of the Nurse role (configured per intent type),
 * replaceable by a higher-ranked one. Without one, the Runtime uses {@link RetryPolicy#DEFAULT}.
 */
@ConsumerType
public interface RetryPolicies {

    /** The retry policy of steps of {@code intentType}; never null. Must be quick: it is asked at every failure. */
    RetryPolicy forIntent(String intentType);
}
