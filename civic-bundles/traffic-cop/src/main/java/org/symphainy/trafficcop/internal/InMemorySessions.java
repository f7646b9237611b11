package org.symphainy.trafficcop.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;

/**
 * The Traffic Cop's {@link Sessions} service: sessions with an unguessable id ({@code ses_} and 256 random bits), an
 * absolute lifetime and an idle timeout, at most so many per principal, swept from memory once ended.
 *
 * <p><b>Sessions live in memory only.</b> A restart of the container (or of this bundle) ends every session: clients
 * sign in again, exchanging their API key or token for a new session. Nothing that proves who someone is gets written to
 * disk; the store keeps a SHA-256 of each id rather than the id, so neither does a heap dump.
 *
 * <p>Configuration: PID {@code org.symphainy.trafficcop} ({@link TrafficCopConfig}). A change applies without ending
 * sessions; a configuration with an invalid value is refused whole, with an ERROR line per value naming the attribute,
 * the value and what is allowed, and the settings in force (the defaults, at first) stay.
 */
@Component(name = InMemorySessions.NAME, configurationPid = SessionPolicy.PID, service = Sessions.class)
@Designate(ocd = TrafficCopConfig.class)
public final class InMemorySessions implements Sessions {

    /** The component's name; the Traffic Cop role binds to this very service by it. */
    static final String NAME = "org.symphainy.trafficcop.sessions";

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.trafficcop");

    private final SessionStore store;
    private final Sweeper sweeper;

    /** Starts with {@code config} (the defaults if it has an invalid value) and the sweeper. */
    @Activate
    public InMemorySessions(TrafficCopConfig config) {
        this(config, Clock.systemUTC());
    }

    /** As the public constructor, reading the time from {@code clock}. */
    InMemorySessions(TrafficCopConfig config, Clock clock) {
        SessionPolicy policy = accept(config, SessionPolicy.DEFAULTS, "the defaults");
        this.store = new SessionStore(clock, new SessionTokens(new SecureRandom()), policy);
        this.sweeper = new Sweeper("symphainy-traffic-cop-sweeper", this::sweep);
        sweeper.every(policy.sweepInterval());
        LOG.info("Traffic Cop sessions ready ({}); sessions live in memory: a restart ends them and clients sign in again",
                policy);
    }

    /** Applies a changed configuration to the running sessions, unless it has an invalid value. */
    @Modified
    void modified(TrafficCopConfig config) {
        SessionPolicy previous = store.policy();
        SessionPolicy policy = accept(config, previous, "its previous settings");
        if (!policy.equals(previous)) {
            store.policy(policy);
            sweeper.every(policy.sweepInterval());
            LOG.info("Traffic Cop sessions reconfigured: {}", policy);
        }
    }

    /** Stops the sweeper; the sessions end with the component. */
    @Deactivate
    void deactivate() {
        sweeper.stop();
        LOG.info("Traffic Cop sessions stopped; {} stored session(s) ended with them", store.size());
    }

    @Override
    public Session open(Principal principal) {
        return store.open(principal);
    }

    @Override
    public Optional<Session> find(String sessionId) {
        return store.find(sessionId);
    }

    @Override
    public boolean revoke(String sessionId) {
        return store.revoke(sessionId);
    }

    /** The store, for tests. */
    SessionStore store() {
        return store;
    }

    /** The sweeper, for tests. */
    Sweeper sweeper() {
        return sweeper;
    }

    /** Removes ended sessions from memory. */
    private void sweep() {
        int removed = store.sweep();
        if (removed > 0) {
            LOG.debug("swept {} ended sessions; {} stored", removed, store.size());
        }
    }

    /** The policy {@code config} describes, or {@code fallback} (logging why) if it has an invalid value. */
    private static SessionPolicy accept(TrafficCopConfig config, SessionPolicy fallback, String fallbackName) {
        SessionPolicy.Reading reading = SessionPolicy.read(config);
        if (reading.policy() != null) {
            return reading.policy();
        }
        for (String problem : reading.problems()) {
            LOG.error("configuration {} refused: {}. The Traffic Cop keeps {} ({}) until the configuration is fixed",
                    SessionPolicy.PID, problem, fallbackName, fallback);
        }
        return fallback;
    }
}
