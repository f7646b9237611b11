package org.symphainy.curator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.foundations.projections.AppliedExecutions;
import org.symphainy.foundations.osgi.ResolutionDiagnosis;
import org.symphainy.sdk.deploy.BlastRadius;
import org.symphainy.sdk.deploy.BundleInfo;
import org.symphainy.sdk.deploy.DeployIntents;
import org.symphainy.sdk.deploy.Deployments;
import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.runtime.DrainTimeoutException;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionDrain;
import org.symphainy.sdk.runtime.Projection;

/**
 * The governed deployer: stages jars ({@link Deployments}) and applies the {@code platform.bundle.change} artifacts of
 * completed deploy executions to the framework ({@link Projection}) — each execution once, remembered on disk, in the
 * order they completed, on a thread of its own (a bundle's start or stop must not hold up the Runtime).
 */
@Component(service = {Deployments.class, Projection.class}, immediate = true, configurationPid = Deployer.PID, property = {
        Projection.INTENT_TYPES + "=" + DeployIntents.INSTALL,
        Projection.INTENT_TYPES + "=" + DeployIntents.UPDATE,
        Projection.INTENT_TYPES + "=" + DeployIntents.UNINSTALL,
        Projection.INTENT_TYPES + "=" + DeployIntents.START,
        Projection.INTENT_TYPES + "=" + DeployIntents.STOP })
@Designate(ocd = Deployer.Config.class)
public final class Deployer implements Deployments, Projection {

    static final String PID = "org.symphainy.curator.deploy";
    /** The framework property naming the platform's data directory. */
    static final String DATA_PROPERTY = "symphainy.data";
    /** The location prefix of bundles installed through deploy intents. */
    static final String DEPLOYED_LOCATION = "symphainy:deployed/";

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.deploy");
    private static final long REFRESH_TIMEOUT_SECONDS = 30;

    /** The deployer's settings. */
    @ObjectClassDefinition(name = "Symphainy governed deployer")
    public @interface Config {
        @AttributeDefinition(description = "The largest jar that may be staged, in bytes")
        long maxStageBytes() default 64L * 1024 * 1024;

        @AttributeDefinition(description = "How long an installed or updated bundle may take to become ready (active, "
                + "its intents' handlers admitted, its components satisfied) before it is rolled back, in ms")
        long readinessTimeoutMillis() default 10_000;

        @AttributeDefinition(description = "How long an update, stop or uninstall waits for the executions running on "
                + "the bundle's handlers to end (new ones wait meanwhile) before it gives up and changes nothing, in seconds")
        long drainTimeoutSeconds() default 30;
    }

