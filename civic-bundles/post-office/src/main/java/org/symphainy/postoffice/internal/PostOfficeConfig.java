package org.symphainy.postoffice.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Post Office's configuration (PID {@code org.symphainy.postoffice}, e.g. {@code etc/org.symphainy.postoffice.cfg}).
 * Changes apply to running deliveries without a restart; a value out of range is refused with an ERROR line and the
 * settings in force stay (see {@link DeliveryPolicy}).
 */
@ObjectClassDefinition(name = "Symphainy Post Office",
        description = "Delivery of executions' updates to their subscribers: threads, how far behind a subscriber may "
                + "fall, and how long updates stay in memory")
public @interface PostOfficeConfig {

    @AttributeDefinition(description = "Threads that hand updates to subscribers (1 to 64). A subscriber that blocks "
            + "holds one of them until the delivery timeout closes it")
    int deliveryThreads() default 4;

    @AttributeDefinition(description = "How many updates a subscriber may be behind the execution's latest before it is "
            + "closed as too slow (1 to 1000000); it may subscribe again from its last sequence number")
    int maxLagUpdates() default 1000;

    @AttributeDefinition(description = "How long a subscriber may take to hand on one update, in seconds (1 to 3600); "
            + "a slower one is closed as too slow")
    long deliveryTimeoutSeconds() default 30;

    @AttributeDefinition(description = "How long an execution's updates stay in memory after its last subscriber left, in "
            + "seconds (0 to 86400); a subscriber that comes back later gets them rebuilt from the Runtime")
    long retainSeconds() default 300;
}
