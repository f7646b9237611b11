package org.symphainy.runtime.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.awaitEnd;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.config;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.intent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.runtime.internal.record.RecordType;
import org.symphainy.runtime.internal.wal.WalOptions;
import org.symphainy.runtime.internal.wal.WriteAheadLog;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.runtime.StepState;

/** Retries with backoff: a failed attempt is recorded and the next one waits a durable timer. */
class RetryTest {

    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(50), 2.0, Duration.ofMillis(200), 0,
            Set.of(ErrorCode.PAYLOAD_INVALID));

    @TempDir
    Path dir;

    private final AtomicInteger calls = new AtomicInteger();
    private final List<Instant> attempts = new CopyOnWriteArrayList<>();
    private final KernelFixtures.Registry registry = new KernelFixtures.Registry()
            .serve("test.flaky", (intent, context) -> {
                attempts.add(Instant.now());
                if (calls.incrementAndGet() < 3) {
                    throw new IllegalStateException("the remote system is busy");
                }
                return Result.empty();
            })
            .serve("test.broken", (intent, context) -> {
                calls.incrementAndGet();
                throw new IllegalStateException("always broken");
            })
            .serve("test.invalid", (intent, context) -> {
                calls.incrementAndGet();
                throw new IntentException(ErrorCode.PAYLOAD_INVALID, "amount must be positive");
            });
    private final List<Kernel> kernels = new ArrayList<>();

    @AfterEach
    void close() {
        kernels.forEach(Kernel::close);
    }

    @Test
    void aStepThatFailsTwiceIsRetriedAfterGrowingWaitsAndCompletes() throws Exception {
        Kernel kernel = start(QUICK);

        Execution execution = awaitEnd(kernel, kernel.submit(intent("test.flaky", "{}")).executionId());

        assertEquals(ExecutionState.COMPLETED, execution.state());
        assertEquals(3, execution.steps().get(0).attempts());
        assertTrue(Duration.between(attempts.get(0), attempts.get(1)).toMillis() >= 45, attempts.toString());
        assertTrue(Duration.between(attempts.get(1), attempts.get(2)).toMillis() >= 95, attempts.toString());
        kernels.forEach(Kernel::close);
        kernels.clear();
        assertEquals(List.of(RecordType.INTENT_ACCEPTED, RecordType.STEP_STARTED, RecordType.STEP_FAILED,
                RecordType.STEP_STARTED, RecordType.STEP_FAILED, RecordType.STEP_STARTED, RecordType.STEP_COMPLETED,
                RecordType.EXECUTION_COMPLETED), walTypes(), "every attempt is recorded");
    }

    @Test
    void aStepThatKeepsFailingEndsTheExecutionAfterTheLastAttemptAndANonRetryableCodeAtOnce() throws Exception {
        Kernel kernel = start(QUICK);

        Execution broken = awaitEnd(kernel, kernel.submit(intent("test.broken", "{}")).executionId());
        int brokenCalls = calls.getAndSet(0);
        Execution invalid = awaitEnd(kernel, kernel.submit(intent("test.invalid", "{}")).executionId());

        assertEquals(3, brokenCalls);
        assertEquals(ErrorCode.HANDLER_FAILED, broken.failure().code());
        assertTrue(broken.failure().message().endsWith("always broken (attempt 3 of 3)"), broken.failure().message());
        assertEquals(1, calls.get());
        assertEquals(ErrorCode.PAYLOAD_INVALID, invalid.failure().code(), "the handler's own code is kept");
        assertTrue(invalid.failure().message().endsWith("; PAYLOAD_INVALID is not retried"), invalid.failure().message());
    }

    @Test
    void aRestartDuringTheWaitResumesWithTheTimeThatIsLeft() throws Exception {
        RetryPolicy slow = new RetryPolicy(3, Duration.ofMillis(1_500), 1.0, Duration.ofMillis(1_500), 0, Set.of());
        Kernel kernel = start(slow);
        String id = kernel.submit(intent("test.flaky", "{}")).executionId();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (kernel.execution(id).orElseThrow().steps().isEmpty()
                || kernel.execution(id).orElseThrow().steps().get(0).state() != StepState.FAILED) {
            assertTrue(System.nanoTime() < deadline, "the first attempt did not fail");
            Thread.sleep(2);
        }
        Instant failedAt = kernel.execution(id).orElseThrow().steps().get(0).endedAt();
        kernels.forEach(Kernel::close);
        kernels.clear();

        Kernel restarted = start(slow);
        assertEquals(ExecutionState.RUNNING, restarted.execution(id).orElseThrow().state(), "waiting for its retry");
        Execution done = awaitEnd(restarted, id);

        assertEquals(ExecutionState.COMPLETED, done.state());
        assertEquals(3, attempts.size());
        assertTrue(!attempts.get(1).isBefore(failedAt.plusMillis(1_450)), "the second attempt waited out the backoff "
                + "that was left: failed at " + failedAt + ", attempts " + attempts);
    }

    private Kernel start(RetryPolicy policy) {
        Kernel kernel = new Kernel(dir.resolve("wal"), config(10_000, "fsync"), registry, KernelFixtures::allowing,
                session -> java.util.Optional.empty(), intentType -> policy);
        kernels.add(kernel);
        return kernel;
    }

    private List<RecordType> walTypes() {
        List<RecordType> types = new ArrayList<>();
        try (WriteAheadLog wal = WriteAheadLog.open(dir.resolve("wal"), WalOptions.defaults())) {
            wal.read(1, record -> types.add(RecordType.of(record.type())));
        }
        return types;
    }
}
