package org.symphainy.foundations.rest;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Event;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Provenance;
import org.symphainy.sdk.runtime.AttemptFailure;
import org.symphainy.sdk.runtime.Effect;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.ExecutionUpdate;
import org.symphainy.sdk.runtime.Failure;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.SagaStatus;
import org.symphainy.sdk.runtime.Step;
import org.symphainy.sdk.runtime.Submission;

/**
 * Executions as the API shows them. The intent's session is never written: it is a credential. Artifact contents are
 * not inlined; each artifact names the URL of its content.
 */
public final class ExecutionJson {

    private ExecutionJson() {
    }

    /** The answer to a submission: the execution id, where to follow it, and whether it was a duplicate. */
    public static byte[] submission(Submission submission, URI location, String correlationId) {
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("executionId", submission.executionId());
            json.writeStringField("location", location.toString());
            JsonOutput.instant(json, "acceptedAt", submission.acceptedAt());
            json.writeBooleanField("duplicate", submission.duplicate());
            json.writeStringField("correlationId", correlationId);
            json.writeEndObject();
        });
    }

    /** One execution whole; {@code artifactUrl} gives the URL of an artifact's content from its id. */
    public static byte[] execution(Execution execution, Function<String, URI> artifactUrl) {
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("id", execution.id());
            json.writeStringField("type", execution.intent().type());
            JsonOutput.optional(json, "version", execution.intent().versionRange());
            json.writeStringField("state", execution.state().name());
            json.writeStringField("tenant", execution.intent().tenant());
            json.writeStringField("actor", execution.intent().actor());
            json.writeStringField("correlationId", execution.intent().correlationId());
            JsonOutput.optional(json, "idempotencyKey", execution.intent().idempotencyKey());
            JsonOutput.instant(json, "acceptedAt", execution.acceptedAt());
            JsonOutput.instant(json, "endedAt", execution.endedAt());
            failure(json, execution.failure());
            json.writeFieldName("handler");
            handler(json, execution.handler());
            json.writeFieldName("payload");
            json.writeRawValue(execution.intent().payload().text());
            json.writeArrayFieldStart("decisions");
            for (Decision decision : execution.decisions()) {
                ProblemJson.decision(json, decision);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("steps");
            for (Step step : execution.steps()) {
                step(json, step);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("artifacts");
            for (Artifact artifact : execution.artifacts()) {
                artifact(json, artifact, artifactUrl.apply(artifact.id()));
            }
            json.writeEndArray();
            events(json, execution.events());
            saga(json, execution.saga());
            effects(json, execution.effects());
            json.writeEndObject();
        });
    }

    /**
     * What the projections that follow the intent did with it once it completed (a deploy's framework change):
     * {@code "effects": [{by, at, applied, summary}]}, when there are any.
     */
    private static void effects(JsonGenerator json, List<Effect> effects) throws IOException {
        if (effects.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("effects");
        for (Effect effect : effects) {
            json.writeStartObject();
            json.writeStringField("by", effect.by());
            JsonOutput.instant(json, "at", effect.at());
            json.writeBooleanField("applied", effect.applied());
            json.writeStringField("summary", effect.summary());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * For a saga that gave up: {@code "saga": {failedStep, compensated, uncompensated, failures: [{step, compensation,
     * attempt, at, failure}]}}, what an operator needs after COMPENSATION_FAILED; nothing otherwise.
     */
    private static void saga(JsonGenerator json, SagaStatus saga) throws IOException {
        if (saga == null) {
            return;
        }
        json.writeObjectFieldStart("saga");
        json.writeStringField("failedStep", saga.failedStep());
        json.writeArrayFieldStart("compensated");
        for (String step : saga.compensated()) {
            json.writeString(step);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("uncompensated");
        for (String step : saga.uncompensated()) {
            json.writeString(step);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("failures");
        for (AttemptFailure failure : saga.failures()) {
            json.writeStartObject();
            json.writeStringField("step", failure.step());
            json.writeBooleanField("compensation", failure.compensation());
            json.writeNumberField("attempt", failure.attempt());
            JsonOutput.instant(json, "at", failure.at());
            failure(json, failure.failure());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** One page of a listing, with the URL of the next page when there is one. */
    public static byte[] page(Page<ExecutionSummary> page, URI next, Function<String, URI> executionUrl) {
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (ExecutionSummary summary : page.items()) {
                json.writeStartObject();
                json.writeStringField("id", summary.id());
                json.writeStringField("type", summary.intentType());
                json.writeStringField("state", summary.state().name());
                json.writeStringField("tenant", summary.tenant());
                json.writeStringField("actor", summary.actor());
                JsonOutput.instant(json, "acceptedAt", summary.acceptedAt());
                JsonOutput.instant(json, "endedAt", summary.endedAt());
                json.writeStringField("href", executionUrl.apply(summary.id()).toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            JsonOutput.optional(json, "nextCursor", page.nextCursor());
            JsonOutput.optional(json, "next", next == null ? null : next.toString());
            json.writeEndObject();
        });
    }

    /** One update of an execution, as a Server-Sent Event's data. */
    public static byte[] update(ExecutionUpdate update) {
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("executionId", update.executionId());
            json.writeNumberField("sequence", update.sequence());
            JsonOutput.instant(json, "at", update.at());
            json.writeStringField("state", update.state().name());
            failure(json, update.failure());
            if (update.step() != null) {
                json.writeFieldName("step");
                step(json, update.step());
            }
            events(json, update.events());
            json.writeEndObject();
        });
    }

    /** The events a handler returned, {@code "events": [{"type", "payload"}]}, when there are any. */
    private static void events(JsonGenerator json, List<Event> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("events");
        for (Event event : events) {
            json.writeStartObject();
            json.writeStringField("type", event.type());
            json.writeFieldName("payload");
            json.writeRawValue(event.payload().text());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void step(JsonGenerator json, Step step) throws IOException {
        json.writeStartObject();
        json.writeNumberField("number", step.number());
        JsonOutput.optional(json, "name", step.name());
        if (step.compensation()) {
            json.writeBooleanField("compensation", true);
        }
        json.writeStringField("type", step.intentType());
        json.writeStringField("state", step.state().name());
        json.writeNumberField("attempts", step.attempts());
        JsonOutput.instant(json, "startedAt", step.startedAt());
        JsonOutput.instant(json, "endedAt", step.endedAt());
        json.writeArrayFieldStart("artifactIds");
        for (String id : step.artifactIds()) {
            json.writeString(id);
        }
        json.writeEndArray();
        failure(json, step.failure());
        json.writeEndObject();
    }

    private static void artifact(JsonGenerator json, Artifact artifact, URI content) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", artifact.id());
        json.writeStringField("kind", artifact.kind());
        json.writeStringField("mediaType", artifact.mediaType());
        json.writeNumberField("size", artifact.size());
        json.writeStringField("sha256", artifact.contentHash());
        json.writeStringField("content", content.toString());
        Provenance provenance = artifact.provenance();
        if (provenance != null) {
            json.writeObjectFieldStart("provenance");
            json.writeStringField("executionId", provenance.executionId());
            json.writeNumberField("step", provenance.step());
            json.writeFieldName("handler");
            handler(json, provenance.handler());
            json.writeArrayFieldStart("inputArtifactIds");
            for (String id : provenance.inputArtifactIds()) {
                json.writeString(id);
            }
            json.writeEndArray();
            JsonOutput.instant(json, "recordedAt", provenance.recordedAt());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** A handler reference: bundle, bundleVersion, intentType, intentVersion. */
    public static void handler(JsonGenerator json, HandlerRef handler) throws IOException {
        json.writeStartObject();
        json.writeStringField("bundle", handler.bundleSymbolicName());
        json.writeStringField("bundleVersion", handler.bundleVersion());
        json.writeStringField("intentType", handler.intentType());
        json.writeStringField("intentVersion", handler.intentVersion());
        json.writeEndObject();
    }

    /** {@code "failure": {code, message}}, or nothing if {@code failure} is null. */
    public static void failure(JsonGenerator json, Failure failure) throws IOException {
        if (failure != null) {
            json.writeObjectFieldStart("failure");
            json.writeStringField("code", failure.code().name());
            json.writeStringField("message", failure.message());
            json.writeEndObject();
        }
    }
}
