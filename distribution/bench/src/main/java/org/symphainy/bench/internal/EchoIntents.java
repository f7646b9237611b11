package org.symphainy.bench.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;

/** Intents of the built-in diagnostic intent {@code platform.echo}, as a client would send them: each its own. */
final class EchoIntents {

    static final String TYPE = "platform.echo";
    static final String VERSIONS = "[1.0,2.0)";
    static final Json PAYLOAD = Json.of("{\"source\":\"symphainy bench\",\"purpose\":\"kernel figures\"}");

    private final AtomicLong correlation = new AtomicLong();
    private final BenchIdentity identity;

    /** Intents from {@code identity}. */
    EchoIntents(BenchIdentity identity) {
        this.identity = identity;
    }

    /** The next intent, with a correlation id of its own. */
    Intent next() {
        return Intent.builder(TYPE).versionRange(VERSIONS).tenant(identity.tenant()).session(identity.session())
                .actor(identity.actor()).correlationId("bench-" + correlation.incrementAndGet()).payload(PAYLOAD).build();
    }
}
