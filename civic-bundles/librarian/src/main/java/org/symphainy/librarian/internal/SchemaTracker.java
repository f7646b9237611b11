package org.symphainy.librarian.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link SchemaIndex} exact as bundles come and go: when a bundle is resolved (before it can start and
 * register a handler) its declared intents are read from its revision and their schemas compiled; when it is
 * unresolved, updated or uninstalled its entries go, and an updated bundle is read again from its new revision.
 * Stopping and starting a bundle keeps its entries: STOPPING is tracked too, so a stop does not compile them again.
 * A broken schema is logged at ERROR in one line naming the bundle, the path and the problem.
 */
final class SchemaTracker implements BundleTrackerCustomizer<Bundle> {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.librarian");

    private final SchemaCompiler compiler;
    private final SchemaIndex index;
    private final BundleTracker<Bundle> tracker;
    private final Map<Long, BundleRevision> indexed = new ConcurrentHashMap<>();

    SchemaTracker(BundleContext context, SchemaCompiler compiler, SchemaIndex index) {
        this.compiler = compiler;
        this.index = index;
        this.tracker = new BundleTracker<>(context,
                Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, this);
    }

    /** Reads every bundle resolved now, then follows the changes. */
    void open() {
        tracker.open();
    }

    /** Stops following bundles and empties the index. */
    void close() {
        tracker.close();
    }

    @Override
    public Bundle addingBundle(Bundle bundle, BundleEvent event) {
        return read(bundle) ? bundle : null;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        BundleRevision current = bundle.adapt(BundleRevision.class);
        if (current != null && current != indexed.get(bundle.getBundleId())) {
            read(bundle);
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        indexed.remove(bundle.getBundleId());
        index.remove(bundle.getBundleId());
    }

    /** Indexes the intents the bundle's current revision declares; false if it declares none. */
    private boolean read(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<DeclaredSchema> declared = revision == null ? List.of() : DeclaredSchema.of(revision);
        if (declared.isEmpty()) {
            indexed.remove(bundle.getBundleId());
            index.remove(bundle.getBundleId());
            return false;
        }
        List<IndexedSchema> entries = new ArrayList<>();
        for (DeclaredSchema intent : declared) {
            entries.add(load(bundle, intent));
        }
        index.put(bundle.getBundleId(), entries);
        indexed.put(bundle.getBundleId(), revision);
        return true;
    }

    private IndexedSchema load(Bundle bundle, DeclaredSchema intent) {
        IndexedSchema payload = loadPayload(bundle, intent);
        return new IndexedSchema(payload.view(), payload.schema(), artifactKinds(bundle, intent));
    }

    /** The artifact kinds {@code intent} declares, each schema compiled from the bundle; a broken one is logged. */
    private ArtifactKinds artifactKinds(Bundle bundle, DeclaredSchema intent) {
        if (intent.artifacts().isEmpty()) {
            return ArtifactKinds.UNDECLARED;
        }
        Map<String, com.networknt.schema.Schema> schemas = new java.util.HashMap<>();
        Map<String, String> broken = new java.util.HashMap<>();
        for (String entry : intent.artifacts()) {
            int equals = entry.indexOf('=');
            String kind = (equals < 0 ? entry : entry.substring(0, equals)).trim();
            String path = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (path.isEmpty()) {
                schemas.put(kind, null);
                continue;
            }
            CompiledSchema compiled = compiler.compile(bundle, path);
            if (compiled.valid()) {
                schemas.put(kind, compiled.schema());
            } else {
                broken.put(kind, "schema '" + path + "' of artifact kind " + kind + " is broken (" + compiled.problem() + ")");
                LOG.error("artifact schema '{}' of bundle {} {} (intent {} {}, kind {}) is broken: {}; artifacts of that "
                        + "kind are refused until the bundle ships a valid JSON Schema 2020-12 there", path,
                        bundle.getSymbolicName(), bundle.getVersion(), intent.intentType(), intent.intentVersion(), kind,
                        compiled.problem());
            }
        }
        return new ArtifactKinds(java.util.Collections.unmodifiableMap(schemas), Map.copyOf(broken));
    }

    private IndexedSchema loadPayload(Bundle bundle, DeclaredSchema intent) {
        String type = intent.intentType();
        String version = intent.intentVersion().toString();
        String symbolicName = bundle.getSymbolicName();
        String bundleVersion = bundle.getVersion().toString();
        if (intent.schemaPath() == null) {
            return new IndexedSchema(new IntentSchema(type, version, symbolicName, bundleVersion, bundle.getBundleId(),
                    null, IntentSchema.Status.NONE, null), null);
        }
        CompiledSchema compiled = compiler.compile(bundle, intent.schemaPath());
        IntentSchema view = new IntentSchema(type, version, symbolicName, bundleVersion, bundle.getBundleId(),
                intent.schemaPath(), compiled.valid() ? IntentSchema.Status.VALID : IntentSchema.Status.BROKEN,
                compiled.problem());
        if (compiled.valid()) {
            LOG.info("payload schema '{}' of bundle {} {} checks intent {} {}", intent.schemaPath(), symbolicName,
                    bundleVersion, type, version);
        } else {
            LOG.error("payload schema '{}' of bundle {} {} (intent {} {}) is broken: {}; its intents are refused until"
                    + " the bundle ships a valid JSON Schema 2020-12 there", intent.schemaPath(), symbolicName,
                    bundleVersion, type, version, compiled.problem());
        }
        return new IndexedSchema(view, compiled.schema());
    }
}
