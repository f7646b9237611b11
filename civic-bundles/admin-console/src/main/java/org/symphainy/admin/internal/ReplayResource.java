package org.symphainy.admin.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.symphainy.foundations.rest.JsonOutput;
import org.symphainy.foundations.rest.Limits;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;
import org.symphainy.foundations.rest.RequestBody;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.Failure;
import org.symphainy.sdk.runtime.ReplayReport;
import org.symphainy.sdk.runtime.Runtime;

/**
 * {@code POST /admin/v1/replay} {@code {"type", "limit"}}: replays the latest {@code limit} completed executions of an
 * intent type against the handler deployed now, and tells which outputs would change.
 */
@Path("v1/replay")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = ReplayResource.class, configurationPid = AdminConfig.PID)
@JakartarsResource
@JakartarsName("symphainy.admin.replay")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class ReplayResource {

    /** Executions replayed when the request names no limit. */
    static final int DEFAULT_LIMIT = 100;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Runtime runtime;

    private final Limits limits;
    private final JsonBody reader;

    /** The resource under {@code config}. */
    @Activate
    public ReplayResource(AdminConfig config) {
        this.limits = AdminLimits.of(config);
        this.reader = new JsonBody(limits);
    }

    /** The bulk replay's summary, with the reports that are not identical. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response replay(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        RequestBody.requireJson(contentType);
        Map<String, Object> fields = reader.read(RequestBody.read(contentLength, body, limits.maxBodyBytes()),
                JsonBody.required("type", JsonBody.Kind.STRING), JsonBody.optional("limit", JsonBody.Kind.INTEGER));
        String type = (String) fields.get("type");
        int limit = (Integer) fields.getOrDefault("limit", DEFAULT_LIMIT);
        if (!Intent.isValidType(type)) {
            throw invalid("type is not an intent type: use a dotted lower-case name such as platform.echo");
        }
        if (limit < 1 || limit > ExecutionQuery.MAX_LIMIT) {
            throw invalid("limit is " + limit + "; use 1 to " + ExecutionQuery.MAX_LIMIT);
        }
        Runtime active = Services.required(runtime, "Runtime");
        List<ExecutionSummary> latest = active.query(ExecutionQuery.builder().intentType(type)
                .state(ExecutionState.COMPLETED).limit(limit).build()).items();
        return Services.json(summary(type, replayAll(active, latest)));
    }

    /** The report of every execution in {@code latest}; one that cannot be replayed is a report with its failure. */
    static List<ReplayReport> replayAll(Runtime runtime, List<ExecutionSummary> latest) {
        List<ReplayReport> reports = new ArrayList<>();
        for (ExecutionSummary summary : latest) {
            try {
                reports.add(runtime.replay(summary.id()));
            } catch (IntentException e) {
                failed(runtime, summary, e).ifPresent(reports::add);
            }
        }
        return reports;
    }

    private static java.util.Optional<ReplayReport> failed(Runtime runtime, ExecutionSummary summary,
            IntentException e) {
        return runtime.execution(summary.id()).filter(execution -> execution.handler() != null)
                .map(execution -> new ReplayReport(summary.id(), execution.handler(), execution.handler(), List.of(),
                        new Failure(e.code(), e.getMessage())));
    }

    /** {@code {"type", "replayed", "identical", "changed", "failed", "reports"}}. */
    static byte[] summary(String type, List<ReplayReport> reports) {
        long identical = reports.stream().filter(ReplayReport::identical).count();
        long failed = reports.stream().filter(r -> r.failure() != null).count();
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeNumberField("replayed", reports.size());
            json.writeNumberField("identical", identical);
            json.writeNumberField("changed", reports.size() - identical - failed);
            json.writeNumberField("failed", failed);
            json.writeArrayFieldStart("reports");
            for (ReplayReport report : reports) {
                if (!report.identical()) {
                    AdminJson.replay(json, report);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problems.invalidRequest(detail));
    }
}
