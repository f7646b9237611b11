package org.symphainy.sdk.intent;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable JSON document held as UTF-8 bytes: intent payloads and event payloads. It does not parse: the Runtime
 * checks that a payload is well-formed (and rejects it with {@link ErrorCode#PAYLOAD_MALFORMED}) and the Librarian checks
 * its schema. It only refuses what cannot be JSON at all: an empty or blank document, or bytes that are not UTF-8.
 * Two documents are equal when their bytes are equal; {@code toString()} shows the size only, so payloads do not leak
 * into logs.
 */
public final class Json {

    /** The empty object, {@code {}}. */
    public static final Json EMPTY_OBJECT = of("{}");

    private final byte[] utf8;

    private Json(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** A document from its text. */
    public static Json of(String text) {
        Objects.requireNonNull(text, "JSON text is required; use Json.EMPTY_OBJECT for an empty payload");
        return checked(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A document from its UTF-8 bytes (copied). */
    public static Json of(byte[] utf8) {
        Objects.requireNonNull(utf8, "JSON bytes are required; use Json.EMPTY_OBJECT for an empty payload");
        byte[] copy = utf8.clone();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(copy));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("JSON document is not valid UTF-8 (" + e.getMessage()
                    + "); encode it as UTF-8", e);
        }
        return checked(copy);
    }

    private static Json checked(byte[] utf8) {
        for (byte b : utf8) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return new Json(utf8);
            }
        }
        throw new IllegalArgumentException("JSON document is empty; send {} (Json.EMPTY_OBJECT) for an empty payload");
    }

    /** The document's text. */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** A copy of the document's UTF-8 bytes. */
    public byte[] bytes() {
        return utf8.clone();
    }

    /** The document's size in bytes. */
    public int size() {
        return utf8.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Json json && Arrays.equals(utf8, json.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        return "Json[" + utf8.length + " bytes]";
    }
}
