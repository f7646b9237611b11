package org.symphainy.admin.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import org.symphainy.foundations.rest.ExecutionJson;
import org.symphainy.foundations.rest.JsonOutput;
import org.symphainy.sdk.deploy.BundleInfo;
import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.governance.Tenants.Tenant;
import org.symphainy.sdk.identity.ApiKeys.ApiKeyInfo;
import org.symphainy.sdk.ledger.LedgerRecord;
import org.symphainy.sdk.registry.RefusedHandler;
import org.symphainy.sdk.registry.RegisteredIntent;
import org.symphainy.sdk.runtime.ArtifactDiff;
import org.symphainy.sdk.runtime.ReplayReport;

/** The admin API's JSON documents, written with Jackson's streaming generator. Never a secret. */
final class AdminJson {

    private AdminJson() {
    }

    /** {@code {"bundles": [...]}}. */
    static byte[] bundles(List<BundleInfo> bundles) {
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("bundles");
            for (BundleInfo bundle : bundles) {
                json.writeStartObject();
                json.writeNumberField("id", bundle.id());
                json.writeStringField("symbolicName", bundle.symbolicName());
                json.writeStringField("version", bundle.version());
                json.writeStringField("state", bundle.state());
                json.writeNumberField("startLevel", bundle.startLevel());
                json.writeStringField("location", bundle.location());
                json.writeBooleanField("platform", bundle.platform());
                strings(json, "declaredIntents", bundle.declaredIntents());
                strings(json, "requiredIntents", bundle.requiredIntents());
                json.writeStringField("problem", bundle.problem());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** A staged jar, as {@code "staged": {...}}. */
    /** A blast radius's members: bundle, restarted, platformBundles, dependants, intents, inFlight. */
    static void blastRadius(JsonGenerator json, org.symphainy.sdk.deploy.BlastRadius radius) throws IOException {
        json.writeStringField("bundle", radius.symbolicName() + " " + radius.version());
        strings(json, "restarted", radius.restarted());
        strings(json, "platformBundles", radius.platformBundles());
        strings(json, "dependants", radius.dependants());
        strings(json, "intents", radius.intents());
        json.writeNumberField("inFlight", radius.inFlight());
    }

    static void staged(JsonGenerator json, StagedBundle staged) throws IOException {
        json.writeObjectFieldStart("staged");
        json.writeStringField("sha256", staged.sha256());
        json.writeStringField("fileName", staged.fileName());
        json.writeNumberField("size", staged.size());
        json.writeStringField("symbolicName", staged.symbolicName());
        json.writeStringField("version", staged.version());
        strings(json, "declaredIntents", staged.declaredIntents());
        strings(json, "requiredIntents", staged.requiredIntents());
        json.writeEndObject();
    }

    /** {@code {"intents": [...], "refusals": [...]}}. */
    static byte[] intents(List<RegisteredIntent> intents, List<RefusedHandler> refusals) {
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("intents");
            for (RegisteredIntent intent : intents) {
                json.writeStartObject();
                json.writeStringField("type", intent.declaredBy().intentType());
                json.writeStringField("version", intent.declaredBy().intentVersion());
                json.writeStringField("bundle", intent.declaredBy().bundleSymbolicName());
                json.writeStringField("bundleVersion", intent.declaredBy().bundleVersion());
                json.writeBooleanField("handler", intent.handler());
                json.writeBooleanField("ready", intent.ready());
                json.writeStringField("detail", intent.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("refusals");
            for (RefusedHandler refusal : refusals) {
                json.writeStartObject();
                json.writeStringField("bundle", refusal.bundleSymbolicName());
                json.writeStringField("bundleVersion", refusal.bundleVersion());
                json.writeStringField("handlerClass", refusal.handlerClass());
                json.writeStringField("reason", refusal.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** {@code "records": [...]}: each record with its WAL JSON embedded. */
    static void records(JsonGenerator json, List<LedgerRecord> records) throws IOException {
        records(json, "records", records);
    }

    /** {@code name: [...]}: each record with its WAL JSON embedded. */
    static void records(JsonGenerator json, String name, List<LedgerRecord> records) throws IOException {
        json.writeArrayFieldStart(name);
        for (LedgerRecord record : records) {
            json.writeStartObject();
            json.writeNumberField("sequence", record.sequence());
            json.writeStringField("type", record.type());
            JsonOutput.optional(json, "executionId", record.executionId());
            JsonOutput.instant(json, "recordedAt", record.recordedAt());
            json.writeStringField("hash", record.hash());
            json.writeFieldName("record");
            json.writeRawValue(record.json().isBlank() ? "null" : record.json());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** One replay report. */
    static void replay(JsonGenerator json, ReplayReport report) throws IOException {
        json.writeStartObject();
        json.writeStringField("executionId", report.executionId());
        json.writeBooleanField("identical", report.identical());
        json.writeFieldName("recordedHandler");
        ExecutionJson.handler(json, report.recordedHandler());
        json.writeFieldName("replayedHandler");
        ExecutionJson.handler(json, report.replayedHandler());
        json.writeArrayFieldStart("differences");
        for (ArtifactDiff diff : report.differences()) {
            json.writeStartObject();
            json.writeNumberField("step", diff.step());
            json.writeNumberField("index", diff.index());
            json.writeStringField("kind", diff.kind());
            JsonOutput.optional(json, "recordedSha256", diff.recorded() == null ? null : diff.recorded().contentHash());
            JsonOutput.optional(json, "replayedSha256", diff.replayed() == null ? null : diff.replayed().contentHash());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (report.failure() == null) {
            json.writeNullField("failure");
        } else {
            ExecutionJson.failure(json, report.failure());
        }
        json.writeEndObject();
    }

    /** {@code {"tenants": [...]}}. */
    static byte[] tenants(List<Tenant> tenants) {
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("tenants");
            for (Tenant tenant : tenants) {
                json.writeStartObject();
                json.writeStringField("id", tenant.id());
                json.writeStringField("displayName", tenant.displayName());
                json.writeBooleanField("suspended", tenant.suspended());
                JsonOutput.optional(json, "suspendedBecause", tenant.suspendedBecause());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** {@code {"apiKeys": [...]}}: ids, owners and dates, never a secret. */
    static byte[] apiKeys(List<ApiKeyInfo> keys) {
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("apiKeys");
            for (ApiKeyInfo key : keys) {
                json.writeStartObject();
                json.writeStringField("id", key.keyId());
                json.writeStringField("tenant", key.principal().tenant());
                json.writeStringField("actor", key.principal().actor());
                strings(json, "roles", key.principal().roles());
                JsonOutput.optional(json, "label", key.label());
                JsonOutput.instant(json, "createdAt", key.createdAt());
                json.writeBooleanField("revoked", key.revokedAt() != null);
                JsonOutput.instant(json, "revokedAt", key.revokedAt());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** {@code name: [strings]}. */
    static void strings(JsonGenerator json, String name, Collection<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
