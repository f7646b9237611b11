package org.symphainy.runtime.internal.kernel;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;

/** An intent's payload must be one well-formed JSON document within the configured size: checked before anything else. */
final class PayloadCheck {

    private static final JsonFactory JSON = new JsonFactory();

    private final int maxBytes;

    PayloadCheck(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Throws PAYLOAD_TOO_LARGE or PAYLOAD_MALFORMED with what to fix. */
    void check(Intent intent) {
        byte[] payload = intent.payload().bytes();
        if (payload.length > maxBytes) {
            throw new IntentException(ErrorCode.PAYLOAD_TOO_LARGE, "the payload of intent '" + intent.type() + "' has "
                    + payload.length + " bytes; the limit is " + maxBytes + " (maxPayloadBytes): send large content as data "
                    + "references, not inline");
        }
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() == null) {
                throw malformed(intent, "it is empty");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw malformed(intent, "more than one JSON value at " + parser.currentLocation().offsetDescription());
            }
        } catch (JsonParseException e) {
            throw malformed(intent, e.getOriginalMessage() + " at " + e.getLocation().offsetDescription());
        } catch (IOException e) {
            throw malformed(intent, e.getMessage());
        }
    }

    private static IntentException malformed(Intent intent, String why) {
        return new IntentException(ErrorCode.PAYLOAD_MALFORMED, "the payload of intent '" + intent.type()
                + "' is not one well-formed JSON document: " + why + "; send a JSON object such as {\"key\": \"value\"}");
    }
}
