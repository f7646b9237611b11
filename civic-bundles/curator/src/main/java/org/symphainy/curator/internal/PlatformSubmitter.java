package org.symphainy.curator.internal;

import java.util.Set;
import java.util.UUID;
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
 * as an operator's and the write-ahead log records who (the system actor), what and why.
 */
@Component(service = PlatformSubmitter.class)
public final class PlatformSubmitter {

    /** The tenant of the platform's own principals. */
    static final String TENANT = "system";
    /** How the platform's own principals are authenticated, as decisions show it. */
    static final String AUTHENTICATED_BY = "platform";

    private final Runtime runtime;
    private final Sessions sessions;

    /** A submitter through {@code runtime}, opening sessions with {@code sessions}. */
    @Activate
    public PlatformSubmitter(@Reference Runtime runtime, @Reference Sessions sessions) {
        this.runtime = runtime;
        this.sessions = sessions;
    }

    /** Submits {@code type} with {@code payload} (a JSON object's text) as {@code actor@system}; returns once durable. */
    Submission submit(String actor, String type, String payload) {
        Session session = sessions.open(new Principal(TENANT, actor, Set.of("admin"), AUTHENTICATED_BY));
        Intent intent = Intent.builder(type).payload(Json.of(payload)).tenant(TENANT).actor(actor)
                .session(session.id()).correlationId(UUID.randomUUID().toString()).build();
        return runtime.submit(intent);
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
