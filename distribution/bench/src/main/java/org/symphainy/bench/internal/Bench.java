package org.symphainy.bench.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.ReplayReport;
import org.symphainy.sdk.runtime.Runtime;

/**
 * The kernel's scenarios, each on a WAL of its own, and the figures they print. fsync: closed-loop throughput, then
 * latency at a fixed offered load. async: closed-loop throughput; then a WAL filled with about a million records,
 * the kernel restarted on it (recovery), the heap its executions take, and replay over them.
 */
final class Bench {

    /** How long the City Manager may take to read the scenario's policy file. */
    private static final Duration POLICY_PATIENCE = Duration.ofSeconds(30);

    /** Intents the governance scenario times the pipeline for (after as many to warm up). */
    private static final int GOVERNED_TIMED = 20_000;

    /** The offered load of the latency scenario, in intents per second. */
    static final int OFFERED_PER_SECOND = 2_000;
    /** The offered load of the saga latency scenario, in sagas per second (a third of the throughput target). */
    static final int SAGA_OFFERED_PER_SECOND = 1_000;
    /** The saga scenario's input: what its steps' payloads are mapped from. */
    static final org.symphainy.sdk.intent.Json SAGA_INPUT =
            org.symphainy.sdk.intent.Json.of("{\"order\":\"bench-order\",\"amount\":125.5}");
    /** The WAL records of one platform.echo execution: IntentAccepted, StepStarted, StepCompleted, ExecutionCompleted. */
    static final int RECORDS_PER_EXECUTION = 4;
    static final long RECOVERY_RECORDS = 1_000_000;
    /** How many completed executions replay cycles over. */
    static final int REPLAY_EXECUTIONS = 100_000;
    /** The longest the bench waits for the kernel to finish what it accepted. */
    static final Duration PATIENCE = Duration.ofSeconds(300);

    private final KernelControl kernel;
    private final BenchOptions options;
    private final Figures figures;
    private final Path directory;
    private final EchoIntents intents;
    private final BenchIdentity identity;
    private final org.osgi.framework.BundleContext context;

    /** A bench of the kernel {@code kernel} controls, with its WALs under {@code directory}. */
    Bench(KernelControl kernel, BenchOptions options, Figures figures, Path directory, BenchIdentity identity,
            org.osgi.framework.BundleContext context) {
        this.intents = new EchoIntents(identity);
        this.identity = identity;
        this.context = context;
        this.kernel = kernel;
        this.options = options;
        this.figures = figures;
        this.directory = directory;
    }

    /** Runs the scenarios the options choose. */
    void run() throws InterruptedException {
        if (options.mode().fsync()) {
            durable();
            governance();
            sagas();
        }
        if (options.mode().async()) {
            async();
            recovery();
        }
    }

    private void durable() throws InterruptedException {
        Runtime runtime = kernel.use("fsync", directory.resolve("wal-fsync"));
        Throughput throughput = throughput(runtime, "fsync", intents);
        figures.figure("durable_intents_per_s", throughput.accepted(), 0, Figures.atLeast(throughput.accepted(), 10_000));
        figures.figure("durable_completed_per_s", throughput.completed(), 0, throughput.remark());

        figures.note("fsync: %d intents/s offered for %d s (open loop); latency from each submission's scheduled time",
                OFFERED_PER_SECOND, options.seconds());
        OpenLoop.Latencies latencies = new OpenLoop(runtime, intents).run(OFFERED_PER_SECOND, options.duration(), PATIENCE);
        Percentiles durable = new Percentiles(latencies.durable());
        Percentiles ended = new Percentiles(latencies.ended());
        figures.figure("durable_submit_p50_ms", durable.millis(50), 2, null);
        figures.figure("durable_submit_p99_ms", durable.millis(99), 2, null);
        figures.figure("durable_complete_p50_ms", ended.millis(50), 2, null);
        figures.figure("durable_complete_p99_ms", ended.millis(99), 2, durable.count() + " submissions");
    }

