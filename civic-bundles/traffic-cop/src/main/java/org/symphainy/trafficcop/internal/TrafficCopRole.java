package org.symphainy.trafficcop.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.governance.TrafficCop;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;
import org.symphainy.sdk.intent.Intent;

/**
 * The Traffic Cop stage, first in the governance pipeline, deciding on every intent: the session the intent names must be
 * active ({@link Decision#UNAUTHENTICATED} otherwise), and its principal must be the intent's tenant and actor
 * ({@link Decision#FORBIDDEN} otherwise). An allowance names the session (by its short form), the principal, the
 * execution id and the correlation id, which ties the execution's record to the caller's request.
 *
 * <p>It looks the session up in this bundle's own {@link InMemorySessions} (bound by component name), not in
 * {@link GovernanceContext#principal()}, so the stage stands on its own. Runs for every intent: one hash and one map
 * lookup, no lock.
 *
 * <p>Its log lines carry the execution and correlation ids in their text, not in the slf4j MDC: the container logs
 * through slf4j-simple, whose MDC adapter discards every value.
 */
@Component(name = "org.symphainy.trafficcop.role", service = TrafficCop.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class TrafficCopRole implements TrafficCop {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.trafficcop");

    private final Sessions sessions;
    private final SessionStore store;

    /** The stage over {@code sessions}, this bundle's sessions service. */
    @Activate
    public TrafficCopRole(@Reference(target = "(component.name=" + InMemorySessions.NAME + ")") Sessions sessions) {
        this.sessions = sessions;
        this.store = sessions instanceof InMemorySessions own ? own.store() : null;
    }

    @Override
    public Decision decide(Intent intent, GovernanceContext context) {
        Principal principal = principal(intent.session());
        if (principal == null) {
            return denied(intent, context, Decision.UNAUTHENTICATED, "session " + SessionTokens.shortForm(intent.session())
                    + " is unknown, expired or revoked: open a new session (sign in again) and name it in the intent");
        }
        if (!principal.tenant().equals(intent.tenant()) || !principal.actor().equals(intent.actor())) {
            return denied(intent, context, Decision.FORBIDDEN, "session " + SessionTokens.shortForm(intent.session())
                    + " belongs to actor '" + principal.actor() + "' in tenant '" + principal.tenant()
                    + "', but the intent names actor '" + intent.actor() + "' in tenant '" + intent.tenant()
                    + "': send intents as the session's principal, or open a session for that actor and tenant");
        }
        return Decision.allow(Stage.TRAFFIC_COP, "session " + SessionTokens.shortForm(intent.session()) + " of "
                + principal + " is active; execution " + context.executionId() + ", correlation id "
                + intent.correlationId());
    }

    /**
     * The principal of the active session {@code id}, or null. From this bundle's store directly when it can (it always
     * can in the container): that skips building a {@link Session}, half the cost of a lookup.
     */
    private Principal principal(String id) {
        if (store != null) {
            StoredSession stored = store.active(id);
            return stored == null ? null : stored.principal();
        }
        Optional<Session> found = sessions.find(id);
        return found.isEmpty() ? null : found.get().principal();
    }

    /** A denial with {@code code}, logged at DEBUG with the execution and correlation ids (the Runtime records it). */
    private static Decision denied(Intent intent, GovernanceContext context, String code, String reason) {
        Decision decision = Decision.deny(Stage.TRAFFIC_COP, code, reason);
        if (LOG.isDebugEnabled()) {
            LOG.debug("execution {} (correlation id {}): {}", context.executionId(), intent.correlationId(), decision);
        }
        return decision;
    }
}
