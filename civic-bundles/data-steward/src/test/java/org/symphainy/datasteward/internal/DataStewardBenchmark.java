package org.symphainy.datasteward.internal;

import static org.symphainy.datasteward.internal.Intents.context;
import static org.symphainy.datasteward.internal.Intents.intent;
import static org.symphainy.datasteward.internal.Intents.principal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntSupplier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.intent.Intent;

/**
 * Figures for the Data Steward's decision, which runs for every intent: nanoseconds per decision, the median of
 * {@code rounds} rounds, one {@code name: value} line each; nothing is asserted. The configuration has 20 tenants'
 * boundaries, 8 personal-field paths and a small payload (about 300 bytes). The last line is a yardstick for noisy
 * machines: jackson-core reading every token of the same payload, which a decision that references data cannot beat.
 * Run from the repository root:
 *
 * <pre>
 * mvn -o -q -f civic-bundles/data-steward/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.symphainy.datasteward.internal.DataStewardBenchmark
 * </pre>
 *
 * System properties: {@code datasteward.bench.rounds} (21 by default), {@code datasteward.bench.perRound} (decisions
 * per round, 200,000 by default). One thread; a warm-up of 10 rounds comes first.
 */
public final class DataStewardBenchmark {

    private static final String PAYLOAD = "{\"dataSources\":[\"crm.contacts\",\"crm.deals\"],\"query\":{\"filter\":"
            + "{\"region\":\"emea\",\"since\":\"2026-01-01\"},\"limit\":50,\"fields\":[\"name\",\"stage\",\"value\"]},"
            + "\"customer\":{\"id\":\"c-42\",\"name\":\"Ann Example\",\"email\":\"ann@example.com\",\"tier\":\"gold\"},"
            + "\"options\":{\"explain\":true,\"language\":\"en\"},\"note\":\"quarterly review of the pipeline\"}";

    private DataStewardBenchmark() {
    }

    /** Prints the figures. */
    public static void main(String[] args) {
        int rounds = Integer.getInteger("datasteward.bench.rounds", 21);
        int perRound = Integer.getInteger("datasteward.bench.perRound", 200_000);
        String[] boundaries = new String[20];
        for (int t = 0; t < boundaries.length; t++) {
            boundaries[t] = "tenant" + t + "=erp.orders,hr.*";
        }
        boundaries[7] = "acme=crm.*,erp.orders";
        DataStewardRole role = new DataStewardRole(Configs.config().boundaries(boundaries)
                .personalFields("customer.email", "customer.phone", "customer.address.street", "ssn", "employee.iban",
                        "contacts.email", "patient.diagnosis", "card.number").build());
        Intent allowed = intent("acme", PAYLOAD);
        Intent outside = intent("beta", PAYLOAD);
        Intent plain = intent("acme", "{\"text\":\"hello\",\"limit\":10}");
        GovernanceContext steward = context(principal("acme", "personal-data"));
        GovernanceContext editor = context(principal("acme", "content-editor"));

        System.out.println("payload bytes: " + allowed.payload().size());
        report("allow: 2 sources + 1 personal field (ns/decision)", rounds, perRound,
                () -> role.decide(allowed, steward).allowed() ? 1 : 0);
        report("allow: no references (ns/decision)", rounds, perRound,
                () -> role.decide(plain, steward).allowed() ? 1 : 0);
        report("deny FORBIDDEN, missing role (ns/decision)", rounds, perRound,
                () -> code(role.decide(allowed, editor)));
        report("deny FORBIDDEN, outside boundary (ns/decision)", rounds, perRound,
                () -> code(role.decide(outside, steward)));
        byte[] bytes = allowed.payload().bytes();
        JsonFactory factory = new JsonFactory();
        report("yardstick: jackson-core reads every token (ns/parse)", rounds, perRound, () -> tokens(factory, bytes));
    }

    private static int tokens(JsonFactory factory, byte[] json) {
        try (JsonParser parser = factory.createParser(json)) {
            int count = 0;
            while (parser.nextToken() != null) {
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int code(Decision decision) {
        return decision.code().length();
    }

    /** Runs {@code work} for warm-up then {@code rounds} timed rounds; prints the median, min and max per call. */
    private static void report(String name, int rounds, int perRound, IntSupplier work) {
        long sink = 0;
        for (int r = 0; r < 10; r++) {
            sink += round(perRound, work);
        }
        double[] nanos = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            sink += round(perRound, work);
            nanos[r] = (System.nanoTime() - start) / (double) perRound;
        }
        Arrays.sort(nanos);
        System.out.println(String.format(Locale.ROOT, "%s: median %.0f (min %.0f, max %.0f; %d rounds of %,d)%s", name,
                nanos[rounds / 2], nanos[0], nanos[rounds - 1], rounds, perRound, sink == 42 ? " " : ""));
    }

    private static long round(int perRound, IntSupplier work) {
        long sink = 0;
        for (int i = 0; i < perRound; i++) {
            sink += work.getAsInt();
        }
        return sink;
    }
}
