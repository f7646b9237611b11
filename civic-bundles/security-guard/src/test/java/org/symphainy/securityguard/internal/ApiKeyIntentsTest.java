package org.symphainy.securityguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.testkit.TestContext;

/** The platform.apikey.* payloads: what prepare makes, what the handlers accept and record, what the schemas say. */
class ApiKeyIntentsTest {

    @TempDir
    Path data;

    private ApiKeyStore.Prepared prepared;
    private String payload;

    @BeforeEach
    void prepare() {
        ApiKeyStore store = new ApiKeyStore(data.resolve("api-keys.json"), GuardSettings.MIN_ITERATIONS,
                Clock.fixed(TestTokens.NOW, ZoneOffset.UTC), new SecureRandom(), System::nanoTime);
        prepared = store.prepare("acme", "alice", Set.of("content-editor", "analyst"), " ci pipeline ");
        payload = prepared.change().createPayload().text();
    }

    @Test
    void aPreparedPayloadCarriesTheHashButNeverTheSecretAndPassesItsSchema() throws IOException {
        String secret = prepared.credential().secret();

        assertFalse(payload.contains(secret), payload);
        assertTrue(payload.startsWith("{\"keyId\":\"" + prepared.credential().keyId() + "\",\"tenant\":\"acme\","
                + "\"actor\":\"alice\",\"roles\":[\"analyst\",\"content-editor\"],\"label\":\"ci pipeline\",\"hash\":"
                + "{\"algorithm\":\"PBKDF2WithHmacSHA256\",\"iterations\":10000,\"salt\":\""), payload);
        assertEquals(List.of(), schema("platform.apikey.create").validate(payload, InputFormat.JSON));
        assertTrue(ApiKeyIntents.request(intent(ApiKeyIntents.CREATE, payload)).hash().matches(secret),
                "the payload's hash is the secret's");
    }

    @Test
    void theCreateHandlerRecordsTheRequestedChange() throws Exception {
        Artifact artifact = new ApiKeyCreateHandler().handle(intent(ApiKeyIntents.CREATE, payload),
                TestContext.builder().build()).artifacts().get(0);

        assertEquals(ApiKeyIntents.CHANGE, artifact.kind());
        assertTrue(artifact.text().startsWith("{\"action\":\"create\",\"keyId\":"), artifact.text());
        assertEquals(prepared.change(), ApiKeyIntents.recorded(artifact).orElseThrow());
        assertFalse(artifact.text().contains(prepared.credential().secret()));
    }

    @Test
    void theRevokeHandlerRecordsTheKeyAndTheReason() throws Exception {
        String revoke = "{\"keyId\": \"abc123\", \"reason\": \"laptop stolen\"}";
        assertEquals(List.of(), schema("platform.apikey.revoke").validate(revoke, InputFormat.JSON));

        Artifact artifact = new ApiKeyRevokeHandler().handle(intent(ApiKeyIntents.REVOKE, revoke),
                TestContext.builder().build()).artifacts().get(0);

        assertEquals("{\"action\":\"revoke\",\"keyId\":\"abc123\",\"reason\":\"laptop stolen\"}", artifact.text());
        assertEquals(ApiKeyChange.revoke("abc123", "laptop stolen"), ApiKeyIntents.recorded(artifact).orElseThrow());
        assertTrue(ApiKeyIntents.recorded(Artifact.of("platform.tenant.change", Json.of("{}"))).isEmpty());
    }

    @Test
    void malformedRequestsAreRefusedByTheHandlerAndByTheSchema() throws IOException {
        String hash = payload.substring(payload.indexOf("\"hash\""), payload.length() - 1);
        List<String> bad = List.of(
                payload.replace("\"label\"", "\"secret\":\"x\",\"label\""),
                payload.replace(prepared.credential().keyId(), "Not-An-Id"),
                payload.replace("\"tenant\":\"acme\"", "\"tenant\":\"ACME corp\""),
                payload.replace("\"iterations\":10000", "\"iterations\":1"),
                payload.replace("PBKDF2WithHmacSHA256", "MD5"),
                payload.replace(hash, "\"hash\":{\"algorithm\":\"PBKDF2WithHmacSHA256\",\"iterations\":10000,"
                        + "\"salt\":\"c2hvcnQ=\",\"value\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}"),
                payload.replace(",\"" + "hash", ",\"roles\":[],\"hash"),
                payload.replace("\"roles\":[\"analyst\",", "\"roles\":[\"analyst\",\"analyst\","),
                "{\"keyId\":\"abc\",\"tenant\":\"acme\",\"actor\":\"alice\",\"roles\":[]}");
        Schema schema = schema("platform.apikey.create");
        for (String request : bad) {
            IntentException refused = assertThrows(IntentException.class, () -> new ApiKeyCreateHandler()
                    .handle(intent(ApiKeyIntents.CREATE, request), TestContext.builder().build()), request);
            assertEquals(ErrorCode.PAYLOAD_INVALID, refused.code());
            assertTrue(refused.getMessage().startsWith("platform.apikey.create: "), refused.getMessage());
            if (!request.contains("\"roles\":[],\"hash")) { // a repeated field is for the JSON reader to refuse
                assertFalse(schema.validate(request, InputFormat.JSON).isEmpty(), "the schema refuses " + request);
            }
        }
    }

    @Test
    void aRevocationNamesAKnownShapeOfKeyAndNothingElse() throws IOException {
        Schema schema = schema("platform.apikey.revoke");
        for (String request : List.of("{\"keyId\": \"abc\", \"hash\": {}}", "{\"keyId\": \"a_b\"}", "{\"reason\": \"x\"}",
                "{\"keyId\": \"abc\", \"reason\": \"one\\ntwo\"}", "[]")) {
            assertEquals(ErrorCode.PAYLOAD_INVALID, assertThrows(IntentException.class,
                    () -> ApiKeyIntents.request(intent(ApiKeyIntents.REVOKE, request)), request).code());
            List<Error> errors = schema.validate(request, InputFormat.JSON);
            assertFalse(errors.isEmpty(), "the schema refuses " + request);
        }
    }

    /** The intent's schema as the Librarian reads it: JSON Schema 2020-12 from the bundle's resources. */
    static Schema schema(String type) throws IOException {
        try (InputStream in = ApiKeyIntentsTest.class.getClassLoader().getResourceAsStream("schemas/" + type
                + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(text, InputFormat.JSON);
            schema.initializeValidators();
            return schema;
        }
    }

    static Intent intent(String type, String payload) {
        return Intent.builder(type).tenant("system").actor("admin").session("s-1").correlationId("c-1")
                .payload(Json.of(payload)).build();
    }
}
