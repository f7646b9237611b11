package org.symphainy.librarian.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Version;
import org.symphainy.sdk.intent.HandlerRef;

/**
 * The payload schemas of every tracked bundle, by intent type and version, for the Librarian's hot path: a lookup is one
 * read of an immutable map. Several bundles may declare the same intent version; each keeps its own entry, and a lookup
 * takes the one of the bundle that serves the intent, never another's. Writes (bundles coming and going) replace a
 * bundle's entries whole and publish a new map.
 */
final class SchemaIndex {

    /** An intent type and version. */
    private record IntentKey(String type, Version version) {
    }

    private final Map<Long, List<IndexedSchema>> byBundle = new HashMap<>();
    private volatile Map<IntentKey, List<IndexedSchema>> byIntent = Map.of();

    /** Replaces the entries of bundle {@code bundleId} with {@code entries}. */
    synchronized void put(long bundleId, List<IndexedSchema> entries) {
        Map<IntentKey, List<IndexedSchema>> next = without(bundleId);
        for (IndexedSchema entry : entries) {
            next.computeIfAbsent(key(entry.view()), k -> new ArrayList<>()).add(entry);
        }
        byBundle.put(bundleId, List.copyOf(entries));
        publish(next);
    }

    /** Drops every entry of bundle {@code bundleId}. */
    synchronized void remove(long bundleId) {
        Map<IntentKey, List<IndexedSchema>> next = without(bundleId);
        byBundle.remove(bundleId);
        publish(next);
    }

    /** The entry the serving bundle of {@code handler} declared for its intent version; null if there is none. */
    IndexedSchema find(HandlerRef handler) {
        List<IndexedSchema> declared = byIntent.get(new IntentKey(handler.intentType(),
                Version.parseVersion(handler.intentVersion())));
        if (declared != null) {
            for (IndexedSchema entry : declared) {
                if (entry.declaredBy(handler.bundleSymbolicName(), handler.bundleVersion())) {
                    return entry;
                }
            }
        }
        return null;
    }

    /** Every entry's view, ordered by intent type, intent version and bundle. */
    List<IntentSchema> views() {
        return byIntent.values().stream().flatMap(List::stream).map(IndexedSchema::view)
                .sorted(Comparator.comparing(IntentSchema::intentType)
                        .thenComparing(view -> Version.parseVersion(view.intentVersion()))
                        .thenComparing(IntentSchema::bundleSymbolicName)
                        .thenComparing(view -> Version.parseVersion(view.bundleVersion())))
                .toList();
    }

    private Map<IntentKey, List<IndexedSchema>> without(long bundleId) {
        Map<IntentKey, List<IndexedSchema>> next = new HashMap<>();
        byIntent.forEach((key, entries) -> next.put(key, new ArrayList<>(entries)));
        for (IndexedSchema gone : byBundle.getOrDefault(bundleId, List.of())) {
            List<IndexedSchema> entries = next.get(key(gone.view()));
            entries.remove(gone);
            if (entries.isEmpty()) {
                next.remove(key(gone.view()));
            }
        }
        return next;
    }

    private void publish(Map<IntentKey, List<IndexedSchema>> next) {
        Map<IntentKey, List<IndexedSchema>> frozen = new HashMap<>();
        next.forEach((key, entries) -> frozen.put(key, List.copyOf(entries)));
        byIntent = Map.copyOf(frozen);
    }

    private static IntentKey key(IntentSchema view) {
        return new IntentKey(view.intentType(), Version.parseVersion(view.intentVersion()));
    }
}
