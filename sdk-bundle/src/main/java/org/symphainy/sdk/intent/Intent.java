package org.symphainy.sdk.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.symphainy.sdk.internal.Checks;

/**
 * What a caller wants done: an intent type such as {@code content.ingest}, who asks (tenant, session, actor), a JSON
 * payload, and the ids that tie it to the caller's world (correlation id, optional idempotency key). Experience builds
 * intents from requests; the Runtime governs, records and executes them. Immutable; built with
 * {@link #builder(String)}, whose {@link Builder#build()} reports every problem at once in an
 * {@link IllegalArgumentException} that says what to fix. {@code toString()} leaves the payload out.
 */
public final class Intent {

    private static final String TYPE_EXAMPLE = "content.ingest";

    private final String type;
    private final String versionRange;
    private final String tenant;
    private final String session;
    private final String actor;
    private final Json payload;
    private final String idempotencyKey;
    private final String correlationId;

    private Intent(Builder builder) {
        this.type = builder.type;
        this.versionRange = builder.versionRange == null ? null : builder.versionRange.trim();
        this.tenant = builder.tenant;
        this.session = builder.session;
        this.actor = builder.actor;
        this.payload = builder.payload;
        this.idempotencyKey = builder.idempotencyKey;
        this.correlationId = builder.correlationId;
    }

    /** A builder for an intent of {@code type}, a dotted lower-case name such as {@code content.ingest}. */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /** True if {@code type} is a valid intent (or event) type: two or more dotted lower-case segments. */
    public static boolean isValidType(String type) {
        return Checks.isName(type, 2);
    }

    /** A builder holding this intent's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(type).versionRange(versionRange).tenant(tenant).session(session).actor(actor)
                .payload(payload).idempotencyKey(idempotencyKey).correlationId(correlationId);
    }

    /** The intent type, such as {@code content.ingest}. */
    public String type() {
        return type;
    }

    /** The acceptable handler versions as an OSGi range such as {@code [1.0,2.0)}; null accepts any version. */
    public String versionRange() {
        return versionRange;
    }

    /** The tenant the work is for. */
    public String tenant() {
        return tenant;
    }

    /** The caller's session. */
    public String session() {
        return session;
    }

    /** The authenticated actor (user or service) asking. */
    public String actor() {
        return actor;
    }

    /** The payload; {@link Json#EMPTY_OBJECT} unless one was set. */
    public Json payload() {
        return payload;
    }

    /** The caller's key for exactly-once submission within the tenant; null if none. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The id that ties this intent to the caller's request and logs. */
    public String correlationId() {
        return correlationId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Intent that && type.equals(that.type) && Objects.equals(versionRange, that.versionRange)
                && tenant.equals(that.tenant) && session.equals(that.session) && actor.equals(that.actor)
                && payload.equals(that.payload) && Objects.equals(idempotencyKey, that.idempotencyKey)
                && correlationId.equals(that.correlationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, versionRange, tenant, session, actor, payload, idempotencyKey, correlationId);
    }

    @Override
    public String toString() {
        return "Intent[" + type + (versionRange == null ? "" : " " + versionRange) + ", tenant=" + tenant
                + ", session=" + session + ", actor=" + actor + ", payload=" + payload
                + (idempotencyKey == null ? "" : ", idempotencyKey=" + idempotencyKey)
                + ", correlationId=" + correlationId + "]";
    }

    /** Builds an {@link Intent}; {@link #build()} checks every value. */
    public static final class Builder {

        private String type;
        private String versionRange;
        private String tenant;
        private String session;
        private String actor;
        private Json payload = Json.EMPTY_OBJECT;
        private String idempotencyKey;
        private String correlationId;

        private Builder(String type) {
            this.type = type;
        }

        /** Sets the intent type. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Sets the acceptable handler versions, an OSGi range such as {@code [1.0,2.0)}; null for any. */
        public Builder versionRange(String versionRange) {
            this.versionRange = versionRange;
            return this;
        }

        /** Sets the tenant (required). */
        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /** Sets the session (required). */
        public Builder session(String session) {
            this.session = session;
            return this;
        }

        /** Sets the actor (required). */
        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        /** Sets the payload; {@link Json#EMPTY_OBJECT} if never set. */
        public Builder payload(Json payload) {
            this.payload = payload;
            return this;
        }

        /** Sets the idempotency key; null for none. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** Sets the correlation id (required). */
        public Builder correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        /** The intent; throws an IllegalArgumentException listing every value to fix. */
        public Intent build() {
            List<String> problems = new ArrayList<>();
            if (type == null) {
                problems.add("type is missing: pass a dotted lower-case name such as '" + TYPE_EXAMPLE + "'");
            } else {
                addIfPresent(problems, Checks.nameProblem("type", type, 2, TYPE_EXAMPLE));
            }
            if (versionRange != null) {
                addIfPresent(problems, Checks.versionRangeProblem("versionRange", versionRange));
            }
            required(problems, "tenant", tenant);
            required(problems, "session", session);
            required(problems, "actor", actor);
            required(problems, "correlationId", correlationId);
            if (payload == null) {
                problems.add("payload is missing: set Json.EMPTY_OBJECT for an empty payload");
            }
            if (idempotencyKey != null) {
                addIfPresent(problems, Checks.idProblem("idempotencyKey", idempotencyKey));
            }
            if (!problems.isEmpty()) {
                String name = type == null ? "intent" : "intent '" + Checks.printable(type) + "'";
                throw new IllegalArgumentException(name + " is invalid: " + String.join("; ", problems));
            }
            return new Intent(this);
        }

        private static void required(List<String> problems, String what, String value) {
            if (value == null) {
                problems.add(what + " is missing: call " + what + "(...)");
            } else {
                addIfPresent(problems, Checks.idProblem(what, value));
            }
        }

        private static void addIfPresent(List<String> problems, String problem) {
            if (problem != null) {
                problems.add(problem);
            }
        }
    }
}
