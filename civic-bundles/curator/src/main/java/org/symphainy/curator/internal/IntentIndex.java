package org.symphainy.curator.internal;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.symphainy.sdk.registry.AdmittedHandler;

/**
 * Admitted handlers by intent type and version, for the Runtime's hot path: a lookup is a map read and a walk down the
 * versions from the highest. One handler per (type, version): the first admitted keeps it.
 */
final class IntentIndex {

    /** Parsed ranges kept, at most: clients send a handful of distinct ranges, parsing one costs more than the lookup. */
    private static final int RANGES_KEPT = 1_024;

    private final Map<String, NavigableMap<Version, AdmittedHandler>> byType = new ConcurrentHashMap<>();
    private final Map<String, VersionRange> ranges = new ConcurrentHashMap<>();

    /** Adds the handler unless its (type, version) is taken; returns the one that holds it now. */
    synchronized AdmittedHandler add(AdmittedHandler handler) {
        NavigableMap<Version, AdmittedHandler> versions = new TreeMap<>(byType.getOrDefault(handler.ref().intentType(), new TreeMap<>()));
        AdmittedHandler holder = versions.putIfAbsent(Version.parseVersion(handler.ref().intentVersion()), handler);
        byType.put(handler.ref().intentType(), versions);
        return holder == null ? handler : holder;
    }

    /** Removes the handler if it is the one indexed for its (type, version). */
    synchronized boolean remove(AdmittedHandler handler) {
        NavigableMap<Version, AdmittedHandler> versions = new TreeMap<>(byType.getOrDefault(handler.ref().intentType(), new TreeMap<>()));
        boolean removed = versions.remove(Version.parseVersion(handler.ref().intentVersion()), handler);
        if (versions.isEmpty()) {
            byType.remove(handler.ref().intentType());
        } else {
            byType.put(handler.ref().intentType(), versions);
        }
        return removed;
    }

    /** The highest version of {@code type} inside {@code range} (null: any). */
    Optional<AdmittedHandler> resolve(String type, String range) {
        NavigableMap<Version, AdmittedHandler> versions = byType.get(type);
        if (versions == null) {
            return Optional.empty();
        }
        if (range == null || range.isBlank()) {
            return Optional.of(versions.lastEntry().getValue());
        }
        VersionRange accepted = range(range);
        for (Map.Entry<Version, AdmittedHandler> entry : versions.descendingMap().entrySet()) {
            if (accepted.includes(entry.getKey())) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** The parsed range, kept for the next lookup (unless many distinct ranges were seen: then parsed each time). */
    private VersionRange range(String text) {
        VersionRange parsed = ranges.get(text);
        if (parsed == null) {
            parsed = VersionRange.valueOf(text);
            if (ranges.size() < RANGES_KEPT) {
                ranges.put(text, parsed);
            }
        }
        return parsed;
    }

    /** The handler indexed for exactly this (type, version), if any. */
    Optional<AdmittedHandler> exact(String type, Version version) {
        NavigableMap<Version, AdmittedHandler> versions = byType.get(type);
        return Optional.ofNullable(versions == null ? null : versions.get(version));
    }
}
