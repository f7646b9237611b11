package org.symphainy.experience.internal;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.symphainy.foundations.rest.Audit;
import org.symphainy.foundations.rest.Caller;
import org.symphainy.foundations.rest.ExecutionJson;
import org.symphainy.foundations.rest.ListingRequest;
import org.symphainy.foundations.rest.Problem;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;
import org.symphainy.sdk.delivery.PostOffice;
import org.symphainy.foundations.openapi.ApiDoc;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.Runtime;

/**
 * Reading executions: {@code GET /api/v1/executions} lists them (filters, cursor pagination, newest first),
 * {@code GET /api/v1/executions/{id}} shows one (state, steps, artifacts with provenance, decisions with reasons),
 * {@code .../artifacts/{artifactId}} serves an artifact's content and {@code .../events} streams updates as Server-Sent
 * Events. An execution of another tenant is 404 for anyone but an administrator, exactly like one that does not exist,
 * and the attempt is recorded on the audit log.
 */
@Path(ExecutionsResource.PATH)
@Component(service = ExecutionsResource.class)
@JakartarsResource
@JakartarsName("symphainy.experience.executions")
@JakartarsApplicationSelect(ExperienceApplication.SELECT)
@ApiDoc(summary = "Reading executions: state, decisions, steps, artifacts and live updates")
public final class ExecutionsResource {

    /** The resource's path below the API's root. */
    static final String PATH = "v1/executions";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Runtime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PostOffice postOffice;

    /** One page of the caller's executions. */
    @GET
    @ApiDoc(summary = "Lists the caller's executions", description = "Newest first, one page at a time: follow next "
            + "(or pass nextCursor as cursor). Filters: state, intent type, accepted since/until (ISO-8601); tenant is "
            + "for administrators.", responses = {
                @ApiDoc.Response(status = 200, description = "One page", schema = "openapi/ExecutionPage.json"),
                @ApiDoc.Response(status = 400, description = "A filter, limit or cursor is not valid "
                        + "(invalid-request)")})
    public Response list(@Context ContainerRequestContext request, @Context UriInfo uri,
            @QueryParam("state") String state, @QueryParam("type") String type, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("tenant") String tenant, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Caller caller = Caller.of(request);
        ExecutionQuery query = ListingRequest.query(caller, state, type, since, until, tenant, limit, cursor);
        Page<ExecutionSummary> page;
        try {
            page = required(runtime).query(query);
        } catch (IllegalArgumentException e) { // a cursor this runtime did not make
            throw new ProblemException(Problems.invalidRequest("cursor is not one this API returned; start without a "
                    + "cursor"));
        }
        URI next = page.nextCursor() == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
        UriBuilder executions = uri.getBaseUriBuilder().path(PATH);
        return json(ExecutionJson.page(page, next, id -> executions.clone().path(id).build()));
    }

    /** One execution whole. */
    @GET
    @Path("{id}")
    @ApiDoc(summary = "Shows one execution", responses = {
        @ApiDoc.Response(status = 200, description = "The execution", schema = "openapi/Execution.json"),
        @ApiDoc.Response(status = 404, description = "No such execution in the caller's tenant "
                + "(execution-not-found)")})
    public Response get(@Context ContainerRequestContext request, @Context UriInfo uri, @PathParam("id") String id) {
        Execution execution = visible(Caller.of(request), id);
        UriBuilder artifacts = uri.getBaseUriBuilder().path(PATH).path(id).path("artifacts");
        return json(ExecutionJson.execution(execution, artifactId -> artifacts.clone().path(artifactId).build()));
    }

    /** An artifact's content, with its media type and its SHA-256 as the entity tag. */
    @GET
    @Path("{id}/artifacts/{artifactId: .+}")
    @ApiDoc(summary = "Serves an artifact's content", responses = {
        @ApiDoc.Response(status = 200, description = "The content, in the artifact's media type",
                mediaType = "application/octet-stream", headers = "ETag: the content's SHA-256"),
        @ApiDoc.Response(status = 404, description = "No such execution or artifact (execution-not-found, "
                + "artifact-not-found)")})
    public Response artifact(@Context ContainerRequestContext request, @PathParam("id") String id,
            @PathParam("artifactId") String artifactId) {
        Execution execution = visible(Caller.of(request), id);
        Optional<Artifact> artifact = execution.artifacts().stream().filter(a -> a.id().equals(artifactId)).findFirst();
        if (artifact.isEmpty()) {
            throw new ProblemException(Problem.of(404, "artifact-not-found", "Artifact not found", "execution " + id
                    + " has no artifact with that id; GET the execution to see its artifacts"));
        }
        return Response.ok(artifact.get().content(), mediaType(artifact.get().mediaType()))
                .tag(new EntityTag(artifact.get().contentHash())).header("X-Content-Type-Options", "nosniff").build();
    }

    /**
     * The execution's updates as Server-Sent Events ({@code id} is the update's sequence number), in order from the
     * first — or after {@code Last-Event-ID} — until the execution ends. The Post Office delivers them on its own
     * threads: a slow or vanished client ends only its own stream, never holds up the Runtime or another stream.
     */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ApiDoc(summary = "Streams the execution's updates as Server-Sent Events", description = "Each event is named "
            + "execution, its id is the update's sequence number and its data the update as JSON (executionId, "
            + "sequence, at, state, failure, step, events): the current state first, then every change until the "
            + "execution ends. Last-Event-ID skips the updates already received.", responses = {
                @ApiDoc.Response(status = 200, description = "The event stream"),
                @ApiDoc.Response(status = 404, description = "No such execution in the caller's tenant "
                        + "(execution-not-found)")})
    public void events(@Context ContainerRequestContext request, @PathParam("id") String id,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        visible(Caller.of(request), id);
        PostOffice delivery = postOffice;
        if (delivery == null) {
            throw new ProblemException(Problems.unavailable("service-unavailable", "Post Office unavailable",
                    "the Post Office, which delivers execution updates, is not available right now; retry shortly"));
        }
        delivery.subscribe(id, lastEventId(lastEventId), new UpdateStream(sink, sse));
    }

    /** The execution {@code id} if {@code caller} may see it; 404 otherwise (recorded when it is another tenant's). */
    private Execution visible(Caller caller, String id) {
        Optional<Execution> execution = id.length() > 256 ? Optional.empty() : required(runtime).execution(id);
        if (execution.isPresent() && !caller.maySee(execution.get().tenant())) {
            Audit.LOG.warn("refused {}: execution {} belongs to another tenant", caller, id);
            execution = Optional.empty();
        }
        return execution.orElseThrow(() -> new ProblemException(Problems.executionNotFound("no execution with that id "
                + "in your tenant; list your executions with GET /api/v1/executions")));
    }

    /** The Runtime, or a 503 problem while it is not there (starting, stopping, being updated). */
    static Runtime required(Runtime runtime) {
        if (runtime == null) {
            throw new ProblemException(Problems.unavailable("runtime-unavailable", "Runtime unavailable",
                    "the Runtime is not available right now (starting, stopping or being updated); retry shortly"));
        }
        return runtime;
    }

    private static MediaType mediaType(String mediaType) {
        try {
            return MediaType.valueOf(mediaType);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM_TYPE;
        }
    }

    private static long lastEventId(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