    /**
     * The governance scenario: intents of {@code bench.governed} (a payload schema, a data source) under a policy of a
     * thousand rules. The pipeline's cost per intent, timed on one thread; then durable throughput through the real
     * roles against the same with allow-all stand-ins outranking them, in this run, as a ratio.
     */
    private void governance() throws InterruptedException {
        if (!identity.signedIn()) {
            figures.note("governance: skipped, the container has no Smart City role bundles to measure");
            return;
        }
        Runtime runtime = kernel.use("fsync", directory.resolve("wal-governance"));
        EchoIntents orders = new EchoIntents(identity, GovernedHandler.TYPE, EchoIntents.ORDER);
        PipelineTimer timer = new PipelineTimer(context);
        Path policy = BenchPolicy.write(directory);
        awaitPolicy(timer, orders, policy);
        figures.note("governance: intent %s (JSON Schema of 10 properties, 1 data source) under %d policy rules (%s); "
                + "the pipeline timed on one thread", GovernedHandler.TYPE, BenchPolicy.RULES, policy);
        Percentiles pipeline = new Percentiles(timer.time(orders, GOVERNED_TIMED));
        figures.figure("governance_p50_us", pipeline.millis(50) * 1_000, 1, Figures.below(pipeline.millis(50) * 1_000, 50));
        figures.figure("governance_p99_us", pipeline.millis(99) * 1_000, 1, pipeline.count() + " intents");
        Throughput governed = throughput(runtime, "governed fsync", orders);
        Throughput bare;
        try (StandInRoles standIns = StandInRoles.registerOutranking(context)) {
            figures.note("governance: the same with allow-all stand-ins outranking the container's roles");
            bare = throughput(runtime, "bare fsync", orders);
        }
        figures.figure("governed_vs_bare_throughput_ratio", governed.accepted() / bare.accepted(), 2, String.format(
                java.util.Locale.ROOT, "%.0f governed / %.0f bare intents per second", governed.accepted(), bare.accepted()));
    }

    /**
     * The saga scenario: {@code bench.saga.three}, three steps each mapping the previous step's artifact, durable (its
     * own fsync WAL). Closed-loop sagas completed per second, then the latency from each submission's scheduled time
     * until the saga COMPLETED at a fixed offered load. Skipped, saying why, when the Runtime does not run the saga.
     */
    private void sagas() throws InterruptedException {
        Runtime runtime = kernel.use("fsync", directory.resolve("wal-saga"));
        EchoIntents sagas = new EchoIntents(identity, ThreeStepSaga.TYPE, SAGA_INPUT);
        SagaProbe.Probe probe = SagaProbe.probe(runtime, sagas.next());
        if (probe.unable() != null) {
            figures.note("saga3: skipped, %s", probe.unable());
            return;
        }
        figures.note("saga3: %s, 3 steps; one saga's WAL records: %s", ThreeStepSaga.TYPE,
                SagaProbe.records(ledger(), probe.executionId()));
        Throughput throughput = throughput(runtime, "saga3 fsync", sagas);
        SagaProbe.requireAllCompleted(runtime);
        figures.figure("saga3_per_s", throughput.completed(), 0, Figures.atLeast(throughput.completed(), 3_000) + "; "
                + String.format(java.util.Locale.ROOT, "%.0f submissions acknowledged per second; ", throughput.accepted())
                + throughput.remark());
        figures.note("saga3 fsync: %d sagas/s offered for %d s (open loop); latency from each submission's scheduled "
                + "time until the saga COMPLETED", SAGA_OFFERED_PER_SECOND, options.seconds());
        OpenLoop.Latencies latencies = new OpenLoop(runtime, sagas).run(SAGA_OFFERED_PER_SECOND, options.duration(), PATIENCE);
        Percentiles ended = new Percentiles(latencies.ended());
        SagaProbe.requireAllCompleted(runtime);
        figures.figure("saga3_p50_ms", ended.millis(50), 2, Figures.below(ended.millis(50), 5));
        figures.figure("saga3_p99_ms", ended.millis(99), 2, ended.count() + " sagas");
    }

    /** The Ledger service, or null if none is registered. */
    private org.symphainy.sdk.ledger.Ledger ledger() {
        org.osgi.framework.ServiceReference<org.symphainy.sdk.ledger.Ledger> reference =
                context.getServiceReference(org.symphainy.sdk.ledger.Ledger.class);
        return reference == null ? null : context.getService(reference);
    }

