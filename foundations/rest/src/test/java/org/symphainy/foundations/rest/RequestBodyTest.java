package org.symphainy.foundations.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class RequestBodyTest {

    @Test
    void jsonMediaTypesAreAccepted() {
        RequestBody.requireJson("application/json");
        RequestBody.requireJson("Application/JSON; charset=UTF-8");
        RequestBody.requireJson("application/vnd.symphainy+json");
    }

    @Test
    void otherMediaTypesAreUnsupported() {
        for (String type : new String[] {null, "", "text/plain", "application/x-www-form-urlencoded",
                "application/json; charset=iso-8859-1", "multipart/form-data; boundary=x", "json"}) {
            Problem problem = assertThrows(ProblemException.class, () -> RequestBody.requireJson(type)).problem();
            assertEquals(415, problem.status(), String.valueOf(type));
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        long far = 1024L * RequestBody.DRAIN_FACTOR + 1;
        Problem problem = assertThrows(ProblemException.class,
                () -> RequestBody.read(Long.toString(far), unreadable, 1024)).problem();
        assertEquals(413, problem.status());
    }

    @Test
    void aModeratelyOversizedBodyIsDiscardedBeforeThe413SoTheClientGetsIt() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[3000]);
        Problem problem = assertThrows(ProblemException.class, () -> RequestBody.read("3000", body, 1024)).problem();
        assertEquals(413, problem.status());
        assertEquals(0, body.available());
    }

    @Test
    void anUndeclaredBodyIsReadOnlyUpToTheLimit() {
        byte[] big = new byte[100_000];
        Problem problem = assertThrows(ProblemException.class,
                () -> RequestBody.read(null, new ByteArrayInputStream(big), 20_000)).problem();
        assertEquals(413, problem.status());
    }

    @Test
    void aBodyAtTheLimitIsRead() {
        byte[] exact = new byte[20_000];
        exact[19_999] = 7;
        assertArrayEquals(exact, RequestBody.read(null, new ByteArrayInputStream(exact), 20_000));
        assertArrayEquals(new byte[0], RequestBody.read("0", new ByteArrayInputStream(new byte[0]), 1024));
    }

    @Test
    void aContentLengthThatIsNotANumberIsInvalid() {
        assertEquals(400, assertThrows(ProblemException.class,
                () -> RequestBody.read("ten", new ByteArrayInputStream(new byte[0]), 1024)).problem().status());
    }
}
