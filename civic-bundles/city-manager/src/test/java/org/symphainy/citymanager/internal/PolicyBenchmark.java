package org.symphainy.citymanager.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;

/**
 * Decision latency of the whole City Manager (tenant, quota, policy) with a policy of 1,000 rules: exact types with
 * conditions over roles and payload, tenant-specific rules, prefix rules and a catch-all. Prints one
 * {@code name: value} line per figure; nothing is asserted. Run from the repository root:
 *
 * <pre>
 * mvn -B -q -f civic-bundles/city-manager/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.symphainy.citymanager.internal.PolicyBenchmark
 * </pre>
 */
public final class PolicyBenchmark {

    private static final int NAMESPACES = 100;
    private static final int OPERATIONS = 6;
    private static final int TENANTS = 50;
    private static final int DECISIONS = 100_000;

    private PolicyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("city-manager-bench");
        TenantRegistry tenants = new TenantRegistry(dir.resolve("tenants.json"));
        for (int t = 0; t < TENANTS; t++) {
            tenants.create(tenant(t), "Tenant " + t);
        }
        String policy = policy();
        Files.writeString(dir.resolve("policies.json"), policy);
        CityManagerRole role = new CityManagerRole(tenants, dir, Fixtures.config("", "1000000000/1000000000"),
                System::nanoTime);
        System.out.println("rules: " + role.policy().rules().size());

        Random random = new Random(42);
        Intent[] intents = new Intent[DECISIONS];
        GovernanceContext[] contexts = new GovernanceContext[DECISIONS];
        for (int i = 0; i < DECISIONS; i++) {
            int t = random.nextInt(TENANTS);
            intents[i] = Intent.builder("ns" + random.nextInt(NAMESPACES) + ".op" + random.nextInt(OPERATIONS))
                    .tenant(tenant(t)).session("s").actor("user" + i % 100).correlationId("c" + i)
                    .payload(Json.of("{\"amount\": " + random.nextInt(10_000) + ", \"currency\": \"EUR\", "
                            + "\"items\": [\"a\", \"b\", \"c\"], \"customer\": {\"tier\": \"gold\"}}"))
                    .build();
            Set<String> roles = random.nextBoolean() ? Set.of("role" + random.nextInt(OPERATIONS), "viewer")
                    : Set.of("viewer");
            contexts[i] = Fixtures.context(new Principal(tenant(t), "user", roles, "api-key"));
        }

        run(role, intents, contexts);
        long[] nanos = run(role, intents, contexts);
        report(nanos);
        System.out.println("allowed: " + allowed(role, intents, contexts) + " of " + DECISIONS);
    }

    private static long[] run(CityManagerRole role, Intent[] intents, GovernanceContext[] contexts) {
        long[] nanos = new long[intents.length];
        for (int i = 0; i < intents.length; i++) {
            long start = System.nanoTime();
            Decision decision = role.decide(intents[i], contexts[i]);
            nanos[i] = System.nanoTime() - start;
            if (decision == null) {
                throw new IllegalStateException("no decision");
            }
        }
        return nanos;
    }

    private static int allowed(CityManagerRole role, Intent[] intents, GovernanceContext[] contexts) {
        int allowed = 0;
        for (int i = 0; i < intents.length; i++) {
            allowed += role.decide(intents[i], contexts[i]).allowed() ? 1 : 0;
        }
        return allowed;
    }

    private static void report(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.println("decisions: " + sorted.length);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long value = sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
            System.out.println(String.format(Locale.ROOT, "p%s: %.1f us", p == Math.rint(p) ? String.valueOf((int) p)
                    : String.valueOf(p), value / 1000.0));
        }
        System.out.println(String.format(Locale.ROOT, "max: %.1f us", sorted[sorted.length - 1] / 1000.0));
    }

    private static String tenant(int t) {
        return "tenant" + t;
    }

    /** 1,000 rules: 100 tenant-specific denials, 600 exact allowances, 200 decoys, 99 prefix rules, 1 catch-all. */
    private static String policy() {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rules.add(rule("deny-big-" + i, "deny", "ns" + i + ".op" + i % OPERATIONS, tenant(i % TENANTS),
                    "has(payload.amount) && payload.amount > 9000"));
        }
        for (int n = 0; n < NAMESPACES; n++) {
            for (int o = 0; o < OPERATIONS; o++) {
                String when = o % 2 == 0 ? "'role" + o + "' in principal.roles"
                        : "payload.amount < 5000 && payload.customer.tier == 'gold' && intent.tenant != 'tenant0'";
                rules.add(rule("allow-" + n + "-" + o, "allow", "ns" + n + ".op" + o, null, when));
            }
        }
        for (int i = 0; i < 200; i++) {
            rules.add(rule("decoy-" + i, "allow", "other" + i + ".thing", null, "'admin' in principal.roles"));
        }
        for (int n = 0; n < 99; n++) {
            rules.add(rule("prefix-" + n, "allow", "ns" + n + ".*", null, "'viewer' in principal.roles "
                    + "&& payload.items.exists(x, x == 'c') && intent.actor.startsWith('user9')"));
        }
        rules.add(rule("catch-all", "deny", "*", null, null));
        return "{\"rules\": [\n" + String.join(",\n", rules) + "\n]}";
    }

    private static String rule(String id, String effect, String intent, String tenant, String when) {
        return "{\"id\": \"" + id + "\", \"effect\": \"" + effect + "\", \"intent\": \"" + intent + "\""
                + (tenant == null ? "" : ", \"tenant\": \"" + tenant + "\"")
                + (when == null ? "" : ", \"when\": \"" + when.replace("\"", "\\\"") + "\"") + "}";
    }
}
