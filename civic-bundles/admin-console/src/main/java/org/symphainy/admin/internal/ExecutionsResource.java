package org.symphainy.admin.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.symphainy.foundations.rest.Caller;
import org.symphainy.foundations.rest.ExecutionJson;
import org.symphainy.foundations.rest.JsonOutput;
import org.symphainy.foundations.rest.ListingRequest;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;
import org.symphainy.sdk.ledger.Ledger;
import org.symphainy.sdk.ledger.LedgerRecord;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.ReplayReport;
import org.symphainy.sdk.runtime.Runtime;

/**
 * {@code /admin/v1/executions}: every tenant's executions in the shape of {@code /api/v1/executions}, one execution
 * with its WAL timeline, and the deterministic replay of one execution.
 */
@Path("v1/executions")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = ExecutionsResource.class)
@JakartarsResource
@JakartarsName("symphainy.admin.executions")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class ExecutionsResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Runtime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Ledger ledger;

    /** One page of every tenant's executions (or one tenant's, with {@code tenant}). */
    @GET
    public Response list(@Context ContainerRequestContext request, @Context UriInfo uri,
            @QueryParam("state") String state, @QueryParam("type") String type, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("tenant") String tenant, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        ExecutionQuery query = ListingRequest.query(Caller.of(request), state, type, since, until, tenant, limit,
                cursor);
        Page<ExecutionSummary> page;
        try {
            page = runtime().query(query);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problems.invalidRequest("cursor is not one this API returned; start without a "
                    + "cursor"));
        }
        URI next = page.nextCursor() == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
        UriBuilder executions = uri.getBaseUriBuilder().path("v1/executions");
        return Services.json(ExecutionJson.page(page, next, id -> executions.clone().path(id).build()));
    }

    /** One execution as {@code /api/v1/executions/{id}} shows it, plus its WAL records as {@code "timeline"}. */
    @GET
    @Path("{id}")
    public Response get(@Context UriInfo uri, @PathParam("id") String id) {
        Execution execution = execution(id);
        UriBuilder artifacts = uri.getBaseUriBuilder().replacePath("/api/v1/executions").path(id).path("artifacts");
        String shown = new String(ExecutionJson.execution(execution, a -> artifacts.clone().path(a).build()),
                StandardCharsets.UTF_8);
        Ledger active = ledger;
        List<LedgerRecord> timeline = active == null ? List.of() : active.execution(id);
        String records = new String(JsonOutput.bytes(json -> {
            json.writeStartObject();
            AdminJson.records(json, "timeline", timeline);
            json.writeBooleanField("timelineAvailable", active != null);
            json.writeEndObject();
        }), StandardCharsets.UTF_8);
        // both are JSON objects: the execution's fields, then the timeline's
        String whole = shown.substring(0, shown.lastIndexOf('}')) + "," + records.substring(1);
        return Services.json(whole.getBytes(StandardCharsets.UTF_8));
    }

    /** Replays execution {@code id} against the handler deployed now and reports the differences. */
    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.WILDCARD)
    public Response replay(@PathParam("id") String id) {
        execution(id);
        ReplayReport report = runtime().replay(id);
        return Services.json(JsonOutput.bytes(json -> AdminJson.replay(json, report)));
    }

    private Execution execution(String id) {
        return (id.length() > 256 ? java.util.Optional.<Execution>empty() : runtime().execution(id))
                .orElseThrow(() -> new ProblemException(Problems.executionNotFound("no execution with that id; list "
                        + "them with GET /admin/v1/executions")));
    }

    private Runtime runtime() {
        return Services.required(runtime, "Runtime");
    }
}
