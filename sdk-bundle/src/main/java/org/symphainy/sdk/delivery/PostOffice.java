package org.symphainy.sdk.delivery;

import org.osgi.annotation.versioning.ProviderType;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.runtime.ExecutionUpdate;

/**
 * The Smart City role that routes executions' updates to their subscribers, in order: the Runtime records, the Post
 * Office delivers. Registered by the platform's Post Office bundle; a customer bundle replaces it by registering a
 * higher-ranked service.
 *
 * <p>Sequence numbers are the Runtime's ({@link ExecutionUpdate#sequence()}): they count one execution's updates from
 * 1 without gaps and stay the same across restarts, so a subscriber that reconnects, even to another container start,
 * resumes from the last one it received. Like the Runtime, this service trusts its caller for tenant visibility:
 * Experience checks that the authenticated actor may see an execution before subscribing for it.
 */
@ProviderType
public interface PostOffice {

    /**
     * Delivers to {@code subscriber} every update of the execution whose sequence number is greater than
     * {@code afterSequence}, in order and without gaps, then every later one as the Runtime records it; once the
     * execution has ended and its last update was delivered, {@link Subscriber#ended} follows with
     * {@link DeliveryEnd.Reason#EXECUTION_ENDED}. Returns at once: updates arrive on a Post Office thread, never the
     * caller's.
     *
     * <p>If the Runtime cannot give back an execution's early updates (see the Post Office's documentation), the first
     * update delivered is the execution's state at the time it was first watched; its sequence number then tells the
     * subscriber what it could not receive.
     *
     * @param executionId the execution
     * @param afterSequence the sequence number of the last update the subscriber already has; 0 for all of them (an SSE
     *        client's {@code Last-Event-ID})
     * @param subscriber who receives the updates
     * @return the delivery, to close it or to ask where it is
     * @throws IntentException with {@link ErrorCode#UNKNOWN_EXECUTION} if there is no such execution
     * @throws IllegalArgumentException if {@code afterSequence} is negative or an argument is missing
     */
    Delivery subscribe(String executionId, long afterSequence, Subscriber subscriber);
}
