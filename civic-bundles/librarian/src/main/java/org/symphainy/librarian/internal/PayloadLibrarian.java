package org.symphainy.librarian.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.Librarian;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.registry.AdmittedHandler;
import org.symphainy.sdk.registry.IntentRegistry;

/**
 * The Librarian role: checks every intent's payload against the JSON Schema (2020-12) that the bundle serving it declares
 * ({@code @ProvidesIntent(schema = ...)}). It asks the {@link IntentRegistry} which handler the kernel will route the
 * intent to (the highest admitted version inside the intent's range), then judges the payload against the schema that
 * handler's own bundle declares for that version, never another bundle's. It fails closed: an intent whose schema is
 * broken is refused until the bundle is fixed. It judges payloads only: an intent nobody serves is allowed here, for
 * the Runtime refuses it anyway.
 */
@Component(service = Librarian.class, immediate = true)
public final class PayloadLibrarian implements Librarian {

    /** The code of a denial because the Librarian has not read the serving bundle's declarations (should not happen). */
    static final String SCHEMA_UNAVAILABLE = "SCHEMA_UNAVAILABLE";

    private final IntentRegistry registry;
    private final SchemaIndex index = new SchemaIndex();
    private final PayloadCheck check = new PayloadCheck();
    private final SchemaTracker tracker;

    /** Reads the schemas of every resolved bundle, then follows bundles as they come and go. */
    @Activate
    public PayloadLibrarian(BundleContext context, @Reference IntentRegistry registry) {
        this.registry = registry;
        this.tracker = new SchemaTracker(context, new SchemaCompiler(), index);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public Decision decide(Intent intent, GovernanceContext context) {
        Optional<AdmittedHandler> handler = registry.resolve(intent.type(), intent.versionRange());
        if (handler.isEmpty()) {
            return Decision.allow(Stage.LIBRARIAN, "no deployed bundle serves intent " + intent.type()
                    + (intent.versionRange() == null ? "" : " in versions " + intent.versionRange())
                    + ", so there is no payload schema to check (the Runtime refuses intents nobody serves)");
        }
        HandlerRef ref = handler.get().ref();
        IndexedSchema entry = index.find(ref);
        if (entry == null) {
            return Decision.deny(Stage.LIBRARIAN, SCHEMA_UNAVAILABLE, "the Librarian has not read the declarations of "
                    + ref.bundleSymbolicName() + " " + ref.bundleVersion() + ", which serves intent " + ref.intentType()
                    + " " + ref.intentVersion() + ": submit the intent again; if this persists, restart the bundle"
                    + " org.symphainy.librarian and report it");
        }
        return switch (entry.view().status()) {
            case NONE -> Decision.allow(Stage.LIBRARIAN, "intent " + ref.intentType() + " " + ref.intentVersion()
                    + " declares no payload schema (bundle " + ref.bundleSymbolicName() + " " + ref.bundleVersion()
                    + "), so its payload is not checked");
            case BROKEN -> Decision.deny(Stage.LIBRARIAN, Decision.PAYLOAD_INVALID, "intent " + ref.intentType() + " "
                    + ref.intentVersion() + " cannot be accepted: its payload " + entry.view().describe()
                    + " is broken (" + entry.view().problem() + "); the bundle's author must fix the schema and"
                    + " redeploy the bundle");
            case VALID -> checked(intent, entry);
        };
    }

    /**
     * The problems of a step's artifacts under the artifact kinds the serving bundle declares for the intent version
     * {@code handler} names: an undeclared kind, a kind whose schema is broken, content that is not JSON or does not
     * match its kind's schema. Nothing if the intent declares no kinds.
     */
    @Override
    public List<String> artifactProblems(HandlerRef handler, List<Artifact> artifacts) {
        IndexedSchema entry = index.find(handler);
        if (entry == null || !entry.artifacts().declared()) {
            return List.of();
        }
        return check.artifactProblems(handler, entry.artifacts(), artifacts);
    }

    /** Every intent version the tracked bundles declare, with its schema's path, bundle and state. */
    public List<IntentSchema> schemas() {
        return index.views();
    }

    private Decision checked(Intent intent, IndexedSchema entry) {
        try {
            return check.check(intent.payload(), entry);
        } catch (RuntimeException | StackOverflowError e) {
            return Decision.deny(Stage.LIBRARIAN, Decision.PAYLOAD_INVALID, "the payload of intent " + intent.type()
                    + " could not be checked against the " + entry.view().describe() + " (" + Messages.causes(e)
                    + "): the intent is refused; check the schema, and report this to the platform operators if it is"
                    + " valid");
        }
    }
}
