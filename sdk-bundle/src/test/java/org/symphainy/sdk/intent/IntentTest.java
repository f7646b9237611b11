package org.symphainy.sdk.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntentTest {

    private static Intent.Builder complete(String type) {
        return Intent.builder(type).tenant("acme").session("s-1").actor("alice").correlationId("c-1");
    }

    @Test
    void buildsAnIntentWithDefaultsForTheOptionalParts() {
        Intent intent = complete("content.ingest").build();

        assertEquals("content.ingest", intent.type());
        assertEquals("acme", intent.tenant());
        assertEquals("s-1", intent.session());
        assertEquals("alice", intent.actor());
        assertEquals("c-1", intent.correlationId());
        assertEquals(Json.EMPTY_OBJECT, intent.payload());
        assertNull(intent.versionRange());
        assertNull(intent.idempotencyKey());
    }

    @Test
    void toBuilderCopiesEveryValue() {
        Intent intent = complete("content.ingest").versionRange("[1.0,2.0)").idempotencyKey("k-1")
                .payload(Json.of("{\"uri\":\"s3://b/k\"}")).build();

        assertEquals(intent, intent.toBuilder().build());
        assertEquals(intent.hashCode(), intent.toBuilder().build().hashCode());
        assertEquals("bob", intent.toBuilder().actor("bob").build().actor());
    }

    @Test
    void explainsAnInvalidTypeWithAnExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> complete("Content.Ingest").build());

        assertEquals("intent 'Content.Ingest' is invalid: type 'Content.Ingest' is not a dotted lower-case name such as "
                + "'content.ingest': use two or more dot-separated segments of a-z, 0-9, '_' or '-', each starting with "
                + "a letter, 128 characters at most", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "content.", ".ingest", "content..ingest", "content.9ingest", "content ingest",
        "content.ingest*", "content.(ingest)"})
    void refusesTypesThatAreNotDottedLowerCaseNames(String type) {
        assertFalse(Intent.isValidType(type));
        assertThrows(IllegalArgumentException.class, () -> complete(type).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"content.ingest", "platform.solution.deploy", "insights.map_fields", "ops.sop-v2"})
    void acceptsDottedLowerCaseNames(String type) {
        assertTrue(Intent.isValidType(type));
        assertEquals(type, complete(type).build().type());
    }

    @Test
    void listsEveryMissingValueAndHowToSetIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Intent.builder("content.ingest").session("s-1").payload(null).build());

        assertEquals("intent 'content.ingest' is invalid: tenant is missing: call tenant(...); "
                + "actor is missing: call actor(...); correlationId is missing: call correlationId(...); "
                + "payload is missing: set Json.EMPTY_OBJECT for an empty payload", e.getMessage());
    }

    @Test
    void refusesBlankAndControlCharacterIdentifiers() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> complete("content.ingest").tenant(" ").build());
        assertEquals("intent 'content.ingest' is invalid: tenant must not be blank", blank.getMessage());

        IllegalArgumentException control = assertThrows(IllegalArgumentException.class,
                () -> complete("content.ingest").actor("alice\nadmin").build());
        assertEquals("intent 'content.ingest' is invalid: actor 'alice\\u000aadmin' contains control characters; "
                + "remove them", control.getMessage());
    }

    @Test
    void refusesTooLongIdentifiers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> complete("content.ingest").idempotencyKey("k".repeat(257)).build());
        assertEquals("intent 'content.ingest' is invalid: idempotencyKey is 257 characters long; use at most 256",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1.0,2.0)", "(1.0,2.0]", "1.0", "[1.0.0, 1.0.0]", "[1.2.3.beta,2)"})
    void acceptsOsgiVersionRanges(String range) {
        assertEquals(range, complete("content.ingest").versionRange(range).build().versionRange());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1.0;2.0)", "1.x", "[1.0,2.0", ">=1.0", ""})
    void explainsAnInvalidVersionRange(String range) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> complete("content.ingest").versionRange(range).build());
        assertEquals("intent 'content.ingest' is invalid: versionRange '" + range + "' is not an OSGi version range "
                + "such as '[1.0,2.0)' (1.0 up to, not including, 2.0) or '1.0' (1.0 or later)", e.getMessage());
    }

    @Test
    void toStringLeavesThePayloadOut() {
        String shown = complete("content.ingest").payload(Json.of("{\"ssn\":\"078-05-1120\"}")).build().toString();
        assertEquals("Intent[content.ingest, tenant=acme, session=s-1, actor=alice, payload=Json[21 bytes], "
                + "correlationId=c-1]", shown);
    }
}
