package org.symphainy.postoffice.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.symphainy.sdk.delivery.DeliveryEnd;
import org.symphainy.sdk.delivery.Subscriber;
import org.symphainy.sdk.runtime.ExecutionUpdate;

/**
 * The Post Office's fan-out: one execution's updates to 1,000 subscribers. Each round accepts an execution, subscribes
 * the subscribers (from sequence 0), then publishes its updates on this thread as the Runtime's update thread would, and
 * times from the first publish until every subscriber has received the end. Prints one {@code name: value} line per
 * figure, the median of {@code rounds} rounds; nothing is asserted. Run from the repository root:
 *
 * <pre>
 * mvn -o -q -f civic-bundles/post-office/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.symphainy.postoffice.internal.PostOfficeBenchmark
 * </pre>
 *
 * System properties: {@code postoffice.bench.rounds} (21), {@code postoffice.bench.subscribers} (1,000),
 * {@code postoffice.bench.attempts} (extra step attempts per execution, to publish more updates; 0 gives the 4 updates
 * of an execution with one step), {@code postoffice.bench.threads} (delivery threads, 4). Five warm-up rounds come first.
 */
public final class PostOfficeBenchmark {

    private PostOfficeBenchmark() {
    }

    /** Prints the figures. */
    public static void main(String[] args) throws InterruptedException {
        int rounds = Integer.getInteger("postoffice.bench.rounds", 21);
        int subscribers = Integer.getInteger("postoffice.bench.subscribers", 1_000);
        int threads = Integer.getInteger("postoffice.bench.threads", 4);
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", delivery threads: " + threads
                + ", subscribers: " + subscribers);
        for (int attempts : new int[] {0, Integer.getInteger("postoffice.bench.attempts", 96)}) {
            run(rounds, subscribers, threads, attempts);
        }
    }

    private static void run(int rounds, int subscribers, int threads, int extraAttempts) throws InterruptedException {
        FakeRuntime runtime = new FakeRuntime();
        DeliveryPolicy policy = new DeliveryPolicy(threads, 1_000_000, DeliveryPolicy.DEFAULTS.deliveryTimeout(),
                DeliveryPolicy.DEFAULTS.retain());
        Mailroom mailroom = new Mailroom(runtime, policy, System::nanoTime);
        double[] fanOutMillis = new double[rounds];
        double[] publishMicros = new double[rounds];
        int updates = 0;
        try {
            for (int r = -5; r < rounds; r++) {
                String id = runtime.accept();
                CountDownLatch ended = new CountDownLatch(subscribers);
                AtomicLong delivered = new AtomicLong();
                for (int s = 0; s < subscribers; s++) {
                    mailroom.subscribe(id, 0, new Counting(delivered, ended));
                }
                long start = System.nanoTime();
                for (int a = 0; a < extraAttempts; a++) {
                    runtime.startStep(id); // an attempt a restart interrupted: one more update each
                }
                runtime.runToCompletion(id);
                long published = System.nanoTime();
                if (!ended.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("subscribers did not all end within 60 s");
                }
                long done = System.nanoTime();
                updates = 4 + extraAttempts;
                if (delivered.get() != (long) updates * subscribers) {
                    throw new IllegalStateException(delivered.get() + " deliveries, expected " + updates * subscribers);
                }
                if (r >= 0) {
                    fanOutMillis[r] = (done - start) / 1e6;
                    publishMicros[r] = (published - start) / 1e3 / (updates - 1);
                }
            }
        } finally {
            mailroom.close();
        }
        double[] sorted = fanOutMillis.clone();
        Arrays.sort(sorted);
        Arrays.sort(publishMicros);
        double median = sorted[rounds / 2];
        System.out.println(String.format(Locale.ROOT, "fan-out of one execution's %d updates to %,d subscribers (ms): "
                + "median %.2f (min %.2f, max %.2f; %d rounds) = %.0f ns per update per subscriber, %.2f M deliveries/s",
                updates, subscribers, median, sorted[0], sorted[rounds - 1], rounds, median * 1e6 / updates / subscribers,
                updates * subscribers / median / 1e3));
        System.out.println(String.format(Locale.ROOT, "time on the Runtime's update thread per live update (us): median "
                + "%.2f", publishMicros[rounds / 2]));
    }

    /** Counts deliveries and ends; returns at once. */
    private record Counting(AtomicLong delivered, CountDownLatch ended) implements Subscriber {

        @Override
        public CompletionStage<?> deliver(ExecutionUpdate update) {
            delivered.incrementAndGet();
            return null;
        }

        @Override
        public void ended(DeliveryEnd end) {
            ended.countDown();
        }
    }
}
