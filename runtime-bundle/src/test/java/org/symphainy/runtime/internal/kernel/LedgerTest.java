package org.symphainy.runtime.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.awaitEnd;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.config;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.intent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceRole;
import org.symphainy.sdk.governance.IntentDeniedException;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.ledger.Ledger;
import org.symphainy.sdk.ledger.LedgerRecord;

/** The ledger over a real WAL in a temporary directory, written by a real kernel, read back by range and execution. */
class LedgerTest {

    @TempDir
    Path dir;

    private final KernelFixtures.Registry registry = new KernelFixtures.Registry()
            .serve("platform.echo", new EchoHandler())
            .serve("test.big", (intent, context) -> Result.of(Artifact.of("test.big", Artifact.JSON,
                    ("{\"text\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8))))
            .serve("test.fails", (intent, context) -> {
                throw new IntentException(ErrorCode.HANDLER_FAILED, "the test handler always fails");
            });
    private final List<Kernel> kernels = new ArrayList<>();

    @AfterEach
    void close() {
        kernels.forEach(Kernel::close);
    }

    @Test
    void anExecutionReadsBackRecordByRecordAsJsonWithoutTheSessionId() throws Exception {
        Kernel kernel = start(KernelFixtures::allowing);
        String id = kernel.submit(intent("platform.echo", "{\"hello\":\"world\"}")).executionId();
        awaitEnd(kernel, id);

        List<LedgerRecord> records = kernel.ledger().execution(id);

        assertEquals(List.of("IntentAccepted", "StepStarted", "StepCompleted", "ExecutionCompleted"),
                records.stream().map(LedgerRecord::type).toList());
        Map<String, Object> accepted = parse(records.get(0).json());
        assertEquals("IntentAccepted", accepted.get("type"));
        assertEquals(id, accepted.get("executionId"));
        Map<String, Object> intent = map(accepted.get("intent"));
        assertEquals("platform.echo", intent.get("type"));
        assertEquals("acme", intent.get("tenant"));
        assertEquals("alice", intent.get("actor"));
        assertEquals(Map.of("hello", "world"), intent.get("payload"));
        assertEquals(sha256("s-1"), intent.get("sessionSha256"));
        assertFalse(intent.containsKey("session"), "the session id is a credential: only its hash is shown");
        records.forEach(r -> assertFalse(r.json().contains("\"s-1\""), r.json()));
        List<Object> decisions = list(accepted.get("decisions"));
        assertEquals(5, decisions.size());
        assertEquals(Boolean.TRUE, map(decisions.get(0)).get("allowed"));
        assertEquals(List.of("test allows"), map(decisions.get(0)).get("reasons"));
        assertEquals("org.acme.test", map(accepted.get("handler")).get("bundle"));
        assertNotNull(accepted.get("seed"));

        Map<String, Object> completed = parse(records.get(2).json());
        assertEquals(1L, completed.get("attempt"));
        Map<String, Object> artifact = map(list(completed.get("artifacts")).get(0));
        assertEquals(Artifact.JSON, artifact.get("mediaType"));
        assertEquals(sha256("{\"hello\":\"world\"}"), artifact.get("hash"));
        assertEquals(17L, artifact.get("size"));
        assertEquals(Map.of("hello", "world"), artifact.get("content"));
        for (LedgerRecord record : records) {
            assertEquals(id, record.executionId());
            assertEquals(64, record.hash().length(), "a hex SHA-256");
        }
    }

    @Test
    void aRangeReadsRecordsBySequenceAndPagesToTheEnd() throws Exception {
        Kernel kernel = start(KernelFixtures::allowing);
        for (int i = 0; i < 3; i++) {
            awaitEnd(kernel, kernel.submit(intent("platform.echo", "{\"n\":" + i + "}")).executionId());
        }
        Ledger ledger = kernel.ledger();
        assertEquals(12, ledger.lastSequence());

        List<LedgerRecord> page = ledger.range(3, 5);
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), page.stream().map(LedgerRecord::sequence).toList());
        assertEquals(List.of(), ledger.range(13, 10));
        assertEquals(2, ledger.range(11, 100).size());
        List<LedgerRecord> all = ledger.range(1, 100);
        assertEquals(12, all.size());
        assertEquals(all.get(4), page.get(2), "the same record, however it is read");
        assertThrows(IllegalArgumentException.class, () -> ledger.range(0, 10));
        assertThrows(IllegalArgumentException.class, () -> ledger.range(1, 0));
    }

    @Test
    void failuresDenialsAndLargeContentShowAsRecorded() throws Exception {
        Kernel kernel = start(stage -> stage != Stage.SECURITY_GUARD ? KernelFixtures.allowing(stage) : new GovernanceRole() {
            public Stage stage() {
                return Stage.SECURITY_GUARD;
            }

            public Decision decide(org.symphainy.sdk.intent.Intent intent, org.symphainy.sdk.governance.GovernanceContext context) {
                return intent.type().equals("platform.echo") ? Decision.deny(Stage.SECURITY_GUARD, Decision.FORBIDDEN,
                        "alice may not echo; ask an administrator") : Decision.allow(Stage.SECURITY_GUARD, "fine");
            }
        });
        String failed = kernel.submit(intent("test.fails", "{}")).executionId();
        awaitEnd(kernel, failed);
        String big = kernel.submit(intent("test.big", "{}")).executionId();
        awaitEnd(kernel, big);
        IntentDeniedException denial = assertThrows(IntentDeniedException.class,
                () -> kernel.submit(intent("platform.echo", "{}")));

        Map<String, Object> end = parse(last(kernel.ledger().execution(failed)).json());
        assertEquals("ExecutionFailed", end.get("type"));
        assertEquals("HANDLER_FAILED", map(end.get("failure")).get("code"));
        assertTrue(((String) map(end.get("failure")).get("message")).endsWith("the test handler always fails"),
                end.toString());

        Map<String, Object> bigStep = parse(kernel.ledger().execution(big).get(2).json());
        Map<String, Object> artifact = map(list(bigStep.get("artifacts")).get(0));
        assertNull(artifact.get("content"), "more than 4 KiB: by size and hash only");
        assertEquals(artifact.get("hash"), artifact.get("contentHash"));
        assertEquals(artifact.get("size"), artifact.get("contentSize"));

        List<LedgerRecord> denied = kernel.ledger().range(kernel.ledger().lastSequence(), 1);
        assertEquals("IntentDenied", denied.get(0).type());
        Map<String, Object> record = parse(denied.get(0).json());
        Map<String, Object> guard = map(list(record.get("decisions")).get(1));
        assertEquals(Boolean.FALSE, guard.get("allowed"));
        assertEquals("FORBIDDEN", guard.get("code"));
        assertEquals(List.of("alice may not echo; ask an administrator"), guard.get("reasons"));
        assertEquals(List.of(denied.get(0)), kernel.ledger().execution(denied.get(0).executionId()),
                "a denial is found by its execution id too");
        assertNotNull(denial.denial());
    }

    @Test
    void afterARestartExecutionsAreFoundFromTheRebuiltIndex() throws Exception {
        Kernel kernel = start(KernelFixtures::allowing);
        String id = kernel.submit(intent("platform.echo", "{}")).executionId();
        awaitEnd(kernel, id);
        List<LedgerRecord> before = kernel.ledger().execution(id);
        kernels.forEach(Kernel::close);
        kernels.clear();

        Kernel again = start(KernelFixtures::allowing);

        assertEquals(before, again.ledger().execution(id));
        assertEquals(List.of(), again.ledger().execution("no-such-execution"));
    }

    private Kernel start(java.util.function.Function<Stage, GovernanceRole> roles) {
        Kernel kernel = new Kernel(dir.resolve("wal"), config(10_000, "fsync"), registry, roles);
        kernels.add(kernel);
        return kernel;
    }

    private static LedgerRecord last(List<LedgerRecord> records) {
        return records.get(records.size() - 1);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** The JSON object as maps, lists, strings, longs, booleans and nulls; fails on anything but one object. */
    static Map<String, Object> parse(String json) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            Object value = value(parser, parser.nextToken());
            assertNull(parser.nextToken(), "one JSON value");
            assertTrue(value instanceof Map, json);
            return map(value);
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getLongValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new AssertionError("unexpected " + token);
        }
    }
}
