package org.symphainy.bench.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;

/** Intents of the built-in diagnostic intent {@code platform.echo}, as a client would send them: each its own. */
final class EchoIntents {

    static final String TYPE = "platform.echo";
    static final String VERSIONS = "[1.0,2.0)";
    static final Json PAYLOAD = Json.of("{\"source\":\"symphainy bench\",\"purpose\":\"kernel figures\"}");

    /** The governance scenario's payload: valid against {@code schemas/bench.governed.json}, one data source. */
    static final Json ORDER = Json.of("{\"dataSources\":[\"crm.contacts\"],\"customer\":\"c-4711\",\"amount\":125.5,"
            + "\"currency\":\"EUR\",\"quantity\":3,\"sku\":\"ABC-1234\",\"priority\":\"normal\",\"express\":false,"
            + "\"channel\":\"bench\",\"note\":\"governance scenario\"}");

    private final AtomicLong correlation = new AtomicLong();
    private final BenchIdentity identity;
    private final String type;
    private final Json payload;

    /** {@code platform.echo} intents from {@code identity}. */
    EchoIntents(BenchIdentity identity) {
        this(identity, TYPE, PAYLOAD);
    }

    /** Intents of {@code type} with {@code payload} from {@code identity}. */
    EchoIntents(BenchIdentity identity, String type, Json payload) {
        this.identity = identity;
        this.type = type;
        this.payload = payload;
    }

    /** The next intent, with a correlation id of its own. */
    Intent next() {
        return Intent.builder(type).versionRange(VERSIONS).tenant(identity.tenant()).session(identity.session())
                .actor(identity.actor()).correlationId("bench-" + correlation.incrementAndGet()).payload(payload).build();
    }
}
