package org.symphainy.conductor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.symphainy.sdk.intent.IntentNamespace;
import org.symphainy.sdk.saga.SagaDefinition;

/**
 * Feeds the {@link SagaBook} as bundles are resolved, updated and removed: each bundle's declared intents
 * ({@code symphainy.intent} capabilities, with their {@code artifacts}) and the saga definitions their {@code saga}
 * attributes name, read from the bundle.
 */
final class SagaTracker implements BundleTrackerCustomizer<Bundle> {

    private final SagaBook book;
    private final Consumer<SagaBook.Verdict> changed;
    private final BundleTracker<Bundle> tracker;

    SagaTracker(BundleContext context, SagaBook book, Consumer<SagaBook.Verdict> changed) {
        this.book = book;
        this.changed = changed;
        this.tracker = new BundleTracker<>(context, Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, this);
    }

    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
    }

    @Override
    public Bundle addingBundle(Bundle bundle, BundleEvent event) {
        return read(bundle) ? bundle : null;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        if (event != null && event.getType() == BundleEvent.UPDATED) {
            read(bundle);
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        changed.accept(book.remove(bundle.getBundleId()));
    }

    /** Reads what the bundle's current revision declares; false if it declares no intent. */
    private boolean read(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null || revision.getCapabilities(IntentNamespace.NAMESPACE).isEmpty()) {
            return false;
        }
        List<SagaBook.Declared> declared = new ArrayList<>();
        List<SagaBook.Source> sagas = new ArrayList<>();
        for (Capability capability : revision.getCapabilities(IntentNamespace.NAMESPACE)) {
            Object type = capability.getAttributes().get(IntentNamespace.INTENT_ATTRIBUTE);
            if (type == null) {
                continue;
            }
            declared.add(new SagaBook.Declared(type.toString(), kinds(capability.getAttributes().get(IntentNamespace.ARTIFACTS_ATTRIBUTE))));
            Object saga = capability.getAttributes().get(IntentNamespace.SAGA_ATTRIBUTE);
            if (saga != null && !saga.toString().isBlank()) {
                sagas.add(source(bundle, type.toString(), saga.toString().trim()));
            }
        }
        changed.accept(book.put(bundle.getBundleId(), declared, sagas));
        return true;
    }

    private static SagaBook.Source source(Bundle bundle, String intentType, String path) {
        String name = bundle.getSymbolicName();
        String version = bundle.getVersion().toString();
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            return new SagaBook.Source(intentType, name, version, path, null, new SagaJson.InvalidSaga(null,
                    "the bundle has no resource '" + path + "'; ship the definition there or fix @ProvidesIntent(saga = ...)"));
        }
        try (InputStream in = entry.openStream()) {
            SagaDefinition definition = SagaJson.read(intentType, in);
            return new SagaBook.Source(intentType, name, version, path, definition, null);
        } catch (SagaJson.InvalidSaga e) {
            return new SagaBook.Source(intentType, name, version, path, null, e);
        } catch (IOException e) {
            return new SagaBook.Source(intentType, name, version, path, null,
                    new SagaJson.InvalidSaga(null, "resource '" + path + "' could not be read: " + e.getMessage()));
        }
    }

    /** The kinds of an {@code artifacts} attribute ({@code kind} or {@code kind=path} entries), whatever its type. */
    private static Set<String> kinds(Object attribute) {
        Set<String> kinds = new LinkedHashSet<>();
        List<Object> entries = new ArrayList<>();
        if (attribute instanceof Iterable<?> values) {
            values.forEach(entries::add);
        } else if (attribute instanceof Object[] values) {
            entries.addAll(List.of(values));
        } else if (attribute != null) {
            entries.addAll(List.of((Object[]) attribute.toString().split(",")));
        }
        for (Object entry : entries) {
            String text = entry.toString().trim();
            int equals = text.indexOf('=');
            String kind = (equals < 0 ? text : text.substring(0, equals)).trim();
            if (!kind.isEmpty()) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
