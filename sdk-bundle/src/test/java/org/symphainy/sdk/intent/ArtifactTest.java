package org.symphainy.sdk.intent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArtifactTest {

    // SHA-256("abc") and SHA-256(""), from FIPS 180-2 and common test vectors
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final Provenance PROVENANCE = new Provenance("exec-1", 1,
            new HandlerRef("org.acme.content", "1.2.0", "content.ingest", "1.0.0"), List.of("art-0"),
            Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void hashesTheContentWithSha256() {
        assertEquals(SHA256_ABC, Artifact.of("text.note", "text/plain", bytes("abc")).contentHash());
        assertEquals(SHA256_EMPTY, Artifact.of("text.note", "text/plain", new byte[0]).contentHash());
    }

    @Test
    void copiesContentInAndOut() {
        byte[] source = bytes("abc");
        Artifact artifact = Artifact.of("text.note", "text/plain", source);
        source[0] = 'x';
        artifact.content()[1] = 'y';

        assertArrayEquals(bytes("abc"), artifact.content());
        assertEquals(SHA256_ABC, artifact.contentHash());
        assertEquals("abc", artifact.text());
        assertEquals(3, artifact.size());
    }

    @Test
    void aHandlersArtifactHasNoIdOrProvenanceUntilRecorded() {
        Artifact produced = Artifact.of("content.document", Json.of("{\"title\":\"Q3\"}"));

        assertFalse(produced.isRecorded());
        assertNull(produced.id());
        assertNull(produced.provenance());
        assertEquals(Artifact.JSON, produced.mediaType());

        Artifact recorded = produced.recorded("art-1", PROVENANCE);

        assertTrue(recorded.isRecorded());
        assertEquals("art-1", recorded.id());
        assertSame(PROVENANCE, recorded.provenance());
        assertEquals(produced.contentHash(), recorded.contentHash());
        assertFalse(produced.isRecorded(), "recording makes a copy");
        assertNotEquals(produced, recorded);
    }

    @Test
    void isRecordedOnlyOnce() {
        Artifact recorded = Artifact.of("text.note", "text/plain", bytes("abc")).recorded("art-1", PROVENANCE);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> recorded.recorded("art-2", PROVENANCE));
        assertEquals("artifact art-1 is already recorded; record the handler's original artifact instead",
                e.getMessage());
    }

    @Test
    void artifactsWithTheSameValuesAreEqual() {
        assertEquals(Artifact.of("text.note", "text/plain", bytes("abc")),
                Artifact.of("text.note", "text/plain", bytes("abc")));
        assertNotEquals(Artifact.of("text.note", "text/plain", bytes("abc")),
                Artifact.of("text.note", "text/plain", bytes("abd")));
        assertNotEquals(Artifact.of("text.note", "text/plain", bytes("abc")),
                Artifact.of("text.memo", "text/plain", bytes("abc")));
    }

    @Test
    void explainsAnInvalidKindOrMediaType() {
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> Artifact.of("Summary Report", "text/plain", bytes("abc")));
        assertTrue(kind.getMessage().startsWith("artifact kind 'Summary Report' is not a dotted lower-case name such "
                + "as 'content.document'"), kind.getMessage());

        IllegalArgumentException media = assertThrows(IllegalArgumentException.class,
                () -> Artifact.of("text.note", "json", bytes("abc")));
        assertEquals("mediaType 'json' is not a media type such as 'application/json' or 'text/plain; charset=utf-8'",
                media.getMessage());
        assertEquals("text/plain; charset=utf-8",
                Artifact.of("text.note", "text/plain; charset=utf-8", bytes("abc")).mediaType());
    }

    @Test
    void toStringNamesKindSizeAndHashButNotContent() {
        assertEquals("Artifact[art-1, text.note, text/plain, 3 bytes, sha256=" + SHA256_ABC + "]",
                Artifact.of("text.note", "text/plain", bytes("abc")).recorded("art-1", PROVENANCE).toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
