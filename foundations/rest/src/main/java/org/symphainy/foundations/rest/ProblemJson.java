package org.symphainy.foundations.rest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import org.symphainy.sdk.governance.Decision;

/** A {@link Problem} as RFC 9457 JSON: type, title, status, detail, and the code, decisions and error id when present. */
public final class ProblemJson {

    private ProblemJson() {
    }

    /** The problem's JSON document. */
    public static byte[] of(Problem problem) {
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("type", problem.type());
            json.writeStringField("title", problem.title());
            json.writeNumberField("status", problem.status());
            json.writeStringField("detail", problem.detail());
            JsonOutput.optional(json, "code", problem.code());
            JsonOutput.optional(json, "errorId", problem.errorId());
            if (!problem.decisions().isEmpty()) {
                json.writeArrayFieldStart("decisions");
                for (Decision decision : problem.decisions()) {
                    decision(json, decision);
                }
                json.writeEndArray();
            }
            if (problem.extensions() != null) {
                extensions(json, problem.extensions());
            }
            json.writeEndObject();
        });
    }

    /** Copies the members of a JSON object's text into the document being written. */
    private static void extensions(JsonGenerator json, String object) throws IOException {
        try (com.fasterxml.jackson.core.JsonParser in = json.getCodec() == null
                ? new com.fasterxml.jackson.core.JsonFactory().createParser(object)
                : json.getCodec().getFactory().createParser(object)) {
            if (in.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return;
            }
            while (in.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                json.writeFieldName(in.currentName());
                in.nextToken();
                json.copyCurrentStructure(in);
            }
        }
    }

    /** One decision: stage, allowed, code (denials only), reasons. */
    public static void decision(JsonGenerator json, Decision decision) throws IOException {
        json.writeStartObject();
        json.writeStringField("stage", decision.stage().roleName());
        json.writeBooleanField("allowed", decision.allowed());
        JsonOutput.optional(json, "code", decision.code());
        json.writeArrayFieldStart("reasons");
        for (String reason : decision.reasons()) {
            json.writeString(reason);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
