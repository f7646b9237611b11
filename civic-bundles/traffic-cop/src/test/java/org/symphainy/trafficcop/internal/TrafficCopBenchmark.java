package org.symphainy.trafficcop.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.testkit.TestGovernanceContext;

/**
 * Figures for the Traffic Cop's decision, which runs for every intent: nanoseconds per decision, the median of
 * {@code rounds} rounds (elapsed, and the thread's CPU time), one {@code name: value} line each; nothing is asserted. The store holds 100,000 other sessions
 * (1,000 principals) so lookups hit a map of realistic size. Run from the repository root:
 *
 * <pre>
 * mvn -o -q -f civic-bundles/traffic-cop/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.symphainy.trafficcop.internal.TrafficCopBenchmark
 * </pre>
 *
 * System properties: {@code trafficcop.bench.rounds} (21 by default), {@code trafficcop.bench.perRound} (decisions per
 * round, 200,000 by default). One thread; a warm-up of 10 rounds comes first.
 */
public final class TrafficCopBenchmark {

    private static final Principal ALICE = new Principal("acme", "alice", Set.of("content-editor"), "api-key");

    private TrafficCopBenchmark() {
    }

    /** Prints the figures. */
    public static void main(String[] args) {
        int rounds = Integer.getInteger("trafficcop.bench.rounds", 21);
        int perRound = Integer.getInteger("trafficcop.bench.perRound", 200_000);
        InMemorySessions sessions = new InMemorySessions(Configs.defaults(), Clock.systemUTC());
        try {
            for (int p = 0; p < 1_000; p++) {
                Principal other = new Principal("tenant" + p % 10, "actor" + p, Set.of(), "api-key");
                for (int s = 0; s < 100; s++) {
                    sessions.open(other);
                }
            }
            TrafficCopRole role = new TrafficCopRole(sessions);
            String id = sessions.open(ALICE).id();
            Intent allowed = intent(id, "alice");
            Intent forbidden = intent(id, "mallory");
            Intent unknown = intent(new SessionTokens(new java.security.SecureRandom()).next(), "alice");
            TestGovernanceContext context = TestGovernanceContext.of("01JH5Q2V7K3M9X4T8R6N0P1W2Y", null);

            System.out.println("sessions stored: " + sessions.store().size());
            report("allow (ns/decision)", rounds, perRound, i -> role.decide(allowed, context).allowed() ? 1 : 0);
            report("deny FORBIDDEN (ns/decision)", rounds, perRound, i -> code(role.decide(forbidden, context)));
            report("deny UNAUTHENTICATED (ns/decision)", rounds, perRound, i -> code(role.decide(unknown, context)));
            report("Sessions.find alone (ns/lookup)", rounds, perRound, i -> sessions.find(id).isPresent() ? 1 : 0);
        } finally {
            sessions.deactivate();
        }
    }

    private static int code(Decision decision) {
        return decision.code().length();
    }

    /**
     * Runs {@code work} for warm-up then {@code rounds} timed rounds; prints the median, min and max per call of the
     * elapsed time, and the median of the thread's CPU time (which a busy machine's other processes do not inflate).
     */
    private static void report(String name, int rounds, int perRound, ToIntFunction<Integer> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int r = 0; r < 10; r++) {
            sink += round(perRound, work);
        }
        double[] nanos = new double[rounds];
        double[] cpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            sink += round(perRound, work);
            cpu[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) perRound;
            nanos[r] = (System.nanoTime() - start) / (double) perRound;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.println(String.format(Locale.ROOT, "%s: median %.0f, CPU time median %.0f (elapsed min %.0f, max %.0f; "
                + "%d rounds of %,d)%s", name, nanos[rounds / 2], cpu[rounds / 2], nanos[0], nanos[rounds - 1], rounds,
                perRound, sink == 42 ? " " : ""));
    }

    private static long round(int perRound, ToIntFunction<Integer> work) {
        long sink = 0;
        for (int i = 0; i < perRound; i++) {
            sink += work.applyAsInt(i);
        }
        return sink;
    }

    private static Intent intent(String session, String actor) {
        return Intent.builder("content.ingest").tenant("acme").actor(actor).session(session)
                .correlationId("req-7f3a9c").build();
    }
}
