package org.symphainy.librarian.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.registry.AdmittedHandler;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.registry.RefusedHandler;
import org.symphainy.sdk.registry.RegisteredIntent;

/** An intent registry the tests fill by hand; resolves like the Curator: the highest served version inside the range. */
final class StubRegistry implements IntentRegistry {

    private final List<AdmittedHandler> served = new ArrayList<>();

    /** Serves {@code type} {@code version} by bundle {@code symbolicName} 1.0.0. */
    StubRegistry serve(String symbolicName, String type, String version) {
        return serve(new HandlerRef(symbolicName, "1.0.0", type, version));
    }

    /** Serves the intent of {@code ref}. */
    synchronized StubRegistry serve(HandlerRef ref) {
        served.add(new AdmittedHandler(ref, (intent, context) -> Result.empty()));
        return this;
    }

    /** Stops serving everything. */
    synchronized void clear() {
        served.clear();
    }

    @Override
    public List<RegisteredIntent> intents() {
        return List.of();
    }

    @Override
    public List<RefusedHandler> refusals() {
        return List.of();
    }

    @Override
    public synchronized Optional<AdmittedHandler> resolve(String intentType, String versionRange) {
        VersionRange range = versionRange == null ? null : VersionRange.valueOf(versionRange);
        return served.stream()
                .filter(handler -> handler.ref().intentType().equals(intentType))
                .filter(handler -> range == null || range.includes(Version.parseVersion(handler.ref().intentVersion())))
                .max(Comparator.comparing(handler -> Version.parseVersion(handler.ref().intentVersion())));
    }
}