    /** Waits until the City Manager decides by the scenario's policy (it reads its policy file every few seconds). */
    private static void awaitPolicy(PipelineTimer timer, EchoIntents orders, Path policy) throws InterruptedException {
        long deadline = System.nanoTime() + POLICY_PATIENCE.toNanos();
        while (true) {
            String reasons;
            try {
                reasons = timer.decideOnce(orders.next()).toString();
            } catch (BenchFailure e) {
                reasons = e.getMessage();
            }
            if (reasons.contains(BenchPolicy.ALLOWING_RULE)) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new BenchFailure("the City Manager did not take up the scenario's policy " + policy + " within "
                        + POLICY_PATIENCE.toSeconds() + " s; the last decisions: " + reasons);
            }
            Thread.sleep(100);
        }
    }

    private void async() throws InterruptedException {
        Runtime runtime = kernel.use("async", directory.resolve("wal-async"));
        Throughput throughput = throughput(runtime, "async", intents);
        figures.figure("async_intents_per_s", throughput.accepted(), 0, Figures.atLeast(throughput.accepted(), 50_000));
        figures.figure("async_completed_per_s", throughput.completed(), 0, throughput.remark());
    }

    private void recovery() throws InterruptedException {
        long executions = RECOVERY_RECORDS / RECORDS_PER_EXECUTION;
        Fill fill = fill(executions);
        KernelControl.Restart restart = kernel.restart(fill.probeId());
        figures.figure("recovery_1m_records_s", restart.seconds(), 2, Figures.below(restart.seconds(), 10) + "; "
                + executions * RECORDS_PER_EXECUTION + " records, from the configuration update until the Runtime served "
                + "them again");
        long fullHeap = Heap.usedAfterGc();
        figures.figure("heap_bytes_per_execution", (fullHeap - fill.emptyHeap()) / (double) executions, 0, "heap after GC "
                + "with " + executions + " completed executions held, less the heap with none");
        replay(restart.runtime());
    }

    /** A WAL filled for recovery: the heap of the kernel while it was empty, and an execution to look for. */
    private record Fill(long emptyHeap, String probeId) {
    }

    /**
     * Fills a fresh WAL with {@code executions} completed executions in async mode. A method of its own, so that
     * nothing of the bench still refers to the kernel that wrote them once it has been restarted.
     */
    private Fill fill(long executions) throws InterruptedException {
        Runtime runtime = kernel.use("async", directory.resolve("wal-recovery"));
        long emptyHeap = Heap.usedAfterGc();
        figures.note("recovery: filling a WAL with %d executions (%d records) in async mode, %d submitters", executions,
                executions * RECORDS_PER_EXECUTION, options.concurrency());
        ClosedLoop.Run run = new ClosedLoop(options.concurrency(), "filler")
                .forCount(() -> runtime.submit(intents.next()).executionId(), executions);
        Completions.awaitAll(runtime, run.lastIds(), PATIENCE);
        figures.note("recovery: filled in %.1f s (%.0f intents/s); restarting the kernel through ConfigAdmin (PID %s)",
                run.nanos() / 1e9, run.perSecond(), KernelControl.PID);
        return new Fill(emptyHeap, run.lastIds().get(0));
    }

    private void replay(Runtime runtime) throws InterruptedException {
        List<String> ids = completed(runtime, REPLAY_EXECUTIONS);
        figures.note("replay: Runtime.replay over %d completed executions, %d threads for %d s", ids.size(),
                options.concurrency(), options.seconds());
        AtomicLong next = new AtomicLong();
        ClosedLoop.Run run = new ClosedLoop(options.concurrency(), "replayer").forDuration(() -> {
            ReplayReport report = runtime.replay(ids.get((int) (next.getAndIncrement() % ids.size())));
            if (!report.identical()) {
                throw new BenchFailure("replay of execution " + report.executionId() + " was not identical: "
                        + (report.failure() != null ? report.failure().message() : report.differences()));
            }
            return null;
        }, options.duration());
        figures.figure("replay_records_per_s", run.perSecond(), 0, "executions replayed per second, one step each; all "
                + run.calls() + " identical");
    }

    /** Closed-loop throughput after a warm-up; completions are waited for, so a backlog shows in the second figure. */
    private Throughput throughput(Runtime runtime, String mode, EchoIntents intents) throws InterruptedException {
        figures.note("%s: %d submitters for %d s (closed loop) after a %d s warm-up", mode, options.concurrency(),
                options.seconds(), options.warmUp().toSeconds());
        ClosedLoop loop = new ClosedLoop(options.concurrency(), "submitter");
        ClosedLoop.Operation submit = () -> runtime.submit(intents.next()).executionId();
        ClosedLoop.Run warmUp = loop.forDuration(submit, options.warmUp());
        Completions.awaitAll(runtime, warmUp.lastIds(), PATIENCE);
        ClosedLoop.Run run = loop.forDuration(submit, options.duration());
        long ended = Completions.awaitAll(runtime, run.lastIds(), PATIENCE);
        double lag = Math.max(0, ended - run.startNanos() - run.nanos()) / 1e9;
        return new Throughput(run.perSecond(), run.calls() * 1e9 / (ended - run.startNanos()), run.calls(), lag);
    }

    /** Up to {@code limit} ids of completed executions, through the query API. */
    private static List<String> completed(Runtime runtime, int limit) {
        List<String> ids = new ArrayList<>();
        ExecutionQuery query = ExecutionQuery.builder().state(ExecutionState.COMPLETED).limit(ExecutionQuery.MAX_LIMIT).build();
        while (ids.size() < limit) {
            Page<ExecutionSummary> page = runtime.query(query);
            page.items().stream().limit(limit - ids.size()).forEach(summary -> ids.add(summary.id()));
            if (!page.hasNext()) {
                break;
            }
            query = query.toBuilder().cursor(page.nextCursor()).build();
        }
        if (ids.isEmpty()) {
            throw new BenchFailure("the kernel lists no completed executions to replay");
        }
        return ids;
    }

    /** Acknowledged submissions and completed executions per second of a closed-loop run. */
    private record Throughput(double accepted, double completed, long executions, double lagSeconds) {
        String remark() {
            return String.format(java.util.Locale.ROOT, "%d executions, the last ended %.2f s after the submitters stopped",
                    executions, lagSeconds);
        }
    }
}
