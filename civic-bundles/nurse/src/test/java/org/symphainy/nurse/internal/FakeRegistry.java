package org.symphainy.nurse.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.registry.AdmittedHandler;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.registry.RefusedHandler;
import org.symphainy.sdk.registry.RegisteredIntent;

/** An intent registry with the intents and refusals a test gives it. */
final class FakeRegistry implements IntentRegistry {

    final List<RegisteredIntent> intents = new ArrayList<>();
    final List<RefusedHandler> refusals = new ArrayList<>();

    /** Declares {@code type} {@code version} by bundle org.acme.content, ready or not. */
    FakeRegistry declare(String type, String version, boolean ready) {
        intents.add(new RegisteredIntent(new HandlerRef("org.acme.content", "1.2.0", type, version), ready,
                ready ? "served by IngestHandler" : "no handler registered; register the handler service"));
        return this;
    }

    @Override
    public List<RegisteredIntent> intents() {
        return List.copyOf(intents);
    }

    @Override
    public List<RefusedHandler> refusals() {
        return List.copyOf(refusals);
    }

    @Override
    public Optional<AdmittedHandler> resolve(String intentType, String versionRange) {
        return Optional.empty();
    }
}
