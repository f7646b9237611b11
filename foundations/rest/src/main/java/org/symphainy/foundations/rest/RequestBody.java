package org.symphainy.foundations.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * A JSON request body, read within its size limit: the media type is checked first ({@code application/json} or a
 * {@code +json} type, UTF-8), a declared {@code Content-Length} over the limit is refused before a byte is read, and a
 * body without one is read only up to the limit.
 */
public final class RequestBody {

    private RequestBody() {
    }

    /** Refuses with 415 unless {@code contentType} is JSON in UTF-8. */
    public static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new ProblemException(Problems.unsupportedMediaType("the request has no Content-Type: send the body "
                    + "as Content-Type: application/json"));
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new ProblemException(Problems.unsupportedMediaType("the body's Content-Type is not JSON: send it as "
                    + "Content-Type: application/json"));
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                throw new ProblemException(Problems.unsupportedMediaType("JSON bodies are read as UTF-8 only: send "
                        + "Content-Type: application/json (charset=utf-8, or no charset)"));
            }
        }
    }

    /**
     * The body's bytes; 413 if {@code contentLength} or the bytes read exceed {@code maxBytes}. A refused body of up to
     * {@link #DRAIN_FACTOR} times the limit is read and discarded (never parsed or kept) before the answer, so the client,
     * still sending, gets the 413 instead of a reset connection; a larger one is not read at all.
     */
    public static byte[] read(String contentLength, InputStream body, int maxBytes) {
        if (contentLength != null) {
            long declared = declaredLength(contentLength);
            if (declared > maxBytes) {
                if (declared <= (long) maxBytes * DRAIN_FACTOR) {
                    discard(body, declared);
                }
                throw tooLarge(maxBytes);
            }
        }
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] buffer = new byte[Math.min(maxBytes + 1, 8192)];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (length > maxBytes) {
                        discard(body, (long) maxBytes * DRAIN_FACTOR);
                        throw tooLarge(maxBytes);
                    }
                    buffer = Arrays.copyOf(buffer, Math.min(maxBytes + 1, buffer.length * 2));
                }
                int n = body.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
            if (length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return Arrays.copyOf(buffer, length);
        } catch (IOException e) {
            throw new ProblemException(Problems.invalidRequest("the request body could not be read completely; "
                    + "send it again"));
        }
    }

    /** How many times the limit a refused body may be to be read and discarded before the 413. */
    public static final int DRAIN_FACTOR = 4;

    private static void discard(InputStream body, long atMost) {
        if (body == null) {
            return;
        }
        byte[] sink = new byte[8192];
        long left = atMost;
        try {
            int n;
            while (left > 0 && (n = body.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer anyway
        }
    }

    private static long declaredLength(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(Problems.invalidRequest("Content-Length is not a number"));
        }
    }

    private static ProblemException tooLarge(int maxBytes) {
        return new ProblemException(Problems.tooLarge("the request body is larger than " + maxBytes
                + " bytes, the configured limit (maxBodyBytes): send a smaller body"));
    }
}
