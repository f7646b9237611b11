package org.symphainy.foundations.rest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Strict UTF-8 decoding: request bodies are UTF-8 only, never guessed as UTF-16 or UTF-32. */
public final class Utf8 {

    private Utf8() {
    }

    /** The characters of {@code bytes}, or null if they are not valid UTF-8 (overlong forms, surrogates included). */
    public static char[] decode(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Arrays.copyOfRange(chars.array(), chars.arrayOffset() + chars.position(),
                    chars.arrayOffset() + chars.limit());
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
