package org.symphainy.sdk.delivery;

import org.symphainy.sdk.internal.Checks;

/**
 * Why a {@link Delivery} ended, and where a new one would resume.
 *
 * @param executionId the execution whose updates were delivered
 * @param reason why the delivery ended
 * @param lastSequence the sequence number of the last update handed on, or the {@code afterSequence} the subscriber
 *        gave if none was: pass it to {@link PostOffice#subscribe} to resume
 * @param message what happened, for people (logs, an SSE comment); never a stack trace
 */
public record DeliveryEnd(String executionId, Reason reason, long lastSequence, String message) {

    /** Why a delivery ended. New reasons may be added in minor versions, so a switch over them needs a default branch. */
    public enum Reason {
        /** The execution ended and its last update was handed on: there is nothing more to deliver. */
        EXECUTION_ENDED,
        /** The subscriber closed the delivery. */
        CLOSED,
        /**
         * The subscriber fell too far behind the latest update, or did not take an update within the delivery timeout;
         * it may subscribe again from {@link DeliveryEnd#lastSequence()} once it keeps up.
         */
        TOO_SLOW,
        /** The subscriber threw, or completed a delivery's stage exceptionally. */
        SUBSCRIBER_FAILED,
        /** The Post Office stopped (the container is stopping, or the service is being replaced); subscribe again. */
        STOPPED
    }

    /** Checks every value. */
    public DeliveryEnd {
        Checks.id("executionId", executionId);
        Checks.present("reason", reason);
        if (lastSequence < 0) {
            throw new IllegalArgumentException("lastSequence is " + lastSequence + "; it must be 0 or more");
        }
        Checks.text("message", message);
    }

    /** True unless the execution ended: subscribing again after {@link #lastSequence()} continues the delivery. */
    public boolean resumable() {
        return reason != Reason.EXECUTION_ENDED;
    }
}
