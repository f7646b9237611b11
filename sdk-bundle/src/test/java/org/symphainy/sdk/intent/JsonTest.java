package org.symphainy.sdk.intent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void documentsWithTheSameBytesAreEqualHoweverMade() {
        Json fromText = Json.of("{\"name\":\"Zoë\"}");
        Json fromBytes = Json.of("{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals(fromText, fromBytes);
        assertEquals(fromText.hashCode(), fromBytes.hashCode());
        assertEquals("{\"name\":\"Zoë\"}", fromBytes.text());
        assertEquals(15, fromText.size(), "ë takes two bytes in UTF-8");
    }

    @Test
    void documentsWithDifferentBytesDiffer() {
        assertNotEquals(Json.of("{\"a\":1}"), Json.of("{\"a\": 1}"));
    }

    @Test
    void copiesBytesInAndOut() {
        byte[] source = "[1]".getBytes(StandardCharsets.UTF_8);
        Json json = Json.of(source);
        source[1] = '2';
        byte[] out = json.bytes();
        out[1] = '3';

        assertEquals("[1]", json.text());
        assertArrayEquals("[1]".getBytes(StandardCharsets.UTF_8), json.bytes());
    }

    @Test
    void refusesAnEmptyDocumentAndSaysWhatToSendInstead() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Json.of(" \n\t"));
        assertEquals("JSON document is empty; send {} (Json.EMPTY_OBJECT) for an empty payload", empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.of(new byte[0]));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.of(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'}));
        assertTrue(e.getMessage().startsWith("JSON document is not valid UTF-8"), e.getMessage());
    }

    @Test
    void toStringShowsTheSizeButNotTheContent() {
        String shown = Json.of("{\"password\":\"hunter2\"}").toString();
        assertEquals("Json[22 bytes]", shown);
        assertFalse(shown.contains("hunter2"));
    }
}
