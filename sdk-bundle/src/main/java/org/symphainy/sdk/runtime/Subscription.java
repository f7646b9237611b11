package org.symphainy.sdk.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A live subscription to one execution's updates; closing it stops them. It ends by itself once the execution has
 * ended and its last update was delivered. Closing twice does nothing.
 */
@ProviderType
public interface Subscription extends AutoCloseable {

    /** Stops the updates. */
    @Override
    void close();
}
