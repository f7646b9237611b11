package org.symphainy.runtime.internal.kernel;

import java.io.IOException;
import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.PlatformIntents;

/**
 * The payload of {@code platform.execution.approve} and {@code platform.execution.reject}:
 * {@code {"executionId": "...", "reason": "..."?}}.
 *
 * @param approves true for an approval, false for a rejection
 * @param executionId the execution waiting for approval
 * @param reason the approver's reason; null if none was given
 */
record ApprovalRequest(boolean approves, String executionId, String reason) {

    private static final JsonFactory JSON = new JsonFactory();

    /** True for the two approval intent types. */
    static boolean isApproval(String intentType) {
        return PlatformIntents.APPROVE.equals(intentType) || PlatformIntents.REJECT.equals(intentType);
    }

    /** The request an approval intent carries; throws PAYLOAD_INVALID, saying what is wrong, if it carries none. */
    static ApprovalRequest of(Intent intent) {
        String executionId = null;
        String reason = null;
        try (JsonParser parser = JSON.createParser(intent.payload().bytes())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(intent, "the payload is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("executionId".equals(field) && value == JsonToken.VALUE_STRING) {
                    executionId = parser.getText();
                } else if ("reason".equals(field) && value == JsonToken.VALUE_STRING) {
                    reason = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw invalid(intent, "the payload is not JSON (" + e.getMessage() + ")");
        }
        if (executionId == null || executionId.isBlank()) {
            throw invalid(intent, "the payload names no execution");
        }
        return new ApprovalRequest(PlatformIntents.APPROVE.equals(intent.type()), executionId,
                reason == null || reason.isBlank() ? null : reason);
    }

    /** {@code approve} or {@code reject}. */
    String verb() {
        return approves ? "approve" : "reject";
    }

    /** The artifact recording the verdict: {@code {"executionId", "verdict", "approver", "reason"}}. */
    Json verdict(String approver) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("executionId", executionId);
            json.writeStringField("verdict", approves ? "approved" : "rejected");
            json.writeStringField("approver", approver);
            if (reason != null) {
                json.writeStringField("reason", reason);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return Json.of(text.toString());
    }

    private static IntentException invalid(Intent intent, String problem) {
        return new IntentException(ErrorCode.PAYLOAD_INVALID, intent.type() + ": " + problem
                + "; send {\"executionId\": \"<the execution awaiting approval>\", \"reason\": \"...\"}");
    }
}
