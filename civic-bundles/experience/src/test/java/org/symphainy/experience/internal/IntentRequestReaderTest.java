package org.symphainy.experience.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.symphainy.foundations.rest.Limits;
import org.symphainy.foundations.rest.Problem;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.sdk.intent.Json;

class IntentRequestReaderTest {

    private static final Limits LIMITS = new Limits(4096, 8, 200, 20, 60);

    private final IntentRequestReader reader = new IntentRequestReader(LIMITS);

    @Test
    void readsEveryFieldAndCopiesThePayloadExactly() {
        IntentRequest request = read("{\"type\":\"platform.echo\",\"version\":\"[1.0,2.0)\",\"payload\":{\"a\" : 1.10,"
                + "\"b\":[1e400,-0,\"x\\u0000y\",true,null]},\"idempotencyKey\":\"k-1\",\"correlationId\":\"c-1\"}");
        assertEquals("platform.echo", request.type());
        assertEquals("[1.0,2.0)", request.version());
        assertEquals("k-1", request.idempotencyKey());
        assertEquals("c-1", request.correlationId());
        assertEquals("{\"a\":1.10,\"b\":[1e400,-0,\"x\\u0000y\",true,null]}", request.payload().text());
    }

    @Test
    void optionalFieldsMayBeMissingOrNull() {
        IntentRequest request = read("{\"type\":\"platform.echo\",\"version\":null,\"payload\":null}");
        assertNull(request.version());
        assertEquals(Json.EMPTY_OBJECT, request.payload());
        assertNull(request.idempotencyKey());
    }

    @Test
    void malformedJsonIsMalformed() {
        assertSlug("malformed-json", "{\"type\":");
        assertSlug("malformed-json", "{\"type\":\"a.b\",}");
        assertSlug("malformed-json", "{'type':'a.b'}");
        assertSlug("malformed-json", "{\"type\":\"a.b\",\"type\":\"c.d\"}");
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] body = "{\"type\":\"a.b\",\"payload\":{\"x\":\"??\"}}".getBytes(StandardCharsets.UTF_8);
        body[body.length - 5] = (byte) 0xC3;
        body[body.length - 4] = (byte) 0x28;
        assertEquals("malformed-json", problem(body).slug());
        // never guessed as UTF-16 or UTF-32
        assertEquals("malformed-json", problem(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}).slug());
        assertEquals("malformed-json", problem("{\"type\":\"a.b\"}".getBytes(StandardCharsets.UTF_16LE)).slug());
        // an encoded surrogate (CESU-8) is not UTF-8
        assertEquals("malformed-json", problem(new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'}).slug());
    }

    @Test
    void limitsAreEnforcedWhileParsing() {
        assertSlug("json-limit-exceeded", "{\"type\":\"a.b\",\"payload\":" + "{\"x\":".repeat(10) + "1" + "}".repeat(11));
        assertSlug("json-limit-exceeded", "{\"type\":\"a.b\",\"payload\":{\"x\":\"" + "s".repeat(201) + "\"}}");
        assertSlug("json-limit-exceeded", "{\"type\":\"a.b\",\"payload\":{\"x\":" + "9".repeat(21) + "}}");
        assertSlug("json-limit-exceeded", "{\"type\":\"a.b\",\"payload\":{\"x\":[" + "[".repeat(20) + "]}}");
    }

    @Test
    void theShapeIsChecked() {
        assertSlug("invalid-request", "");
        assertSlug("invalid-request", "[]");
        assertSlug("invalid-request", "\"platform.echo\"");
        assertSlug("invalid-request", "{}");
        assertSlug("invalid-request", "{\"type\":7}");
        assertSlug("invalid-request", "{\"type\":{\"a\":1}}");
        assertSlug("invalid-request", "{\"type\":\"a.b\",\"payload\":[1]}");
        assertSlug("invalid-request", "{\"type\":\"a.b\",\"payload\":\"x\"}");
        assertSlug("invalid-request", "{\"type\":\"a.b\",\"tenant\":\"other\"}");
        assertSlug("invalid-request", "{\"type\":\"a.b\"} {}");
        assertSlug("invalid-request", "{\"type\":\"" + "a".repeat(64) + "." + "b".repeat(64) + ".c" + "\"}");
    }

    @Test
    void aStringOverTheLimitInAFieldNameIsRefused() {
        assertSlug("json-limit-exceeded", "{\"type\":\"a.b\",\"payload\":{\"" + "k".repeat(201) + "\":1}}");
    }

    @Test
    void anUnknownFieldIsNamedButShortened() {
        Problem problem = problem(("{\"type\":\"a.b\",\"" + "z".repeat(50) + "\":1}").getBytes(StandardCharsets.UTF_8));
        assertTrue(problem.detail().contains("unknown field"), problem.detail());
        assertTrue(problem.detail().contains("tenant and actor come from the credentials"), problem.detail());
    }

    private IntentRequest read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertSlug(String slug, String body) {
        Problem problem = problem(body.getBytes(StandardCharsets.UTF_8));
        assertEquals(slug, problem.slug(), body + " -> " + problem.detail());
        assertEquals(400, problem.status());
    }

    private Problem problem(byte[] body) {
        return assertThrows(ProblemException.class, () -> reader.read(body)).problem();
    }
}
