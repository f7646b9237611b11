package org.symphainy.itest.saga.order;

import org.symphainy.sdk.intent.RequiresIntent;

/**
 * The saga {@code itest.order.place}: reserve stock, charge the amount, ship; a failed step compensates the charge
 * (refund) and the reservation (release), in that order. The definition is the resource
 * {@code sagas/itest.order.place.json}, declared on {@link OrderSagaHandler}; the steps' intents come from another
 * bundle, which the framework requires before this one resolves. The Runtime runs the saga; the Conductor checked it
 * when this bundle was deployed.
 */
@RequiresIntent("itest.stock.reserve")
@RequiresIntent("itest.stock.release")
@RequiresIntent("itest.payment.charge")
@RequiresIntent("itest.payment.refund")
@RequiresIntent("itest.shipping.ship")
public final class OrderSaga {

    /** The saga's intent type. */
    public static final String TYPE = "itest.order.place";

    private OrderSaga() {
    }
}
