package org.symphainy.runtime.internal.kernel;

import java.io.IOException;
import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;
import org.symphainy.sdk.runtime.PlatformIntents;

/**
 * {@code platform.execution.cancel}: asks to cancel an execution of the same tenant. The kernel checks the request and
 * records the cancellation on the execution when it accepts this intent (so it is durable before the caller hears
 * back); the handler only records who asked, as an artifact, so the cancellation is an execution of its own in the log.
 */
@ProvidesIntent(value = PlatformIntents.CANCEL, version = "1.0.0", schema = "schemas/platform.execution.cancel.json")
@Component(service = IntentHandler.class)
public final class CancelHandler implements IntentHandler {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        ApprovalRequest request = ApprovalRequest.of(intent);
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("executionId", request.executionId());
            json.writeStringField("cancelledBy", intent.actor());
            if (request.reason() != null) {
                json.writeStringField("reason", request.reason());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return Result.of(Artifact.of(PlatformIntents.CANCELLATION_ARTIFACT, Json.of(text.toString())));
    }
}
