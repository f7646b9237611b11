package org.symphainy.securityguard.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;

/**
 * A micro benchmark of the Security Guard's per-intent decision, through the component as the Runtime calls it: an
 * allowed intent (a principal with three roles, grants with exact types and prefixes) and a denied one (not granted,
 * the path that builds the longer message). Prints the median over rounds of a million decisions. Not a test: run it
 * with {@code mvn -f civic-bundles/security-guard/pom.xml test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.symphainy.securityguard.internal.DecisionBenchmark}.
 */
public final class DecisionBenchmark {

    private static final int WARM_UP_ROUNDS = 10;
    private static final int ROUNDS = 25;
    private static final int DECISIONS_PER_ROUND = 1_000_000;

    private static long sink;

    private DecisionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Files.createTempDirectory("security-guard-bench");
        try {
            SecurityGuardRole role = new SecurityGuardRole(data, TestConfigs.fast("grants", new String[] {
                "content-editor=content.*,insights.analyze", "analyst=insights.*,outcomes.report",
                "ops=operations.*,outcomes.plan", "viewer=insights.query"}), Clock.systemUTC(), System::nanoTime);
            Principal alice = new Principal("acme", "alice", java.util.Set.of("viewer", "analyst", "content-editor"),
                    "api-key");
            GovernanceContext context = TestIntents.context(alice);
            Intent[] allowed = {TestIntents.intent("content.ingest", "acme", "alice"),
                TestIntents.intent("insights.analyze", "acme", "alice"),
                TestIntents.intent("outcomes.report", "acme", "alice"),
                TestIntents.intent("content.parse.pdf", "acme", "alice")};
            Intent[] denied = {TestIntents.intent("operations.plan", "acme", "alice")};
            report("allowed", measure(role, allowed, context, true));
            report("denied (FORBIDDEN, not granted)", measure(role, denied, context, false));
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double[] measure(SecurityGuardRole role, Intent[] intents, GovernanceContext context,
            boolean expectAllowed) {
        double[] nanosPerDecision = new double[ROUNDS];
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < DECISIONS_PER_ROUND; i++) {
                Decision decision = role.decide(intents[i % intents.length], context);
                if (decision.allowed() != expectAllowed) {
                    throw new AssertionError("unexpected decision: " + decision);
                }
                sink += decision.reasons().get(0).length();
            }
            if (round >= 0) {
                nanosPerDecision[round] = (System.nanoTime() - start) / (double) DECISIONS_PER_ROUND;
            }
        }
        return nanosPerDecision;
    }

    private static void report(String what, double[] nanosPerDecision) {
        double[] sorted = nanosPerDecision.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "Security Guard decision, %s: median %.1f ns (min %.1f, max %.1f) over %d rounds"
                + " of %,d decisions%n", what, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], ROUNDS,
                DECISIONS_PER_ROUND);
    }
}
