package org.symphainy.postoffice.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.delivery.Delivery;
import org.symphainy.sdk.delivery.PostOffice;
import org.symphainy.sdk.delivery.Subscriber;
import org.symphainy.sdk.runtime.Runtime;

/**
 * The Post Office, a Smart City role: routes each execution's updates from the Runtime to its subscribers, in order.
 * One Runtime subscription per watched execution however many subscribe to it; every subscriber at its own pace on the
 * Post Office's delivery threads, so none ever holds up the Runtime or another subscriber; an execution's updates kept
 * in memory while it is watched and for {@code retainSeconds} after, then rebuilt from the Runtime's record when asked
 * again (so a subscriber resumes from its last sequence number across restarts too).
 *
 * <p>Configuration: PID {@code org.symphainy.postoffice} ({@link PostOfficeConfig}). A change applies to running
 * deliveries; a configuration with an invalid value is refused whole, with an ERROR line per value naming the attribute,
 * the value and what is allowed, and the settings in force (the defaults, at first) stay. A customer bundle replaces
 * this service by registering a higher-ranked {@link PostOffice}.
 */
@Component(name = "org.symphainy.postoffice.role", configurationPid = DeliveryPolicy.PID, service = PostOffice.class)
@Designate(ocd = PostOfficeConfig.class)
public final class PostOfficeRole implements PostOffice {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.postoffice");

    private final Mailroom mailroom;
    private final Housekeeper housekeeper;

    /** Starts with {@code config} (the defaults if it has an invalid value), delivering {@code runtime}'s updates. */
    @Activate
    public PostOfficeRole(@Reference Runtime runtime, PostOfficeConfig config) {
        DeliveryPolicy policy = accept(config, DeliveryPolicy.DEFAULTS, "the defaults");
        this.mailroom = new Mailroom(runtime, policy, System::nanoTime);
        this.housekeeper = new Housekeeper(mailroom);
        LOG.info("Post Office ready ({})", policy);
    }

    /** Applies a changed configuration to running deliveries, unless it has an invalid value. */
    @Modified
    void modified(PostOfficeConfig config) {
        DeliveryPolicy previous = mailroom.policy();
        DeliveryPolicy policy = accept(config, previous, "its previous settings");
        if (!policy.equals(previous)) {
            mailroom.policy(policy);
            LOG.info("Post Office reconfigured: {}", policy);
        }
    }

    /** Ends every delivery (subscribers hear STOPPED and may subscribe again) and stops the threads. */
    @Deactivate
    void deactivate() {
        housekeeper.stop();
        mailroom.close();
    }

    @Override
    public Delivery subscribe(String executionId, long afterSequence, Subscriber subscriber) {
        return mailroom.subscribe(executionId, afterSequence, subscriber);
    }

    /** The mailroom, for tests. */
    Mailroom mailroom() {
        return mailroom;
    }

    /** The policy {@code config} describes, or {@code fallback} (logging why) if it has an invalid value. */
    private static DeliveryPolicy accept(PostOfficeConfig config, DeliveryPolicy fallback, String fallbackName) {
        DeliveryPolicy.Reading reading = DeliveryPolicy.read(config);
        if (reading.policy() != null) {
            return reading.policy();
        }
        for (String problem : reading.problems()) {
            LOG.error("configuration {} refused: {}. The Post Office keeps {} ({}) until the configuration is fixed",
                    DeliveryPolicy.PID, problem, fallbackName, fallback);
        }
        return fallback;
    }
}
