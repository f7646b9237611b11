package org.symphainy.sdk.health;

/** Whether an intent type can be served now. */
public enum Readiness {
    /** Every declared version has an admitted handler. */
    READY,
    /** Some declared version has no admitted handler, or no active bundle declares the type any more. */
    NOT_READY,
    /** No intent registry is available to say. */
    UNKNOWN
}