    private final BundleContext context;
    private final StagingArea staging;
    private final BundleCatalog catalog;
    private final AppliedExecutions applied;
    private final DeployChecks checks;
    private final Readiness readiness;
    private final Revisions revisions;
    private final Rollbacks rollbacks = new Rollbacks();
    private volatile Duration drainTimeout = Duration.ofSeconds(30);
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ExecutionDrain drain;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "symphainy-deployer");
        thread.setDaemon(true);
        return thread;
    });

    /** A deployer keeping its files under the platform's data directory. */
    @Activate
    public Deployer(BundleContext context, Config config) {
        this(context, dataDirectory(context), config.maxStageBytes(), config.readinessTimeoutMillis());
        this.drainTimeout = Duration.ofSeconds(Math.max(1, config.drainTimeoutSeconds()));
    }

    /** A deployer keeping staged jars in {@code data/staging} and what it applied in {@code data/curator}. */
    Deployer(BundleContext context, Path data, long maxStageBytes) {
        this(context, data, maxStageBytes, 10_000);
    }

    /** A deployer whose readiness gate waits at most {@code readinessTimeoutMillis}. */
    Deployer(BundleContext context, Path data, long maxStageBytes, long readinessTimeoutMillis) {
        this.context = context;
        this.staging = new StagingArea(data.resolve("staging"), maxStageBytes);
        this.catalog = new BundleCatalog(context);
        this.applied = new AppliedExecutions(data.resolve("curator").resolve("applied-deployments"));
        this.checks = new DeployChecks(context, catalog);
        this.readiness = new Readiness(context, readinessTimeoutMillis);
        this.revisions = new Revisions(data.resolve("curator").resolve("revisions.properties"));
    }

    /** The submitter of the deployer's rollback intents; without it a rollback is applied directly and logged. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSubmitter(PlatformSubmitter submitter) {
        rollbacks.submitter(submitter);
    }

    void unsetSubmitter(PlatformSubmitter submitter) {
        rollbacks.submitter(null);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("bundle changes still queued at shutdown are applied at the next start");
            worker.shutdownNow();
        }
    }

    @Override
    public StagedBundle stage(String fileName, InputStream jar) {
        StagedBundle staged = staging.stage(fileName, jar);
        checks.uniqueIntents(staged);
        checks.trialResolve(staged, staging.jar(staged.sha256()).orElseThrow());
        LOG.info("staged {} as {} ({} {}, {} bytes)", staged.fileName(), staged.sha256(), staged.symbolicName(),
                staged.version(), staged.size());
        return staged;
    }

    @Override
    public Optional<StagedBundle> staged(String sha256) {
        return staging.staged(sha256);
    }

    @Override
    public List<BundleInfo> bundles() {
        return catalog.bundles();
    }

    @Override
    public Optional<BlastRadius> blastRadius(String symbolicName, String version) {
        return find(symbolicName, version == null || version.isBlank() ? null : version).flatMap(checks::blastRadius);
    }

    /** Queues the change a completed deploy execution recorded, unless it was applied (or queued) already. */
    @Override
    public void apply(Execution execution) {
        apply(execution, (done, summary) -> null);
    }

    /**
     * Queues the change a completed deploy execution recorded, unless it was applied (or queued) already; what came of
     * it (installed and ready, refused by the framework, rolled back) is recorded beside the execution as its effect.
     */
    @Override
    public void apply(Execution execution, Effects effects) {
        if (applied.applied(execution.id()) || !queued.add(execution.id())) {
            return;
        }
        String by = "execution " + execution.id() + " by " + execution.intent().actor() + "@" + execution.tenant();
        List<Artifact> artifacts = execution.artifacts();
        worker.execute(() -> {
            try {
                for (Artifact artifact : artifacts) {
                    DeployChange.recorded(artifact).ifPresent(change -> record(effects, by, perform(change, by)));
                }
                applied.record(execution.id());
            } catch (IOException | UncheckedIOException e) {
                LOG.error("could not record that {} was applied ({}); it is applied again at the next start", by,
                        e.getMessage());
            } finally {
                queued.remove(execution.id());
            }
        });
    }

    /** Waits until every change queued so far is applied (tests, shutdown). */
    void drain() throws Exception {
        worker.submit(() -> null).get(60, TimeUnit.SECONDS);
    }

    /** What came of one recorded change in the framework, as its execution's effect says it. */
    record Outcome(boolean applied, String summary) {

        static Outcome done(String summary) {
            return new Outcome(true, summary);
        }

        static Outcome notDone(String summary) {
            return new Outcome(false, summary);
        }
    }

    /** Records {@code outcome} beside the execution; a failure to record is logged (the framework change stands). */
    private static void record(Effects effects, String by, Outcome outcome) {
        try {
            effects.record(outcome.applied(), outcome.summary());
        } catch (RuntimeException e) {
            LOG.warn("what came of {} could not be recorded beside it ({}): {}", by, e.getMessage(), outcome.summary());
        }
    }

    private Outcome perform(DeployChange change, String by) {
        String what = change.symbolicName() + " " + change.version();
        String why = change.reason() == null ? "" : ": " + change.reason();
        try {
            return switch (change.action()) {
                case "install" -> install(change, what, by, why);
                case "update" -> update(change, what, by, why);
                case "uninstall", "start", "stop" -> {
                    Optional<Bundle> bundle = find(change.symbolicName(), change.version());
                    if (bundle.isEmpty()) {
                        LOG.warn("{} not done: {} is not installed ({}){}", change.action(), what, by, why);
                        yield Outcome.notDone(change.action() + " not done: " + what + " is not installed");
                    } else if ("uninstall".equals(change.action())) {
                        drained(bundle.get(), () -> remove(bundle.get()));
                        revisions.forget(change.symbolicName());
                        LOG.info("uninstalled {} ({}){}", what, by, why);
                        yield Outcome.done("uninstalled " + what);
                    } else if ("start".equals(change.action())) {
                        String failed = start(bundle.get(), what, by, why);
                        yield failed == null ? Outcome.done("started " + what)
                                : Outcome.notDone(what + " did not start: " + failed);
                    } else {
                        drained(bundle.get(), bundle.get()::stop);
                        catalog.cleared(bundle.get());
                        LOG.info("stopped {} ({}){}", what, by, why);
                        yield Outcome.done("stopped " + what);
                    }
                }
                default -> {
                    LOG.error("recorded change '{}' of {} is not one the deployer knows; ignored", change.action(), by);
                    yield Outcome.notDone("'" + change.action() + "' is not a change this deployer knows; ignored");
                }
            };
        } catch (DrainTimeoutException e) {
            LOG.error("{} of {} not done ({}): {}", change.action(), what, by, e.getMessage());
            return Outcome.notDone(change.action() + " of " + what + " not done: " + e.getMessage());
        } catch (BundleException | IllegalArgumentException | IllegalStateException | SecurityException e) {
            LOG.error("{} of {} failed ({}): {}", change.action(), what, by, ResolutionDiagnosis.oneLine(e));
            return Outcome.notDone(change.action() + " of " + what + " failed: " + ResolutionDiagnosis.oneLine(e));
        } catch (IOException e) {
            LOG.error("{} of {} failed ({}): {}", change.action(), what, by, e.toString());
            return Outcome.notDone(change.action() + " of " + what + " failed: " + e);
        }
    }

    /** Uninstalls {@code bundle} and refreshes its dependency closure: the framework change of an uninstall. */
    private void remove(Bundle bundle) throws BundleException {
        bundle.uninstall();
        catalog.cleared(bundle);
        refresh();
    }

    /** Replaces {@code target}'s revision with {@code jar} and refreshes: the framework change of an update. */
    private void swap(Bundle target, Path jar) throws BundleException, IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            target.stop(Bundle.STOP_TRANSIENT); // started again by the deployer, so a failing start can be rolled back
            target.update(in);
        }
        refresh();
    }

    private Outcome install(DeployChange change, String what, String by, String why) throws BundleException {
        if (find(change.symbolicName(), change.version()).isPresent()) {
            LOG.info("{} is installed already ({}); nothing to install", what, by);
            return Outcome.done(what + " is installed already; nothing to install");
        }
        Path jar = staging.jar(change.sha256()).orElse(null);
        if (jar == null) {
            LOG.error("install of {} failed ({}): the staged jar {} is gone; stage it again and resubmit", what, by,
                    change.sha256());
            return Outcome.notDone("install of " + what + " failed: the staged jar " + change.sha256()
                    + " is gone; stage it again and resubmit");
        }
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = context.installBundle(DEPLOYED_LOCATION + change.sha256(), in);
        } catch (IOException e) {
            LOG.error("install of {} failed ({}): cannot read {} ({})", what, by, jar, e.getMessage());
            return Outcome.notDone("install of " + what + " failed: cannot read the staged jar (" + e.getMessage() + ")");
        }
        LOG.info("installed {} as bundle {} ({}){}", what, bundle.getBundleId(), by, why);
        String installed = "installed " + what + " as bundle " + bundle.getBundleId();
        revisions.record(change.symbolicName(), change.sha256());
        String failed = start(bundle, what, by, why);
        String unready = change.rollback() ? null : failed != null ? failed : unready(bundle);
        if (unready != null) {
            String rolledBack = rollbacks.rollBack(change, null, unready, () -> {
                remove(bundle);
                revisions.forget(change.symbolicName());
            });
            return Outcome.notDone(installed + ", but it was not ready (" + unready + "); " + rolledBack);
        }
        return failed != null ? Outcome.notDone(installed + ", but it did not start: " + failed)
                : Outcome.done(installed + (change.rollback() ? "; started" : "; started and ready"));
    }

    /** Null if {@code bundle} passed the readiness gate; else why not. */
    private String unready(Bundle bundle) {
        try {
            return readiness.await(bundle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the deployer was stopped while waiting";
        }
    }

    private Outcome update(DeployChange change, String what, String by, String why) throws BundleException {
        Optional<Bundle> target = find(change.symbolicName(), null);
        Path jar = staging.jar(change.sha256()).orElse(null);
        if (target.isEmpty() || jar == null) {
            String problem = target.isEmpty() ? change.symbolicName() + " is not installed"
                    : "the staged jar " + change.sha256() + " is gone";
            LOG.error("update to {} failed ({}): {}", what, by, problem);
            return Outcome.notDone("update to " + what + " failed: " + problem);
        }
        String from = target.get().getVersion().toString();
        String previous = revisions.current(change.symbolicName()).orElse(null);
        boolean wasActive = target.get().getState() == Bundle.ACTIVE;
        String[] failedStart = {null};
        try {
            drained(target.get(), () -> { // in-flight work ends on the old revision first; waiting work on the started new one
                swap(target.get(), jar);
                if (target.get().getState() != Bundle.ACTIVE) {
                    failedStart[0] = start(target.get(), what, by, why);
                }
            });
        } catch (IOException | BundleException | IllegalStateException e) {
            String problem = e instanceof IOException ? "cannot read " + jar + " (" + e.getMessage() + ")"
                    : ResolutionDiagnosis.oneLine(e);
            LOG.error("update to {} failed ({}): {}; the running revision stays", what, by, problem);
            if (wasActive && target.get().getState() != Bundle.UNINSTALLED) {
                start(target.get(), change.symbolicName() + " " + from, by, why);
            }
            return Outcome.notDone("update to " + what + " failed: " + problem + "; the running revision stays");
        }
        revisions.record(change.symbolicName(), change.sha256());
        LOG.info("updated {} from {} to {} ({}){}", change.symbolicName(), from, change.version(), by, why);
        String updated = "updated " + change.symbolicName() + " from " + from + " to " + change.version();
        String failed = failedStart[0] != null || target.get().getState() == Bundle.ACTIVE ? failedStart[0]
                : start(target.get(), what, by, why);
        String unready = change.rollback() ? null : failed != null ? failed : unready(target.get());
        if (unready != null) {
            String rolledBack = rollbacks.rollBack(change, previous, unready, () -> {
                Path back = previous == null ? null : staging.jar(previous).orElse(null);
                if (back == null) {
                    LOG.error("cannot roll {} back: the jar of its previous revision is not kept", what);
                    return;
                }
                swap(target.get(), back);
                revisions.record(change.symbolicName(), previous);
                start(target.get(), change.symbolicName() + " (previous revision)", "rollback", "");
            });
            return Outcome.notDone(updated + ", but it was not ready (" + unready + "); " + rolledBack);
        }
        return failed != null ? Outcome.notDone(updated + ", but it did not start: " + failed)
                : Outcome.done(updated + (change.rollback() ? "; started" : "; started and ready"));
    }

    /**
     * Runs a change that replaces or withdraws the bundle's handlers once the executions running on them have ended
     * (drain and pin, the Runtime's {@link ExecutionDrain}); new executions of its intents wait meanwhile.
     */
    private void drained(Bundle bundle, ExecutionDrain.Change<Exception> change) throws BundleException, IOException {
        ExecutionDrain current = drain;
        try {
            if (current == null) {
                LOG.warn("the Runtime is not available to drain {} {}; it changes without waiting for its executions",
                        bundle.getSymbolicName(), bundle.getVersion());
                change.run();
                return;
            }
            current.drained(bundle.getSymbolicName(), bundle.getVersion().toString(), drainTimeout, change);
        } catch (BundleException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code bundle}; null if it started, else why not (also kept as its problem). */
    private String start(Bundle bundle, String what, String by, String why) {
        try {
            bundle.start();
            catalog.cleared(bundle);
            LOG.info("started {} ({}){}", what, by, why);
            return null;
        } catch (BundleException | IllegalStateException e) {
            catalog.failed(bundle, e);
            String failure = ResolutionDiagnosis.explain(context, bundle, e);
            LOG.error("{} did not start ({}): {}", what, by, failure);
            return failure;
        }
    }

    /** The deployable (non-platform) bundle of this name and version; the highest version if {@code version} is null. */
    private Optional<Bundle> find(String symbolicName, String version) {
        Bundle best = null;
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && !catalog.isPlatform(bundle)
                    && bundle.getState() != Bundle.UNINSTALLED
                    && (version == null || bundle.getVersion().equals(org.osgi.framework.Version.parseVersion(version)))
                    && (best == null || bundle.getVersion().compareTo(best.getVersion()) > 0)) {
                best = bundle;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Refreshes the bundles whose old revisions are pending removal, and waits (bounded) until it is done. */
    private void refresh() {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, event -> done.countDown());
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("the framework's refresh did not finish within {} s", REFRESH_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path dataDirectory(BundleContext context) {
        String data = context.getProperty(DATA_PROPERTY);
        if (data != null && !data.isBlank()) {
            return Path.of(data);
        }
        return context.getDataFile("").toPath();
    }
}
