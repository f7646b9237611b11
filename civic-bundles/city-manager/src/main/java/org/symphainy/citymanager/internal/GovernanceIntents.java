package org.symphainy.citymanager.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;

/**
 * The platform intents that change what the City Manager keeps — tenants and the policy — so that every such change is
 * an intent: governed, attributed and recorded in the WAL. Their handlers are pure: they read the request and return an
 * artifact describing the change ({@link Change}); the City Manager applies the artifacts of completed executions
 * (a {@code Projection}), so a change takes effect only once it is recorded, and is applied again from the WAL after a
 * restart if it had not been.
 */
final class GovernanceIntents {

    static final String TENANT_CREATE = "platform.tenant.create";
    static final String TENANT_SUSPEND = "platform.tenant.suspend";
    static final String TENANT_RESUME = "platform.tenant.resume";
    static final String POLICY_SET = "platform.policy.set";
    static final Set<String> TYPES = Set.of(TENANT_CREATE, TENANT_SUSPEND, TENANT_RESUME, POLICY_SET);

    /** The kind of the artifact that records a tenant change: {@code {"action", "tenant", "name"?, "reason"?}}. */
    static final String TENANT_CHANGE = "platform.tenant.change";
    /** The kind of the artifact that records a policy change: {@code {"policy": {...}, "reason"?}}. */
    static final String POLICY_CHANGE = "platform.policy.change";

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_TEXT = 500;

    private GovernanceIntents() {
    }

    /**
     * One change, as a request carries it and as its artifact records it.
     *
     * @param action {@code create}, {@code suspend}, {@code resume} or {@code set-policy}
     * @param tenant the tenant (tenant changes), else null
     * @param name the display name (create), else null
     * @param reason why (required to suspend), or null
     * @param policy the policy document's JSON text (set-policy), else null
     */
    record Change(String action, String tenant, String name, String reason, String policy) {

        /** The artifact that records this change. */
        Artifact artifact() {
            return Artifact.of(policy == null ? TENANT_CHANGE : POLICY_CHANGE, Json.of(json()));
        }

        String json() {
            StringWriter text = new StringWriter();
            try (JsonGenerator out = JSON.createGenerator(text)) {
                out.writeStartObject();
                out.writeStringField("action", action);
                if (tenant != null) {
                    out.writeStringField("tenant", tenant);
                }
                if (name != null) {
                    out.writeStringField("name", name);
                }
                if (reason != null) {
                    out.writeStringField("reason", reason);
                }
                if (policy != null) {
                    out.writeFieldName("policy");
                    out.writeRawValue(policy);
                }
                out.writeEndObject();
            } catch (IOException e) {
                throw new IllegalStateException("writing to a string failed", e);
            }
            return text.toString();
        }
    }

    /** The change {@code intent} asks for; throws PAYLOAD_INVALID saying what is wrong if it asks for none. */
    static Change request(Intent intent) {
        Fields fields = Fields.of(intent.payload().bytes(), intent.type());
        return switch (intent.type()) {
            case TENANT_CREATE -> new Change("create", fields.tenant(intent.type()), fields.text("name"), null, null);
            case TENANT_SUSPEND -> {
                String reason = fields.text("reason");
                if (reason == null) {
                    throw invalid(intent.type(), "a suspension needs a \"reason\": it is shown to every caller of the tenant");
                }
                yield new Change("suspend", fields.tenant(intent.type()), null, reason, null);
            }
            case TENANT_RESUME -> new Change("resume", fields.tenant(intent.type()), null, fields.text("reason"), null);
            case POLICY_SET -> {
                if (fields.policy == null) {
                    throw invalid(intent.type(), "the payload has no \"policy\" object ({\"rules\": [...]})");
                }
                yield new Change("set-policy", null, null, fields.text("reason"), fields.policy);
            }
            default -> throw invalid(intent.type(), "not a City Manager intent");
        };
    }

    /** The change an artifact of a completed execution records; empty if the artifact is not one. */
    static Optional<Change> recorded(Artifact artifact) {
        if (!TENANT_CHANGE.equals(artifact.kind()) && !POLICY_CHANGE.equals(artifact.kind())) {
            return Optional.empty();
        }
        Fields fields = Fields.of(artifact.content(), artifact.kind());
        return Optional.of(new Change(fields.strings.get("action"), fields.strings.get("tenant"), fields.strings.get("name"),
                fields.strings.get("reason"), fields.policy));
    }

    static IntentException invalid(String type, String problem) {
        return new IntentException(ErrorCode.PAYLOAD_INVALID, type + ": " + problem);
    }

    /** The top-level string fields of a JSON object, and the text of its {@code policy} object. */
    private static final class Fields {
        private final java.util.Map<String, String> strings = new java.util.HashMap<>();
        private String policy;

        static Fields of(byte[] utf8, String what) {
            Fields fields = new Fields();
            try (JsonParser in = JSON.createParser(utf8)) {
                if (in.nextToken() != JsonToken.START_OBJECT) {
                    throw invalid(what, "the payload is not a JSON object");
                }
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String name = in.currentName();
                    JsonToken value = in.nextToken();
                    if (value == JsonToken.VALUE_STRING) {
                        fields.strings.put(name, in.getText());
                    } else if ("policy".equals(name) && value == JsonToken.START_OBJECT) {
                        StringWriter text = new StringWriter();
                        try (JsonGenerator out = JSON.createGenerator(text)) {
                            out.copyCurrentStructure(in);
                        }
                        fields.policy = text.toString();
                    } else {
                        in.skipChildren();
                    }
                }
            } catch (IOException e) {
                throw invalid(what, "the payload is not JSON (" + e.getMessage() + ")");
            }
            return fields;
        }

        String tenant(String type) {
            String tenant = strings.get("tenant");
            if (tenant == null || tenant.isBlank()) {
                throw invalid(type, "the payload names no \"tenant\"");
            }
            return tenant;
        }

        String text(String name) {
            String value = strings.get(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.length() > MAX_TEXT) {
                throw invalid("payload", "\"" + name + "\" is longer than " + MAX_TEXT + " characters");
            }
            return value;
        }
    }
}
