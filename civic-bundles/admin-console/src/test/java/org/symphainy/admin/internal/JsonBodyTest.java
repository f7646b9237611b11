package org.symphainy.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.symphainy.admin.internal.JsonBody.Kind;
import org.symphainy.foundations.rest.Limits;
import org.symphainy.foundations.rest.Problem;
import org.symphainy.foundations.rest.ProblemException;

class JsonBodyTest {

    private final JsonBody reader = new JsonBody(Limits.DEFAULTS);

    private static final JsonBody.Field[] KEY = {JsonBody.required("tenant", Kind.STRING),
        JsonBody.required("roles", Kind.STRINGS), JsonBody.optional("limit", Kind.INTEGER),
        JsonBody.optional("policy", Kind.OBJECT)};

    @Test
    void readsTheDeclaredFieldsByKind() {
        Map<String, Object> fields = read("{\"tenant\":\"acme\",\"roles\":[\"a\",\"b\"],\"limit\":7,"
                + "\"policy\":{\"rules\":[{\"id\":\"x\"}]}}");
        assertEquals("acme", fields.get("tenant"));
        assertEquals(List.of("a", "b"), fields.get("roles"));
        assertEquals(7, fields.get("limit"));
        assertEquals("{\"rules\":[{\"id\":\"x\"}]}", fields.get("policy"));
    }

    @Test
    void aStringHoldingAnObjectIsAcceptedForAnObjectField() {
        assertEquals("{\"rules\":[]}", read("{\"tenant\":\"a\",\"roles\":[],\"policy\":\"{\\\"rules\\\": []}\"}")
                .get("policy"));
        assertEquals("invalid-request", refused("{\"tenant\":\"a\",\"roles\":[],\"policy\":\"[1]\"}").slug());
        assertEquals("invalid-request", refused("{\"tenant\":\"a\",\"roles\":[],\"policy\":\"{\"}").slug());
    }

    @Test
    void everyKindOfBadBodyIsA400ThatSaysWhatToFix() {
        assertEquals("malformed-json", refused("{\"tenant\":").slug());
        assertEquals("invalid-request", refused("[]").slug());
        assertEquals("invalid-request", refused("{\"tenant\":\"a\"}").slug());
        assertEquals("invalid-request", refused("{\"tenant\":1,\"roles\":[]}").slug());
        assertEquals("invalid-request", refused("{\"tenant\":\"a\",\"roles\":[1]}").slug());
        assertEquals("invalid-request", refused("{\"tenant\":\"a\",\"roles\":[],\"limit\":1.5}").slug());
        assertEquals("invalid-request", refused("{\"tenant\":\"a\",\"roles\":[],\"limit\":99999999999}").slug());
        assertEquals("malformed-json", refused("{\"tenant\":\"a\",\"tenant\":\"b\",\"roles\":[]}").slug());
        assertEquals("invalid-request", refused("{\"tenant\":\"a\",\"roles\":[]} {}").slug());
        Problem extra = refused("{\"tenant\":\"a\",\"roles\":[],\"admin\":true}");
        assertTrue(extra.detail().contains("unknown field \"admin\""), extra.detail());
        assertEquals("json-limit-exceeded", refused("{\"policy\":" + "[".repeat(100) + "]".repeat(100) + "}").slug());
        assertEquals("json-limit-exceeded", refused("{\"limit\":" + "9".repeat(500) + "}").slug());
        assertEquals(400, assertThrows(ProblemException.class, () -> reader.read(new byte[] {'{', '"', (byte) 0xC3,
            (byte) 0x28, '"', '}'}, KEY)).problem().status());
    }

    @Test
    void anEmptyBodyIsAnEmptyObject() {
        assertEquals(Map.of(), reader.read(new byte[0], JsonBody.optional("reason", Kind.STRING)));
        assertEquals("invalid-request", refused("").slug());
    }

    private Map<String, Object> read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8), KEY);
    }

    private Problem refused(String body) {
        Problem problem = assertThrows(ProblemException.class, () -> read(body)).problem();
        assertEquals(400, problem.status(), problem.toString());
        return problem;
    }
}
