package org.symphainy.admin.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.symphainy.foundations.rest.JsonOutput;
import org.symphainy.sdk.health.HealthReport;
import org.symphainy.sdk.health.IntentHealth;
import org.symphainy.sdk.health.IntentStatus;

/**
 * {@code GET /admin/v1/health}: live (it answers), ready (the registry and the Runtime are there and every declared
 * intent is ready) and each intent's readiness and recent executions; 503 with the same body when not ready.
 */
@Path("v1/health")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = HealthResource.class)
@JakartarsResource
@JakartarsName("symphainy.admin.health")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class HealthResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IntentHealth health;

    /** The health report; 200 when ready, 503 when not. */
    @GET
    public Response health() {
        IntentHealth active = health;
        HealthReport report = active == null ? null : active.report();
        byte[] body = body(report);
        return Response.status(report != null && report.healthy() ? 200 : 503).entity(body)
                .type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    /** The body for {@code report}; null means the health service is absent, so not ready. */
    static byte[] body(HealthReport report) {
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeBooleanField("live", true);
            json.writeBooleanField("ready", report != null && report.healthy());
            json.writeArrayFieldStart("notices");
            if (report == null) {
                json.writeString("the IntentHealth service (Nurse) is not available: readiness is unknown");
            } else {
                for (String notice : report.notices()) {
                    json.writeString(notice);
                }
            }
            json.writeEndArray();
            if (report != null) {
                json.writeBooleanField("registryAvailable", report.registryAvailable());
                json.writeBooleanField("runtimeAvailable", report.runtimeAvailable());
                JsonOutput.instant(json, "at", report.at());
                json.writeStringField("window", report.window().toString());
            }
            json.writeArrayFieldStart("intents");
            for (IntentStatus intent : report == null ? java.util.List.<IntentStatus>of() : report.intents()) {
                json.writeStartObject();
                json.writeStringField("type", intent.type());
                json.writeStringField("readiness", intent.readiness().name());
                json.writeStringField("detail", intent.detail());
                json.writeNumberField("completed", intent.executions().completed());
                json.writeNumberField("failed", intent.executions().failed());
                json.writeNumberField("running", intent.executions().running());
                json.writeNumberField("failureRate", intent.executions().failureRate());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
