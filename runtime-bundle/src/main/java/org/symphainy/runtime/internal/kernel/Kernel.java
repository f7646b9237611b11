package org.symphainy.runtime.internal.kernel;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
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
import org.symphainy.runtime.internal.record.KernelRecord.IntentAccepted;
import org.symphainy.runtime.internal.record.KernelRecord.IntentDenied;
import org.symphainy.runtime.internal.record.RecordHead;
import org.symphainy.runtime.internal.record.RecordType;
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
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.ExecutionUpdate;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.ReplayReport;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Submission;
import org.symphainy.sdk.runtime.Subscription;

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
    private final Set<String> parked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxInFlight;
    private final Journal journal;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final StepRunner steps;

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
        this.registry = registry;
        this.pipeline = new GovernancePipeline(roles, principals);
        this.payloadCheck = new PayloadCheck(config.maxPayloadBytes());
        this.maxInFlight = positive("maxInFlight", config.maxInFlight());
        this.workers = Executors.newFixedThreadPool(positive("workers", config.workers()), named("symphainy-worker"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("symphainy-timer"));
        timer.setRemoveOnCancelPolicy(true); // every step arms a watchdog; a cancelled one must not linger until it is due
        this.timers = timer;
        long started = System.nanoTime();
        this.book = new ExecutionBook(this::record);
        this.journal = Journal.open(walDirectory, WalSettings.options(config), (head, sequence) -> book.apply(sequence, head, null));
        this.steps = new StepRunner(journal, this::applied, timers, clock, config.stepTimeoutMillis());
        List<ExecutionEntry> unfinished = book.unfinished();
        for (ExecutionEntry entry : unfinished) {
            entry.attach((IntentAccepted) journal.read(entry.acceptedSequence()));
        }
        inFlight.set(unfinished.size());
        LOG.info("runtime ready: {} executions from {} WAL records in {} ms; {} to resume", book.size(),
                journal.lastSequence(), (System.nanoTime() - started) / 1_000_000, unfinished.size());
        unfinished.forEach(entry -> workers.execute(() -> run(entry)));
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
        List<Decision> decisions = pipeline.decide(intent, executionId, now);
        if (GovernancePipeline.denied(decisions)) {
            journal.appendDurably(new IntentDenied(executionId, now, intent, decisions));
            throw new IntentDeniedException(intent.type(), decisions);
        }
        AdmittedHandler handler = registry.resolve(intent.type(), intent.versionRange()).orElseThrow(() -> unknown(intent));
        ExecutionBook.KeyOwner owner = book.claim(intent.tenant(), intent.idempotencyKey(), executionId, payloadHash);
        if (owner != null) {
            return duplicateOf(intent, payloadHash).orElseThrow(() -> conflict(intent));
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            book.release(intent.tenant(), intent.idempotencyKey(), executionId);
            throw new IntentException(ErrorCode.RUNTIME_UNAVAILABLE, maxInFlight + " executions are running or waiting "
                    + "to run (maxInFlight); the intent was not accepted: retry later, or raise maxInFlight in "
                    + "etc/org.symphainy.runtime.cfg if the workers keep up");
        }
        IntentAccepted accepted = new IntentAccepted(executionId, now, intent, decisions, handler.ref(),
                ThreadLocalRandom.current().nextLong(), payloadHash);
        try {
            applied(accepted, journal.appendDurably(accepted));
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            book.release(intent.tenant(), intent.idempotencyKey(), executionId);
            throw e;
        }
        ExecutionEntry entry = book.get(executionId).orElseThrow();
        workers.execute(() -> steps.run(entry, handler.handler()));
        return new Submission(executionId, now, false);
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
        return new Replay(registry).of(entry, book::detail);
    }

    /** The WAL record at {@code sequence}, whole (the book reads intents and artifacts back this way). */
    private KernelRecord record(long sequence) {
        return journal.read(sequence);
    }

    /** Every durable record passes here, in order per execution: into the book, then to the execution's subscribers. */
    private void applied(KernelRecord record, long sequence) {
        if (record.type() == RecordType.EXECUTION_COMPLETED || record.type() == RecordType.EXECUTION_FAILED) {
            inFlight.decrementAndGet(); // before the book shows it ended: whoever sees the end can submit again
        }
        book.apply(sequence, RecordHead.of(record), record);
        if (subscriptions.watched(record.executionId())) {
            book.get(record.executionId()).ifPresent(entry -> {
                synchronized (entry) {
                    subscriptions.publish(entry.update(record.at()));
                }
            });
        }
    }

    /** Runs an unfinished execution, or parks it until its handler is registered (after a restart, bundles start later). */
    private void run(ExecutionEntry entry) {
        Optional<AdmittedHandler> handler = pinned(entry);
        if (handler.isEmpty()) {
            if (parked.add(entry.id())) {
                LOG.info("execution {} waits for a handler of {} {}", entry.id(), entry.handler().intentType(),
                        entry.handler().intentVersion());
            }
            return;
        }
        parked.remove(entry.id());
        steps.run(entry, handler.get().handler());
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

    /** The handler of exactly the intent version the execution was accepted for. */
    private Optional<AdmittedHandler> pinned(ExecutionEntry entry) {
        String version = entry.handler().intentVersion();
        return registry.resolve(entry.handler().intentType(), "[" + version + "," + version + "]");
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
