package org.symphainy.bench.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.GovernanceRole;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;
import org.symphainy.sdk.intent.Intent;

/**
 * Times the governance pipeline as the kernel runs it for one intent: the session's principal looked up, then each
 * stage's role service (the highest ranked, as the kernel binds them) deciding in stage order with what the earlier
 * stages decided. One thread, so the time is the pipeline's own, not the machine's contention.
 */
final class PipelineTimer {

    private final BundleContext context;

    PipelineTimer(BundleContext context) {
        this.context = context;
    }

    /** Nanoseconds per intent for {@code count} intents of {@code intents}, after as many to warm up. */
    long[] time(EchoIntents intents, int count) {
        List<GovernanceRole> roles = roles();
        Sessions sessions = service(Sessions.class);
        for (int i = 0; i < count; i++) {
            decide(roles, sessions, intents.next(), UUID.randomUUID().toString());
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            Intent intent = intents.next();
            String executionId = UUID.randomUUID().toString(); // the kernel's ids cost no lock: not part of the timing
            long start = System.nanoTime();
            decide(roles, sessions, intent, executionId);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /** The decisions for one intent by the role services registered now. */
    List<Decision> decideOnce(Intent intent) {
        return decide(roles(), service(Sessions.class), intent, UUID.randomUUID().toString());
    }

    /** The decisions for one intent; a denial fails the bench (the scenario's intents must all be allowed). */
    List<Decision> decide(List<GovernanceRole> roles, Sessions sessions, Intent intent, String executionId) {
        Optional<Principal> principal = sessions.find(intent.session()).map(Session::principal);
        List<Decision> decisions = new ArrayList<>(roles.size());
        Instant received = Instant.now();
        for (GovernanceRole role : roles) {
            Decision decision = role.decide(intent, new Context(executionId, received, List.copyOf(decisions), principal));
            decisions.add(decision);
            if (decision.denied()) {
                throw new BenchFailure("the governance scenario's intent was denied: " + decision);
            }
        }
        return decisions;
    }

    /** The role service of every stage, in stage order, as the kernel binds them (the highest ranked). */
    List<GovernanceRole> roles() {
        List<GovernanceRole> roles = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            roles.add(service(StandInRoles.roleInterface(stage)));
        }
        return roles;
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        T service = reference == null ? null : context.getService(reference);
        if (service == null) {
            throw new BenchFailure("no " + type.getSimpleName() + " service: the governance scenario needs the container's "
                    + "Smart City role bundles");
        }
        return service;
    }

    /** What the kernel tells a role: the same four things. */
    private record Context(String executionId, Instant receivedAt, List<Decision> decisions, Optional<Principal> principal)
            implements GovernanceContext {
    }
}
