package org.symphainy.sdk.delivery;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;
import org.symphainy.sdk.runtime.ExecutionUpdate;

/**
 * Who receives one execution's updates from the {@link PostOffice}: Experience's Server-Sent Events stream, for
 * example. The Post Office calls it on its own threads, one call at a time: {@link #deliver} for each update in order,
 * then {@link #ended} exactly once.
 */
@ConsumerType
public interface Subscriber {

    /**
     * Receives the next update. Return {@code null} once the update is handed on, or a stage that completes when it is
     * (the stage an SSE sink's {@code send} returns, for example): the next update waits for that stage without holding
     * a thread. Must not block. An exception thrown, or a stage completed exceptionally, ends the delivery with
     * {@link DeliveryEnd.Reason#SUBSCRIBER_FAILED}; a stage that does not complete within the Post Office's delivery
     * timeout, or a subscriber too far behind the latest update, ends it with {@link DeliveryEnd.Reason#TOO_SLOW}.
     *
     * @param update the next update; its sequence number is what to pass as {@code afterSequence} to resume after it
     * @return null, or a stage that completes once the update is handed on
     */
    CompletionStage<?> deliver(ExecutionUpdate update);

    /**
     * The delivery ended: why, and the sequence number of the last update handed on. Called exactly once, after the last
     * {@link #deliver} call returned (and its stage completed, or was given up on), never at the same time as it.
     *
     * @param end why the delivery ended, and where to resume it
     */
    void ended(DeliveryEnd end);
}
