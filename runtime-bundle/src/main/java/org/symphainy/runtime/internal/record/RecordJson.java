package org.symphainy.runtime.internal.record;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import org.symphainy.runtime.internal.record.KernelRecord.ExecutionApproved;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionFailed;
import org.symphainy.runtime.internal.record.KernelRecord.IntentAccepted;
import org.symphainy.runtime.internal.record.KernelRecord.IntentDenied;
import org.symphainy.runtime.internal.record.KernelRecord.StepCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.StepFailed;
import org.symphainy.runtime.internal.record.KernelRecord.StepStarted;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Event;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;

/**
 * A kernel record as one JSON object, for operators reading the ledger. The intent's session id is a bearer credential:
 * it never appears, only its SHA-256 ({@code sessionSha256}), enough to tell two sessions apart. JSON payloads,
 * artifact contents and event payloads of at most {@link #INLINE_BYTES} are embedded; larger ones are given by size
 * and hash only.
 */
public final class RecordJson {

    /** The largest JSON content embedded as it is. */
    public static final int INLINE_BYTES = 4096;

    private static final JsonFactory FACTORY = new JsonFactory();

    private RecordJson() {
    }

    /** The record's name as operators read it: {@code IntentAccepted}, {@code StepCompleted}, ... */
    public static String typeName(RecordType type) {
        StringBuilder name = new StringBuilder();
        for (String word : type.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    /** The record as one JSON object. */
    public static String encode(KernelRecord record) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("type", typeName(record.type()));
            out.writeStringField("executionId", record.executionId());
            out.writeStringField("at", record.at().toString());
            fields(out, record);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void fields(JsonGenerator out, KernelRecord record) throws IOException {
        if (record instanceof IntentAccepted accepted) {
            intent(out, accepted.intent());
            decisions(out, accepted.decisions());
            principal(out, accepted.principal());
            handler(out, accepted.handler());
            out.writeNumberField("seed", accepted.seed());
            out.writeStringField("payloadHash", accepted.payloadHash());
            if (accepted.saga() != null) {
                saga(out, accepted.saga());
            }
        } else if (record instanceof IntentDenied denied) {
            intent(out, denied.intent());
            decisions(out, denied.decisions());
            principal(out, denied.principal());
        } else if (record instanceof ExecutionApproved approved) {
            out.writeStringField("approver", approved.approver());
            out.writeStringField("approvalExecutionId", approved.approvalExecutionId());
        } else if (record instanceof StepStarted started) {
            step(out, started.step(), started.attempt());
            if (started.handler() != null) {
                handler(out, started.handler());
            }
        } else if (record instanceof StepCompleted completed) {
            step(out, completed.step(), completed.attempt());
            artifacts(out, completed.artifacts());
            events(out, completed.events());
        } else if (record instanceof StepFailed failed) {
            step(out, failed.step(), failed.attempt());
            failure(out, failed.code(), failed.message());
        } else if (record instanceof ExecutionFailed failed) {
            failure(out, failed.code(), failed.message());
        } else if (record instanceof KernelRecord.SagaFailed failed) {
            out.writeNumberField("step", failed.step());
            failure(out, failed.code(), failed.message());
        } else if (record instanceof KernelRecord.CompensationStarted started) {
            step(out, started.step(), started.attempt());
            handler(out, started.handler());
        } else if (record instanceof KernelRecord.CompensationCompleted completed) {
            step(out, completed.step(), completed.attempt());
            artifacts(out, completed.artifacts());
            events(out, completed.events());
        } else if (record instanceof KernelRecord.CompensationFailed failed) {
            step(out, failed.step(), failed.attempt());
            failure(out, failed.code(), failed.message());
        } else if (record instanceof KernelRecord.SagaEnded ended) {
            out.writeStringField("message", ended.message());
        } else if (record instanceof KernelRecord.CancelRequested cancel) {
            out.writeStringField("cancelledBy", cancel.cancelledBy());
            out.writeStringField("cancelExecutionId", cancel.cancelExecutionId());
            nullable(out, "reason", cancel.reason());
        } else if (record instanceof KernelRecord.EffectRecorded effect) {
            out.writeStringField("by", effect.by());
            out.writeBooleanField("applied", effect.applied());
            out.writeStringField("summary", effect.summary());
        }
    }

    /** The saga definition an accepted saga runs by: its steps, in order, with their intents. */
    private static void saga(JsonGenerator out, org.symphainy.sdk.saga.SagaDefinition saga) throws IOException {
        out.writeObjectFieldStart("saga");
        if (saga.timeout() != null) {
            out.writeStringField("timeout", saga.timeout().toString());
        }
        out.writeArrayFieldStart("steps");
        for (org.symphainy.sdk.saga.SagaStep step : saga.steps()) {
            out.writeStartObject();
            out.writeStringField("name", step.name());
            out.writeStringField("intentType", step.intentType());
            if (step.compensation() != null) {
                out.writeStringField("compensation", step.compensation().intentType());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void intent(JsonGenerator out, Intent intent) throws IOException {
        out.writeObjectFieldStart("intent");
        out.writeStringField("type", intent.type());
        nullable(out, "versionRange", intent.versionRange());
        out.writeStringField("tenant", intent.tenant());
        out.writeStringField("actor", intent.actor());
        if (intent.session() != null) {
            out.writeStringField("sessionSha256", sha256(intent.session().getBytes(StandardCharsets.UTF_8)));
        }
        nullable(out, "idempotencyKey", intent.idempotencyKey());
        nullable(out, "correlationId", intent.correlationId());
        json(out, "payload", intent.payload().bytes());
        out.writeEndObject();
    }

    private static void decisions(JsonGenerator out, List<Decision> decisions) throws IOException {
        out.writeArrayFieldStart("decisions");
        for (Decision decision : decisions) {
            out.writeStartObject();
            out.writeStringField("stage", decision.stage().name());
            out.writeBooleanField("allowed", decision.allowed());
            nullable(out, "code", decision.code());
            out.writeArrayFieldStart("reasons");
            for (String reason : decision.reasons()) {
                out.writeString(reason);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void principal(JsonGenerator out, Principal principal) throws IOException {
        if (principal == null) {
            out.writeNullField("principal");
            return;
        }
        out.writeObjectFieldStart("principal");
        out.writeStringField("tenant", principal.tenant());
        out.writeStringField("actor", principal.actor());
        out.writeArrayFieldStart("roles");
        for (String role : principal.roles().stream().sorted().toList()) {
            out.writeString(role);
        }
        out.writeEndArray();
        nullable(out, "authenticatedBy", principal.authenticatedBy());
        out.writeEndObject();
    }

    private static void handler(JsonGenerator out, HandlerRef handler) throws IOException {
        out.writeObjectFieldStart("handler");
        out.writeStringField("bundle", handler.bundleSymbolicName());
        out.writeStringField("bundleVersion", handler.bundleVersion());
        out.writeStringField("intentType", handler.intentType());
        out.writeStringField("intentVersion", handler.intentVersion());
        out.writeEndObject();
    }

    private static void step(JsonGenerator out, int step, int attempt) throws IOException {
        out.writeNumberField("step", step);
        out.writeNumberField("attempt", attempt);
    }

    private static void artifacts(JsonGenerator out, List<Artifact> artifacts) throws IOException {
        out.writeArrayFieldStart("artifacts");
        for (Artifact artifact : artifacts) {
            out.writeStartObject();
            out.writeStringField("kind", artifact.kind());
            out.writeStringField("mediaType", artifact.mediaType());
            out.writeStringField("hash", artifact.contentHash());
            out.writeNumberField("size", artifact.size());
            if (artifact.mediaType().toLowerCase(java.util.Locale.ROOT).startsWith(Artifact.JSON)) {
                json(out, "content", artifact.content());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void events(JsonGenerator out, List<Event> events) throws IOException {
        out.writeArrayFieldStart("events");
        for (Event event : events) {
            out.writeStartObject();
            out.writeStringField("type", event.type());
            Json payload = event.payload();
            if (payload != null) {
                json(out, "payload", payload.bytes());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void failure(JsonGenerator out, ErrorCode code, String message) throws IOException {
        out.writeObjectFieldStart("failure");
        out.writeStringField("code", code.name());
        out.writeStringField("message", message);
        out.writeEndObject();
    }

    /** Embeds small well-formed JSON as it is; otherwise names its size and hash ({@code <name>Size}, {@code <name>Hash}). */
    private static void json(JsonGenerator out, String name, byte[] utf8) throws IOException {
        if (utf8.length <= INLINE_BYTES && wellFormed(utf8)) {
            out.writeFieldName(name);
            out.writeRawValue(new String(utf8, StandardCharsets.UTF_8));
        } else {
            out.writeNumberField(name + "Size", utf8.length);
            out.writeStringField(name + "Hash", sha256(utf8));
        }
    }

    /** True if {@code utf8} is exactly one JSON value. */
    static boolean wellFormed(byte[] utf8) {
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static void nullable(JsonGenerator out, String name, String value) throws IOException {
        if (value == null) {
            out.writeNullField(name);
        } else {
            out.writeStringField(name, value);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
