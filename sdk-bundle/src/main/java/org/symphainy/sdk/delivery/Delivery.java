package org.symphainy.sdk.delivery;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One subscriber's delivery of one execution's updates, as {@link PostOffice#subscribe} returned it. It ends by itself
 * once the execution has ended and its last update was handed on; closing it ends it earlier. Either way, the
 * subscriber's {@link Subscriber#ended} is called once.
 */
@ProviderType
public interface Delivery extends AutoCloseable {

    /** The execution whose updates are delivered. */
    String executionId();

    /**
     * The sequence number of the last update handed on to the subscriber, or the {@code afterSequence} it subscribed
     * with while none has been: where a new subscription resumes without loss or duplicates.
     */
    long lastSequence();

    /** True until the delivery has ended. */
    boolean isOpen();

    /**
     * Stops the delivery; {@link Subscriber#ended} follows with {@link DeliveryEnd.Reason#CLOSED} (if the delivery had
     * not ended already). Closing twice does nothing.
     */
    @Override
    void close();
}
