package org.symphainy.curator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Submission;

/**
 * Submits the platform's own deploy intents — the deploy folder's, the deployer's rollbacks — as a system principal
 * ({@code <actor>@system}, role {@code admin}), through a session of its own: they pass the same governance pipeline
 * as an operator's and the write-ahead log records who (the system actor), what and why. Each actor keeps one session
 * while the Traffic Cop keeps it active, so a busy deploy folder does not open a session per file.
 */
@Component(service = PlatformSubmitter.class)
public final class PlatformSubmitter {

    /** The tenant of the platform's own principals. */
    static final String TENANT = "system";
    /** How the platform's own principals are authenticated, as decisions show it. */
    static final String AUTHENTICATED_BY = "platform";

    /** A session is opened anew when the one kept has less than this left. */
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final Runtime runtime;
    private final Sessions sessions;
    private final Map<String, Session> kept = new ConcurrentHashMap<>();

    /** A submitter through {@code runtime}, opening sessions with {@code sessions}. */
    @Activate
    public PlatformSubmitter(@Reference Runtime runtime, @Reference Sessions sessions) {
        this.runtime = runtime;
        this.sessions = sessions;
    }

    /** Submits {@code type} with {@code payload} (a JSON object's text) as {@code actor@system}; returns once durable. */
    Submission submit(String actor, String type, String payload) {
        Session session = session(actor);
        Intent intent = Intent.builder(type).payload(Json.of(payload)).tenant(TENANT).actor(actor)
                .session(session.id()).correlationId(UUID.randomUUID().toString()).build();
        return runtime.submit(intent);
    }

    /** The actor's kept session if the Traffic Cop still holds it active for a while; else a new one, kept. */
    private Session session(String actor) {
        return kept.compute(actor, (name, session) -> session != null && session.activeAt(Instant.now().plus(MARGIN))
                && sessions.find(session.id()).isPresent() ? session
                        : sessions.open(new Principal(TENANT, name, Set.of("admin"), AUTHENTICATED_BY)));
    }

    /** Calls {@code ended} once with the execution when it is COMPLETED or FAILED (on a Runtime thread). */
    void whenEnded(String executionId, Consumer<Execution> ended) {
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        runtime.subscribe(executionId, update -> {
            if (update.state().isTerminal() && once.compareAndSet(false, true)) {
                runtime.execution(executionId).ifPresent(ended);
            }
        });
    }
}
