package org.symphainy.curator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.registry.AdmittedHandler;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.registry.RefusedHandler;
import org.symphainy.sdk.registry.RegisteredIntent;
import org.symphainy.sdk.saga.Sagas;

/**
 * The Curator: pairs every {@link IntentHandler} service with the {@code symphainy.intent} capability its bundle
 * declares, admits it into the index the Runtime resolves intents from, refuses a handler for an undeclared intent or
 * for an intent another bundle already serves at that version, and reports declared intents that have no handler.
 */
@Component(service = IntentRegistry.class, immediate = true)
public final class Curator implements IntentRegistry, ServiceTrackerCustomizer<IntentHandler, IntentHandler> {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.curator");

    private final BundleContext context;
    private final IntentIndex index = new IntentIndex();
    private final Map<ServiceReference<IntentHandler>, AdmittedHandler> admitted = new LinkedHashMap<>();
    private final Map<ServiceReference<IntentHandler>, RefusedHandler> refused = new LinkedHashMap<>();
    private final ServiceTracker<IntentHandler, IntentHandler> handlers;
    /** The Conductor's checked sagas (optional): a declared saga needs no handler, the Runtime runs its definition. */
    private final ServiceTracker<Sagas, Sagas> sagas;

    /** Tracks handler services from activation on. */
    @Activate
    public Curator(BundleContext context) {
        this.context = context;
        this.handlers = new ServiceTracker<>(context, IntentHandler.class, this);
        this.sagas = new ServiceTracker<>(context, Sagas.class, null);
        sagas.open();
        handlers.open();
    }

    @Deactivate
    void deactivate() {
        handlers.close();
        sagas.close();
    }

    @Override
    public IntentHandler addingService(ServiceReference<IntentHandler> reference) {
        IntentHandler handler = context.getService(reference);
        if (handler != null) {
            admit(reference, handler);
        }
        return handler;
    }

    @Override
    public void modifiedService(ServiceReference<IntentHandler> reference, IntentHandler handler) {
        // the pairing depends on the handler's class and bundle, not on service properties
    }

    @Override
    public void removedService(ServiceReference<IntentHandler> reference, IntentHandler handler) {
        synchronized (this) {
            AdmittedHandler gone = admitted.remove(reference);
            refused.remove(reference);
            if (gone != null && index.remove(gone)) {
                LOG.info("intent {} {} withdrawn: {} {} no longer serves it", gone.ref().intentType(), gone.ref().intentVersion(),
                        gone.ref().bundleSymbolicName(), gone.ref().bundleVersion());
                readmitRefused();
            }
        }
        context.ungetService(reference);
    }

    @Override
    public synchronized List<RegisteredIntent> intents() {
        List<RegisteredIntent> intents = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING) {
                for (DeclaredIntent declared : DeclaredIntent.of(bundle)) {
                    intents.add(registered(bundle, declared));
                }
            }
        }
        intents.sort(Comparator.comparing((RegisteredIntent r) -> r.declaredBy().intentType())
                .thenComparing(r -> org.osgi.framework.Version.parseVersion(r.declaredBy().intentVersion())));
        return intents;
    }

    @Override
    public synchronized List<RefusedHandler> refusals() {
        return List.copyOf(refused.values());
    }

    @Override
    public Optional<AdmittedHandler> resolve(String intentType, String versionRange) {
        return index.resolve(intentType, versionRange);
    }

    private synchronized void admit(ServiceReference<IntentHandler> reference, IntentHandler handler) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return;
        }
        HandlerAdmission verdict = HandlerAdmission.judge(bundle, handler);
        if (!verdict.admitted()) {
            refuse(reference, bundle, handler, verdict.refusal());
            return;
        }
        AdmittedHandler candidate = new AdmittedHandler(verdict.ref(), handler);
        AdmittedHandler holder = index.add(candidate);
        if (holder != candidate) {
            refuse(reference, bundle, handler, "intent " + verdict.ref().intentType() + " " + verdict.ref().intentVersion()
                    + " is already served by " + holder.ref().bundleSymbolicName() + " " + holder.ref().bundleVersion()
                    + ": give this bundle's intent another version, or undeploy the other bundle");
            return;
        }
        refused.remove(reference);
        admitted.put(reference, candidate);
        LOG.info("intent {} {} served by {} {}", verdict.ref().intentType(), verdict.ref().intentVersion(),
                verdict.ref().bundleSymbolicName(), verdict.ref().bundleVersion());
    }

    private void refuse(ServiceReference<IntentHandler> reference, Bundle bundle, IntentHandler handler, String reason) {
        refused.put(reference, new RefusedHandler(bundle.getSymbolicName(), bundle.getVersion().toString(),
                handler.getClass().getName(), reason));
        LOG.warn("handler {} of {} {} refused: {}", handler.getClass().getName(), bundle.getSymbolicName(), bundle.getVersion(), reason);
    }

    /** A withdrawn handler may free an intent version another bundle was refused for. */
    private void readmitRefused() {
        for (ServiceReference<IntentHandler> reference : List.copyOf(refused.keySet())) {
            IntentHandler handler = handlers.getService(reference);
            if (handler != null) {
                admit(reference, handler);
            }
        }
    }

    private RegisteredIntent registered(Bundle bundle, DeclaredIntent declared) {
        HandlerRef ref = new HandlerRef(bundle.getSymbolicName(), bundle.getVersion().toString(), declared.type(),
                declared.version().toString());
        Optional<AdmittedHandler> serving = index.exact(declared.type(), declared.version());
        if (serving.isPresent() && serving.get().ref().equals(ref)) {
            return new RegisteredIntent(ref, true, "served by " + serving.get().handler().getClass().getName());
        }
        if (serving.isPresent()) {
            return new RegisteredIntent(ref, false, "declared, but served by " + serving.get().ref().bundleSymbolicName()
                    + " " + serving.get().ref().bundleVersion());
        }
        Sagas checked = sagas.getService();
        if (checked != null && checked.definition(declared.type()).isPresent()) {
            return new RegisteredIntent(ref, true, false, "a saga: the Runtime runs its definition, checked by the Conductor "
                    + "(no handler needed)");
        }
        return new RegisteredIntent(ref, false, "declared, but no handler is registered: register an IntentHandler service "
                + "annotated @ProvidesIntent(value = \"" + declared.type() + "\", version = \"" + declared.version() + "\")");
    }
}
