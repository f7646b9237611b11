package org.symphainy.admin.internal;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.symphainy.foundations.rest.Caller;
import org.symphainy.foundations.rest.JsonOutput;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Submission;

/**
 * Submits a platform intent for an administrator, under the caller's own session (so the governance pipeline decides
 * and the WAL records who changed the platform), and answers 202 with where to follow the execution.
 */
final class Submitter {

    /** Where executions are followed, below the server's root. */
    static final String EXECUTIONS = "/api/v1/executions/";

    private Submitter() {
    }

    /** Submits {@code type} with {@code payload} (a JSON object's text) as {@code caller}; 202 with {@code extra} fields. */
    static Response submit(Runtime runtime, Caller caller, UriInfo uri, String type, String payload,
            JsonOutput.Writer extra) {
        Intent intent;
        try {
            intent = Intent.builder(type).payload(Json.of(payload)).tenant(caller.principal().tenant())
                    .actor(caller.principal().actor()).session(caller.sessionId())
                    .correlationId(UUID.randomUUID().toString()).build();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problems.invalidRequest(e.getMessage()));
        }
        Submission submission = Services.required(runtime, "Runtime").submit(intent);
        String path = EXECUTIONS + submission.executionId();
        URI location = uri.getBaseUriBuilder().replacePath(path).replaceQuery(null).build();
        byte[] body = JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("executionId", submission.executionId());
            json.writeStringField("location", path);
            json.writeStringField("intent", type);
            json.writeBooleanField("duplicate", submission.duplicate());
            if (extra != null) {
                extra.write(json);
            }
            json.writeEndObject();
        });
        return Response.accepted(body).type(MediaType.APPLICATION_JSON_TYPE).location(location)
                .header("Cache-Control", "no-store").build();
    }

    /** The JSON text of an object of string fields, skipping null values. */
    static String payload(String... namesAndValues) {
        return new String(JsonOutput.bytes(json -> {
            json.writeStartObject();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                JsonOutput.optional(json, namesAndValues[i], namesAndValues[i + 1]);
            }
            json.writeEndObject();
        }), java.nio.charset.StandardCharsets.UTF_8);
    }
}
