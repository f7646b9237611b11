package org.symphainy.runtime.internal.kernel;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionApproved;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionFailed;
import org.symphainy.runtime.internal.record.KernelRecord.IntentAccepted;
import org.symphainy.runtime.internal.record.KernelRecord.IntentDenied;
import org.symphainy.runtime.internal.record.RecordHead;
import org.symphainy.runtime.internal.record.RecordType;
import org.symphainy.sdk.governance.DataSteward;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceRole;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.governance.IntentDeniedException;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.registry.AdmittedHandler;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.registry.RegisteredIntent;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.ExecutionUpdate;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.ReplayReport;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Submission;
import org.symphainy.sdk.runtime.Subscription;
import org.symphainy.sdk.runtime.PlatformIntents;
import org.symphainy.sdk.saga.SagaDefinition;

/**
 * The single execution authority. An intent is checked, decided by every governance stage, pinned to the handler the
 * Curator admitted, and appended to the WAL as IntentAccepted with its decisions, clock and seed; only once that record
 * is durable does {@link #submit} return. Handlers then run on workers; every transition is a WAL record, and the
 * execution book is rebuilt from the WAL when the kernel is made, where unfinished executions resume. Made and
 * published by {@link KernelComponent}; tests make it directly.
 */
public final class Kernel implements Runtime, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.runtime");
    private static final long PARKED_RECHECK_MILLIS = 200;
    private static final int DUPLICATE_WAIT_MILLIS = 5_000;

    private final IntentRegistry registry;
    private final GovernancePipeline pipeline;
    private final PayloadCheck payloadCheck;
    private final Clock clock = Clock.systemUTC();
    private final ExecutionBook book;
    private final Subscriptions subscriptions = new Subscriptions();
    /** The most effects one execution keeps (a projection applied again after restarts records again). */
    static final int MAX_EFFECTS = 32;

    private final Projections projections = new Projections(this::recordEffect);
    private final Set<String> parked = ConcurrentHashMap.newKeySet();
    private final Set<String> deciding = ConcurrentHashMap.newKeySet(); // held executions being approved, rejected or expired
    private final AtomicInteger inFlight = new AtomicInteger();
    private final TenantLoad load = new TenantLoad();
    private final int maxInFlight;
    private final Duration approvalTimeout;
    private final Journal journal;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final StepRunner steps;
    private final SagaRunner sagaRunner;
    private final Function<String, Optional<SagaDefinition>> sagas;
    private final KernelDrain drain;

    /**
     * Opens the WAL in {@code walDirectory}, rebuilds the execution book from it and resumes what was unfinished.
     * {@code roles} gives the role service registered for each stage now, or null.
     */
    Kernel(Path walDirectory, KernelConfig config, IntentRegistry registry, Function<Stage, GovernanceRole> roles) {
        this(walDirectory, config, registry, roles, session -> Optional.empty());
    }

    /**
     * As {@link #Kernel(Path, KernelConfig, IntentRegistry, Function)}; {@code principals} gives the principal of an
     * active session by its id (the Traffic Cop's sessions), for the governance stages.
     */
    Kernel(Path walDirectory, KernelConfig config, IntentRegistry registry, Function<Stage, GovernanceRole> roles,
            Function<String, Optional<Principal>> principals) {
        this(walDirectory, config, registry, roles, principals, intentType -> RetryPolicy.NONE);
    }

    /**
     * As {@link #Kernel(Path, KernelConfig, IntentRegistry, Function, Function)}; {@code retries} gives the retry policy
     * of an intent type (the Nurse's).
     */
    Kernel(Path walDirectory, KernelConfig config, IntentRegistry registry, Function<Stage, GovernanceRole> roles,
            Function<String, Optional<Principal>> principals, Function<String, RetryPolicy> retries) {
        this(walDirectory, config, registry, roles, principals, retries, intentType -> Optional.empty());
    }

    /**
     * As {@link #Kernel(Path, KernelConfig, IntentRegistry, Function, Function, Function)}; {@code sagas} gives the
     * checked saga definition of an intent type that is a saga (the Conductor's).
     */
    Kernel(Path walDirectory, KernelConfig config, IntentRegistry registry, Function<Stage, GovernanceRole> roles,
            Function<String, Optional<Principal>> principals, Function<String, RetryPolicy> retries,
            Function<String, Optional<SagaDefinition>> sagas) {
        this.registry = registry;
        this.sagas = sagas;
        this.pipeline = new GovernancePipeline(roles, principals, load::of);
        this.payloadCheck = new PayloadCheck(config.maxPayloadBytes());
        this.maxInFlight = positive("maxInFlight", config.maxInFlight());
        this.approvalTimeout = Duration.ofSeconds(positive("approvalTimeoutSeconds", config.approvalTimeoutSeconds()));
        this.workers = Executors.newFixedThreadPool(positive("workers", config.workers()), named("symphainy-worker"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("symphainy-timer"));
        timer.setRemoveOnCancelPolicy(true); // every step arms a watchdog; a cancelled one must not linger until it is due
        this.timers = timer;
        long started = System.nanoTime();
        this.book = new ExecutionBook(this::record);
        this.drain = new KernelDrain(registry, KernelDrain.MAX_SUBMIT_WAIT);
        this.journal = Journal.open(walDirectory, WalSettings.options(config), (head, sequence) -> book.apply(sequence, head, null));
        this.steps = new StepRunner(journal, this::applied, timers, clock, config.stepTimeoutMillis(),
                (entry, artifacts) -> artifactProblems(roles, entry.handler(), entry.id(), artifacts), retries, this::retryLater);
        this.sagaRunner = new SagaRunner(journal, this::applied, timers, workers, clock, config.stepTimeoutMillis(), retries,
                registry, drain, new SagaRunner.StepGovernance() {
                    @Override
                    public Optional<Decision> payloadDenial(Intent step, String executionId, Principal principal) {
                        return pipeline.stepPayloadDenial(step, executionId, clock.instant(), principal);
                    }

                    @Override
                    public List<String> artifactProblems(org.symphainy.sdk.intent.HandlerRef handler, String executionId,
                            List<org.symphainy.sdk.intent.Artifact> artifacts) {
                        return Kernel.artifactProblems(roles, handler, executionId, artifacts);
                    }
                });
        List<ExecutionEntry> unfinished = book.unfinished();
        List<ExecutionEntry> held = unfinished.stream().filter(e -> e.state() == ExecutionState.AWAITING_APPROVAL).toList();
        List<ExecutionEntry> resumed = unfinished.stream().filter(e -> e.state() != ExecutionState.AWAITING_APPROVAL).toList();
        for (ExecutionEntry entry : unfinished) {
            entry.attach((IntentAccepted) journal.read(entry.acceptedSequence()));
        }
        resumed.forEach(entry -> load.start(entry.tenant()));
        inFlight.set(resumed.size());
        LOG.info("runtime ready: {} executions from {} WAL records in {} ms; {} to resume, {} awaiting approval",
                book.size(), journal.lastSequence(), (System.nanoTime() - started) / 1_000_000, resumed.size(), held.size());
        for (ExecutionEntry entry : resumed) {
            if (!entry.saga() && entry.waitingForRetry()) { // a durable timer (a saga's runner keeps its own): the wait left of the recorded failure's backoff
                Instant due = entry.stepEndedAt().plus(steps.policy(entry).delayAfter(entry.attempts(), entry.seed()));
                retryLater(entry, Duration.between(clock.instant(), due));
            } else {
                workers.execute(() -> run(entry));
            }
        }
        held.forEach(this::expireLater);
        timers.scheduleWithFixedDelay(this::retryParked, PARKED_RECHECK_MILLIS, PARKED_RECHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops taking work, lets running handlers finish briefly and closes the WAL; queued work resumes at the next start. */
    @Override
    public void close() {
        List<Runnable> queued = workers.shutdownNow(); // queued executions resume from the WAL at the next start
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        subscriptions.close();
        projections.close();
        journal.close();
        LOG.info("runtime stopped; {} queued executions resume at the next start", queued.size());
    }

    @Override
    public Submission submit(Intent intent) {
        payloadCheck.check(intent);
        String payloadHash = sha256(intent.payload().bytes());
        Optional<Submission> duplicate = duplicateOf(intent, payloadHash);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        String executionId = ExecutionIds.next();
        Instant now = clock.instant();
        GovernancePipeline.Outcome governed = pipeline.decide(intent, executionId, now);
        SagaDefinition saga = governed.denied() ? null : sagaOf(intent.type());
        if (saga != null) {
            governed = pipeline.steps(governed, intent, saga, executionId, now);
        }
        List<Decision> decisions = governed.decisions();
        if (governed.denied()) {
            IntentDenied denial = new IntentDenied(executionId, now, intent, decisions, governed.principal());
            book.apply(journal.appendDurably(denial), RecordHead.of(denial), denial);
            throw new IntentDeniedException(intent.type(), decisions);
        }
        KernelDrain.Bound bound = drain.bindNewest(intent.type(), intent.versionRange(), () -> sagaDeclaration(intent),
                () -> unknown(intent));
        try {
            ApprovalRequest approval = ApprovalRequest.isApproval(intent.type()) ? ApprovalRequest.of(intent) : null;
            ExecutionEntry target = approval == null ? null : claimTarget(intent, approval);
            try {
                return accept(intent, executionId, now, governed, saga, bound, payloadHash, approval, target);
            } finally {
                if (target != null) {
                    deciding.remove(target.id());
                }
            }
        } finally {
            bound.lease().releaseUnlessHandedOver(); // held, duplicate or refused: it runs nothing now
        }
    }

    /**
     * Records the governed intent and starts it — or, if a stage allowed it only on approval, records it as held. An
     * approval intent also moves the execution it names ({@code target}, claimed), durably, before the caller hears back.
     */
    private Submission accept(Intent intent, String executionId, Instant now, GovernancePipeline.Outcome governed,
            SagaDefinition saga, KernelDrain.Bound bound, String payloadHash, ApprovalRequest approval, ExecutionEntry target) {
        AdmittedHandler handler = bound.handler();
        ExecutionEntry cancelled = PlatformIntents.CANCEL.equals(intent.type()) ? cancellable(intent) : null;
        ExecutionBook.KeyOwner owner = book.claim(intent.tenant(), intent.idempotencyKey(), executionId, payloadHash);
        if (owner != null) {
            return duplicateOf(intent, payloadHash).orElseThrow(() -> conflict(intent));
        }
        IntentAccepted accepted = new IntentAccepted(executionId, now, intent, governed.decisions(), handler.ref(),
                ThreadLocalRandom.current().nextLong(), payloadHash, governed.principal(), saga);
        boolean held = accepted.held();
        if (!held && inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            book.release(intent.tenant(), intent.idempotencyKey(), executionId);
            throw new IntentException(ErrorCode.RUNTIME_UNAVAILABLE, maxInFlight + " executions are running or waiting "
                    + "to run (maxInFlight); the intent was not accepted: retry later, or raise maxInFlight in "
                    + "etc/org.symphainy.runtime.cfg if the workers keep up");
        }
        try {
            applied(accepted, journal.appendDurably(accepted));
        } catch (RuntimeException e) {
            if (!held) {
                inFlight.decrementAndGet();
            }
            book.release(intent.tenant(), intent.idempotencyKey(), executionId);
            throw e;
        }
        if (target != null) {
            settle(target, approval, intent.actor(), executionId);
        }
        if (cancelled != null) {
            cancel(cancelled, intent, executionId);
        }
        ExecutionEntry entry = book.get(executionId).orElseThrow();
        if (held) {
            LOG.info("execution {} of {} by {} waits for a second principal's approval", executionId, intent.type(), intent.actor());
            expireLater(entry);
        } else if (accepted.saga() != null) {
            sagaRunner.run(entry, accepted, List.of());
        } else {
            bound.lease().handOver();
            try {
                workers.execute(() -> runBound(entry, handler, bound.lease()));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                bound.lease().release();
                throw stopping;
            }
        }
        return new Submission(executionId, now, false);
    }

    /**
     * The held execution an approval intent names, claimed for this approval (so no other approval, rejection or expiry
     * decides it meanwhile). The kernel's own invariants, whatever the governance stages allowed: it is the same
     * tenant's, waits for approval, and the approver is not the principal who submitted it.
     */
    private ExecutionEntry claimTarget(Intent intent, ApprovalRequest request) {
        ExecutionEntry target = book.get(request.executionId()).filter(e -> e.tenant().equals(intent.tenant()))
                .orElseThrow(() -> new IntentException(ErrorCode.UNKNOWN_EXECUTION, "tenant '" + intent.tenant()
                        + "' has no execution " + request.executionId() + " to " + request.verb()
                        + "; list the tenant's executions in state AWAITING_APPROVAL to find its id"));
        if (target.actor().equals(intent.actor())) {
            throw new IntentException(ErrorCode.FORBIDDEN, intent.actor() + " submitted execution " + target.id()
                    + " and cannot " + request.verb() + " it: a second principal of tenant '" + target.tenant() + "' must");
        }
        if (target.state() != ExecutionState.AWAITING_APPROVAL || !deciding.add(target.id())) {
            throw notAwaiting(target);
        }
        if (target.state() != ExecutionState.AWAITING_APPROVAL) { // decided between the look and the claim
            deciding.remove(target.id());
            throw notAwaiting(target);
        }
        return target;
    }

    private static IntentException notAwaiting(ExecutionEntry target) {
        ExecutionState state = target.state();
        return new IntentException(ErrorCode.NOT_AWAITING_APPROVAL, "execution " + target.id() + " is " + state
                + (state == ExecutionState.AWAITING_APPROVAL ? " but another approval or rejection of it is being recorded"
                        : ", not waiting for approval") + "; nothing to decide");
    }

    /**
     * A saga declared without a handler of its own (its {@code @ProvidesIntent(saga = ...)} on any class): the bundle
     * that declares it, highest version in the intent's range, with a handler that is never called.
     */
    private Optional<AdmittedHandler> sagaDeclaration(Intent intent) {
        if (sagaOf(intent.type()) == null) {
            return Optional.empty();
        }
        return registry.intents().stream().map(RegisteredIntent::declaredBy)
                .filter(ref -> ref.intentType().equals(intent.type()) && inRange(ref.intentVersion(), intent.versionRange()))
                .max(java.util.Comparator.comparing(ref -> org.osgi.framework.Version.valueOf(ref.intentVersion())))
                .map(ref -> new AdmittedHandler(ref, (i, context) -> {
                    throw new IllegalStateException("the handler of saga " + i.type() + " is never called");
                }));
    }

    private static boolean inRange(String version, String range) {
        return range == null || new org.osgi.framework.VersionRange(range).includes(org.osgi.framework.Version.valueOf(version));
    }

    /** The saga definition an intent type runs now, or null if it is not a saga (or no Conductor says so). */
    private SagaDefinition sagaOf(String intentType) {
        try {
            return sagas.apply(intentType).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("the saga definition of {} could not be had ({}); it runs as a plain intent", intentType, e.toString());
            return null;
        }
    }

    /**
     * The execution a cancellation intent names, if it may be cancelled: the same tenant's, not ended, not waiting for
     * approval (reject it instead).
     */
    private ExecutionEntry cancellable(Intent intent) {
        ApprovalRequest request = ApprovalRequest.of(intent);
        ExecutionEntry target = book.get(request.executionId()).filter(e -> e.tenant().equals(intent.tenant()))
                .orElseThrow(() -> new IntentException(ErrorCode.UNKNOWN_EXECUTION, "tenant '" + intent.tenant()
                        + "' has no execution " + request.executionId() + " to cancel; list the tenant's executions to find its id"));
        ExecutionState state = target.state();
        if (state.isTerminal() || state == ExecutionState.COMPENSATING) {
            throw new IntentException(ErrorCode.NOT_CANCELLABLE, "execution " + target.id() + " is " + state
                    + (state == ExecutionState.COMPENSATING ? ": it is being compensated already" : ": it ended") + "; nothing to cancel");
        }
        if (state == ExecutionState.AWAITING_APPROVAL) {
            throw new IntentException(ErrorCode.NOT_CANCELLABLE, "execution " + target.id() + " waits for approval; reject "
                    + "it instead (" + PlatformIntents.REJECT + ")");
        }
        return target;
    }

    /**
     * Records the cancellation on the execution it names, durably, before the canceller hears back; a saga then gives
     * up before its next step and compensates, a single-step execution fails before its next attempt.
     */
    private void cancel(ExecutionEntry target, Intent intent, String cancelExecutionId) {
        ApprovalRequest request = ApprovalRequest.of(intent);
        KernelRecord.CancelRequested record = new KernelRecord.CancelRequested(target.id(), clock.instant(), intent.actor(),
                cancelExecutionId, request.reason());
        applied(record, journal.appendDurably(record));
        LOG.info("execution {} cancelled by {} (execution {})", target.id(), intent.actor(), cancelExecutionId);
        if (target.saga()) {
            sagaRunner.cancel(target.id(), RecordHead.of(record).message());
        }
    }

    /** Records the approval's effect on the held execution — it may run, or it fails as rejected — and starts it. */
    private void settle(ExecutionEntry target, ApprovalRequest request, String approver, String approvalExecutionId) {
        Instant now = clock.instant();
        KernelRecord record = request.approves() ? new ExecutionApproved(target.id(), now, approver, approvalExecutionId)
                : new ExecutionFailed(target.id(), now, ErrorCode.APPROVAL_REJECTED, "rejected by " + approver
                        + " (execution " + approvalExecutionId + ")" + (request.reason() == null ? "" : ": " + request.reason()));
        applied(record, journal.appendDurably(record));
        LOG.info("execution {} {} by {} (execution {})", target.id(), request.approves() ? "approved" : "rejected", approver,
                approvalExecutionId);
        if (request.approves()) {
            workers.execute(() -> run(target));
        }
    }

    /**
     * What the Librarian (the intent's declared artifact kinds and their schemas) and the Data Steward (provenance
     * rules) find wrong with a step's artifacts, each problem prefixed with the role that found it.
     */
    private static List<String> artifactProblems(Function<Stage, GovernanceRole> roles, org.symphainy.sdk.intent.HandlerRef handler,
            String executionId, List<org.symphainy.sdk.intent.Artifact> artifacts) {
        List<String> problems = new java.util.ArrayList<>();
        if (roles.apply(Stage.LIBRARIAN) instanceof org.symphainy.sdk.governance.Librarian librarian) {
            librarian.artifactProblems(handler, artifacts).forEach(p -> problems.add("Librarian: " + p));
        }
        if (roles.apply(Stage.DATA_STEWARD) instanceof DataSteward steward) {
            steward.provenanceProblems(executionId, artifacts).forEach(p -> problems.add("Data Steward: " + p));
        }
        return problems;
    }

    /** Runs the next attempt of {@code entry} after {@code wait} (at once if it is not positive). */
    private void retryLater(ExecutionEntry entry, Duration wait) {
        try {
            timers.schedule(() -> workers.execute(() -> run(entry)), Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the kernel is closing: the next start schedules it again from the WAL
        }
    }

    /** Fails a held execution that nobody approved within the approval timeout (counted from its acceptance). */
    private void expireLater(ExecutionEntry entry) {
        long delay = Math.max(0, Duration.between(clock.instant(), entry.acceptedAt().plus(approvalTimeout)).toMillis());
        try {
            timers.schedule(() -> workers.execute(() -> expire(entry)), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the kernel is closing: the next start schedules it again from the WAL
        }
    }

    private void expire(ExecutionEntry entry) {
        if (entry.state() != ExecutionState.AWAITING_APPROVAL || !deciding.add(entry.id())) {
            return; // decided already, or being decided now: the approval or rejection wins
        }
        try {
            if (entry.state() == ExecutionState.AWAITING_APPROVAL) {
                ExecutionFailed expired = new ExecutionFailed(entry.id(), clock.instant(), ErrorCode.APPROVAL_EXPIRED,
                        "no second principal approved it within " + approvalTimeout.toSeconds() + " s "
                                + "(approvalTimeoutSeconds in etc/org.symphainy.runtime.cfg); submit the intent again");
                applied(expired, journal.appendDurably(expired));
            }
        } catch (RuntimeException e) {
            LOG.warn("execution {}: its approval expired but could not be recorded ({}); it is checked again at the next start",
                    entry.id(), e.toString());
        } finally {
            deciding.remove(entry.id());
        }
    }

    @Override
    public Optional<Execution> execution(String executionId) {
        return book.get(executionId).map(book::execution);
    }

    @Override
    public Page<ExecutionSummary> query(ExecutionQuery query) {
        return book.query(query);
    }

    @Override
    public Subscription subscribe(String executionId, Consumer<ExecutionUpdate> listener) {
        ExecutionEntry entry = book.get(executionId).orElseThrow(() -> new IntentException(ErrorCode.UNKNOWN_EXECUTION,
                "no execution " + executionId + "; list executions to find its id"));
        synchronized (entry) { // no record is applied between the current state and the first later change
            return subscriptions.subscribe(executionId, listener, entry.update(clock.instant()));
        }
    }

    @Override
    public ReplayReport replay(String executionId) {
        ExecutionEntry entry = book.get(executionId).orElseThrow(() -> new IntentException(ErrorCode.UNKNOWN_EXECUTION,
                "no execution " + executionId + "; list executions to find its id"));
        return new Replay(registry).of(entry, book::detail, journal::read);
    }

    /**
     * Feeds {@code projection} the completed executions of {@code intentTypes}: those in the log now, oldest first, then
     * each as it completes.
     */
    void addProjection(org.symphainy.sdk.runtime.Projection projection, String by, Set<String> intentTypes) {
        projections.add(projection, by, intentTypes, () -> book.ofTypes(intentTypes), book::execution);
    }

    /**
     * Records, durably, what projection bundle {@code by} did with ended execution {@code executionId} outside the log:
     * the execution shows it among its effects from then on (and after a restart).
     */
    org.symphainy.sdk.runtime.Effect recordEffect(String executionId, String by, boolean applied, String summary) {
        ExecutionEntry entry = book.get(executionId).orElseThrow(() -> new IllegalStateException(
                "no execution " + executionId + " to record an effect of"));
        ExecutionState state = entry.state();
        if (!state.isTerminal()) {
            throw new IllegalStateException("execution " + executionId + " is " + state
                    + "; its effects are recorded once it ended");
        }
        if (entry.effectSequences().length >= MAX_EFFECTS) {
            throw new IllegalStateException("execution " + executionId + " has " + MAX_EFFECTS
                    + " effects recorded already; no more are kept");
        }
        org.symphainy.sdk.runtime.Effect effect = new org.symphainy.sdk.runtime.Effect(by, clock.instant(), applied, summary);
        KernelRecord.EffectRecorded record = new KernelRecord.EffectRecorded(executionId, effect.at(), effect.by(),
                effect.applied(), effect.summary());
        applied(record, journal.appendDurably(record));
        return effect;
    }

    /** Stops feeding {@code projection}. */
    void removeProjection(org.symphainy.sdk.runtime.Projection projection) {
        projections.remove(projection);
    }

    /** The WAL as operators read it: by sequence range, and by execution through the book's sequences. */
    org.symphainy.sdk.ledger.Ledger ledger() {
        return new KernelLedger(journal, book::sequences);
    }

    /** The WAL record at {@code sequence}, whole (the book reads intents and artifacts back this way). */
    private KernelRecord record(long sequence) {
        return journal.read(sequence);
    }

    /** Every durable record passes here, in order per execution: into the book, then to the execution's subscribers. */
    private void applied(KernelRecord record, long sequence) {
        RecordType type = record.type();
        if (type == RecordType.EXECUTION_COMPLETED || type == RecordType.EXECUTION_FAILED
                || type == RecordType.SAGA_COMPENSATED || type == RecordType.SAGA_COMPENSATION_FAILED) {
            // before the book shows it ended: whoever sees the end can submit again. A held one was never counted.
            book.get(record.executionId()).filter(e -> e.state() != ExecutionState.AWAITING_APPROVAL).ifPresent(e -> {
                inFlight.decrementAndGet();
                load.end(e.tenant());
            });
        } else if (type == RecordType.INTENT_ACCEPTED) {
            load.start(((IntentAccepted) record).intent().tenant()); // counted in inFlight when submitted
        } else if (type == RecordType.EXECUTION_APPROVED) {
            book.get(record.executionId()).ifPresent(e -> load.start(e.tenant()));
            inFlight.incrementAndGet();
        }
        book.apply(sequence, RecordHead.of(record), record);
        if (type == RecordType.EXECUTION_COMPLETED) {
            book.get(record.executionId()).filter(e -> projections.follows(e.intentType()))
                    .ifPresent(e -> projections.completed(e, book::execution));
        }
        if (subscriptions.watched(record.executionId())) {
            book.get(record.executionId()).ifPresent(entry -> {
                synchronized (entry) {
                    ExecutionUpdate update = entry.update(record.at());
                    if (record instanceof KernelRecord.StepCompleted completed && !completed.events().isEmpty()) {
                        update = new ExecutionUpdate(update.executionId(), update.sequence(), update.at(), update.state(),
                                update.step(), update.failure(), completed.events()); // the handler's events, in order
                    }
                    subscriptions.publish(update);
                }
            });
        }
    }

    /** Runs an unfinished execution, or parks it until its handler is registered (after a restart, bundles start later). */
    private void run(ExecutionEntry entry) {
        if (entry.state().isTerminal()) {
            return; // ended meanwhile (cancelled, expired)
        }
        if (entry.saga()) { // a saga runs by its recorded definition: its own handler is never called
            IntentAccepted accepted = entry.accepted();
            if (accepted == null) {
                accepted = (IntentAccepted) journal.read(entry.acceptedSequence());
            }
            List<KernelRecord> recorded = java.util.Arrays.stream(entry.sequences()).skip(1).mapToObj(journal::read).toList();
            sagaRunner.run(entry, accepted, recorded);
            return;
        }
        Optional<AdmittedHandler> handler = pinned(entry);
        if (handler.isEmpty()) {
            if (parked.add(entry.id())) {
                LOG.info("execution {} waits for a handler of {} {}", entry.id(), entry.handler().intentType(),
                        entry.handler().intentVersion());
            }
            return;
        }
        parked.remove(entry.id());
        DrainGate.Lease lease = drain.tryBind(handler.get());
        if (lease == null) { // its revision drains: run it once the swap is done, on whatever serves it then
            drain.afterRelease(handler.get().ref(), () -> retryLater(entry, Duration.ZERO));
            return;
        }
        if (!handler.get().ref().intentVersion().equals(entry.handler().intentVersion())) {
            LOG.info("execution {} was accepted for {} {}, which no installed bundle declares any more; it runs on the "
                    + "compatible {} of {} {}", entry.id(), entry.handler().intentType(), entry.handler().intentVersion(),
                    handler.get().ref().intentVersion(), handler.get().ref().bundleSymbolicName(),
                    handler.get().ref().bundleVersion());
        }
        runBound(entry, handler.get(), lease);
    }

    /** Runs the execution's next attempt on {@code handler}, then releases its binding to the handler's revision. */
    private void runBound(ExecutionEntry entry, AdmittedHandler handler, DrainGate.Lease lease) {
        try {
            steps.run(entry, handler.handler());
        } finally {
            lease.release();
        }
    }

    private void retryParked() {
        for (String id : List.copyOf(parked)) {
            book.get(id).filter(entry -> pinned(entry).isPresent()).ifPresent(entry -> {
                if (parked.remove(id)) {
                    workers.execute(() -> run(entry));
                }
            });
        }
    }

    /** The handler of the intent version the execution was accepted for (or its compatible successor: KernelDrain). */
    private Optional<AdmittedHandler> pinned(ExecutionEntry entry) {
        return drain.pinned(entry.handler());
    }

    /** Drain and pin, for the deployer (published as {@link org.symphainy.sdk.runtime.ExecutionDrain}). */
    KernelDrain drain() {
        return drain;
    }

    /**
     * The first execution of this (tenant, idempotency key), if there is one and the payload is the same; a different
     * payload is a conflict. A first submission still being recorded is waited for (briefly).
     */
    private Optional<Submission> duplicateOf(Intent intent, String payloadHash) {
        if (intent.idempotencyKey() == null) {
            return Optional.empty();
        }
        for (int waited = 0; ; waited++) {
            ExecutionBook.KeyOwner owner = book.owner(intent.tenant(), intent.idempotencyKey());
            if (owner == null) {
                return Optional.empty();
            }
            if (!owner.payloadHash().equals(payloadHash)) {
                throw conflict(intent);
            }
            Optional<ExecutionEntry> first = book.get(owner.executionId());
            if (first.isPresent()) {
                return Optional.of(new Submission(owner.executionId(), first.get().acceptedAt(), true));
            }
            if (waited == DUPLICATE_WAIT_MILLIS) {
                throw new IntentException(ErrorCode.IDEMPOTENCY_CONFLICT, "the first submission with idempotency key '"
                        + intent.idempotencyKey() + "' is still being recorded; retry shortly");
            }
            sleepOneMillisecond();
        }
    }

    private static void sleepOneMillisecond() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntentException(ErrorCode.RUNTIME_UNAVAILABLE, "interrupted while waiting for an earlier submission");
        }
    }

    private IntentException unknown(Intent intent) {
        List<String> ready = registry.intents().stream().filter(RegisteredIntent::ready)
                .map(r -> r.declaredBy().intentType() + " " + r.declaredBy().intentVersion()).distinct().toList();
        return new IntentException(ErrorCode.UNKNOWN_INTENT, "intent '" + intent.type() + "'"
                + (intent.versionRange() == null ? "" : " in versions " + intent.versionRange())
                + " is not provided by any deployed bundle; deployed intents: " + (ready.isEmpty() ? "none" : String.join(", ", ready)));
    }

    private static IntentException conflict(Intent intent) {
        return new IntentException(ErrorCode.IDEMPOTENCY_CONFLICT, "idempotency key '" + intent.idempotencyKey()
                + "' of tenant '" + intent.tenant() + "' was used before with a different payload; use a new key for a new intent");
    }

    static String sha256(byte[] bytes) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static long positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " is " + value + " in etc/org.symphainy.runtime.cfg; it must be at least 1");
        }
        return value;
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " is " + value + " in etc/org.symphainy.runtime.cfg; it must be at least 1");
        }
        return value;
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
