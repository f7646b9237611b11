package org.symphainy.conductor.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaRefusal;
import org.symphainy.sdk.saga.Sagas;

/**
 * The Conductor: checks the saga definition of every deployed bundle against the deployed intents when the bundle is
 * resolved, logs each refusal (one line per problem, naming the step) and serves the verdicts as {@link Sagas}.
 */
@Component(service = Sagas.class)
public final class Conductor implements Sagas {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.conductor");

    private final SagaBook book = new SagaBook();
    private final Set<String> reported = new HashSet<>();
    private final SagaTracker tracker;

    @Activate
    public Conductor(BundleContext context) {
        this.tracker = new SagaTracker(context, book, this::report);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public Optional<SagaDefinition> definition(String intentType) {
        return Optional.ofNullable(book.verdict().accepted().get(intentType));
    }

    @Override
    public List<String> intentTypes() {
        return book.verdict().accepted().keySet().stream().sorted().toList();
    }

    @Override
    public List<SagaRefusal> refusals() {
        return book.verdict().refusals();
    }

    /** Logs refusals not logged before, and sagas that pass now. */
    private synchronized void report(SagaBook.Verdict verdict) {
        Set<String> now = new HashSet<>();
        for (SagaRefusal refusal : verdict.refusals()) {
            String key = refusal.intentType() + " " + refusal.bundle() + " " + refusal.problems();
            now.add(key);
            if (!reported.contains(key)) {
                refusal.problems().forEach(problem -> LOG.error("saga {} of bundle {} {} ({}) is refused: {}",
                        refusal.intentType(), refusal.bundle(), refusal.bundleVersion(), refusal.resource(), problem));
            }
        }
        for (String intentType : verdict.accepted().keySet()) {
            if (reported.add("ok " + intentType)) {
                LOG.info("saga {} passed its check: {} steps", intentType, verdict.accepted().get(intentType).steps().size());
            }
        }
        reported.removeIf(key -> !key.startsWith("ok ") && !now.contains(key));
        reported.removeIf(key -> key.startsWith("ok ") && !verdict.accepted().containsKey(key.substring(3)));
        reported.addAll(now);
    }
}
