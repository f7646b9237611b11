package org.symphainy.runtime.internal.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaStep;

/**
 * Figures for 3-step sagas in the kernel alone (no container, stand-in roles that allow everything, fsync WAL in the
 * system temporary directory), one {@code name: value} line each; nothing is asserted. End to end is from
 * {@code submit} to the update that the saga COMPLETED (its last record durable). Run from the repository root:
 *
 * <pre>
 * mvn -o -q -pl runtime-bundle test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.symphainy.runtime.internal.kernel.SagaBenchmark
 * </pre>
 *
 * System properties: {@code saga.bench.seconds} (measured seconds of the throughput figure, 5 by default),
 * {@code saga.bench.concurrency} (clients submitting sagas for it, each waiting for its saga's end, 64 by default).
 */
public final class SagaBenchmark {

    private SagaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.getLong("saga.bench.seconds", 5);
        int concurrency = Integer.getInteger("saga.bench.concurrency", 64);
        Path dir = Files.createTempDirectory("saga-bench");
        SagaDefinition saga = SagaDefinition.builder("bench.saga3")
                .step(SagaStep.builder("a", "bench.a").map("/n", "/input/n").build())
                .step(SagaStep.builder("b", "bench.b").map("/n", "/steps/a/artifacts/bench.a/n").build())
                .step(SagaStep.builder("c", "bench.c").map("/n", "/steps/b/artifacts/bench.b/n").build())
                .build();
        KernelFixtures.Registry registry = new KernelFixtures.Registry()
                .serve("bench.saga3", (intent, context) -> Result.empty());
        for (String step : new String[] {"bench.a", "bench.b", "bench.c"}) {
            registry.serve(step, (intent, context) -> Result.of(Artifact.of(step, intent.payload())));
        }
        try (Kernel kernel = new Kernel(dir.resolve("wal"), KernelFixtures.config(30_000, "fsync", 100_000), registry,
                KernelFixtures::allowing, session -> Optional.empty(), type -> RetryPolicy.NONE,
                type -> type.equals(saga.intentType()) ? Optional.of(saga) : Optional.empty())) {
            latency(kernel, 500); // warm-up
            long[] nanos = latency(kernel, 2_000);
            Arrays.sort(nanos);
            System.out.printf("saga3_kernel_p50_ms: %.2f%n", nanos[nanos.length / 2] / 1e6);
            System.out.printf("saga3_kernel_p99_ms: %.2f%n", nanos[(int) (nanos.length * 0.99)] / 1e6);
            System.out.printf("saga3_kernel_per_s: %.0f (concurrency %d, %d s)%n", throughput(kernel, concurrency, seconds),
                    concurrency, seconds);
        }
    }

    /** One saga at a time, {@code count} times: the end-to-end time of each. */
    private static long[] latency(Kernel kernel, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            run(kernel, i).get(30, TimeUnit.SECONDS);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /** Sagas completed per second by {@code concurrency} clients, each submitting its next saga when its last ended. */
    private static double throughput(Kernel kernel, int concurrency, long seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        Thread[] clients = new Thread[concurrency];
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            clients[c] = new Thread(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    try {
                        run(kernel, client * 1_000_000 + i).get(30, TimeUnit.SECONDS);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            clients[c].start();
        }
        for (Thread client : clients) {
            client.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Submits one saga; completes when it ended (exceptionally unless COMPLETED). */
    private static CompletableFuture<ExecutionState> run(Kernel kernel, int n) {
        Intent intent = KernelFixtures.intent("bench.saga3", "{\"n\":" + n + "}");
        String id = kernel.submit(intent).executionId();
        CompletableFuture<ExecutionState> ended = new CompletableFuture<>();
        kernel.subscribe(id, update -> {
            if (update.state().isTerminal()) {
                if (update.state() == ExecutionState.COMPLETED) {
                    ended.complete(update.state());
                } else {
                    ended.completeExceptionally(new IllegalStateException(id + " ended " + update.state() + ": "
                            + update.failure()));
                }
            }
        });
        return ended;
    }
}
