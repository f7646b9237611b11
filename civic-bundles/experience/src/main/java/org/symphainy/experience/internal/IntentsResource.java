package org.symphainy.experience.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
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
import org.symphainy.foundations.rest.Limits;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;
import org.symphainy.foundations.rest.RequestBody;
import org.symphainy.foundations.openapi.ApiDoc;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Submission;

/**
 * {@code POST /api/v1/intents}: submits an intent for the caller. The body names the type, version range, payload and
 * the optional idempotency key and correlation id; the tenant, actor and session come from the credentials. Answers 202
 * with the execution id and its {@code Location}; the same idempotency key (and payload) again answers the first
 * execution ({@code "duplicate": true}).
 */
@Path("v1/intents")
@Component(service = IntentsResource.class, configurationPid = ExperienceConfig.PID)
@JakartarsResource
@JakartarsName("symphainy.experience.intents")
@JakartarsApplicationSelect(ExperienceApplication.SELECT)
@ApiDoc(summary = "Submitting intents: the unit of governed work")
public final class IntentsResource {

    /** The header a client may name its correlation id in, when the body does not. */
    static final String CORRELATION_HEADER = "X-Correlation-Id";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Runtime runtime;

    private final Limits limits;
    private final IntentRequestReader reader;

    /** The resource under {@code config}. */
    @Activate
    public IntentsResource(ExperienceConfig config) {
        this.limits = ExperienceLimits.of(config);
        this.reader = new IntentRequestReader(limits);
    }

    /** Submits the intent in the body: 202 with the execution's id and {@code Location}. */
    @POST
    @ApiDoc(summary = "Submits an intent", description = "Tenant, actor and session come from the credentials. The "
            + "intent passes the governance pipeline (Traffic Cop, Security Guard, City Manager, Librarian, Data "
            + "Steward) and is recorded before it is acknowledged. The same idempotency key and payload again answer "
            + "the first execution (duplicate: true). The correlation id is the body's, else X-Correlation-Id, else "
            + "a new one.",
            requestSchema = "openapi/IntentRequest.json", responses = {
                @ApiDoc.Response(status = 202, description = "Accepted: the execution that runs it",
                        schema = "openapi/Submission.json", headers = "Location: the execution's URL"),
                @ApiDoc.Response(status = 400, description = "Malformed JSON, a JSON limit exceeded, or a wrong, "
                        + "missing or unknown field (malformed-json, json-limit-exceeded, invalid-request)"),
                @ApiDoc.Response(status = 403, description = "A governance stage denied it (forbidden, unknown-tenant, "
                        + "denied, approval-required), with every decision and its reasons"),
                @ApiDoc.Response(status = 409, description = "The idempotency key was used with another payload "
                        + "(idempotency-conflict)"),
                @ApiDoc.Response(status = 413, description = "The body or payload is too large (payload-too-large)"),
                @ApiDoc.Response(status = 415, description = "The body is not application/json "
                        + "(unsupported-media-type)"),
                @ApiDoc.Response(status = 422, description = "No deployed bundle declares the type, or the payload "
                        + "fails its schema (unknown-intent, payload-invalid)"),
                @ApiDoc.Response(status = 429, description = "The tenant's rate quota (quota-exceeded; Retry-After)")})
    public Response submit(@Context ContainerRequestContext request, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @HeaderParam(CORRELATION_HEADER) String correlationHeader, InputStream body) {
        Caller caller = Caller.of(request);
        RequestBody.requireJson(contentType);
        IntentRequest parsed = reader.read(RequestBody.read(contentLength, body, limits.maxBodyBytes()));
        Intent intent = intent(parsed, caller, correlationHeader);
        Submission submission = ExecutionsResource.required(runtime).submit(intent);
        URI location = uri.getBaseUriBuilder().path(ExecutionsResource.PATH).path(submission.executionId()).build();
        return Response.accepted(ExecutionJson.submission(submission, location, intent.correlationId()))
                .type(MediaType.APPLICATION_JSON_TYPE).location(location).build();
    }

    /** The intent {@code parsed} asks for, as {@code caller}; a 400 problem naming what to fix if it is not valid. */
    static Intent intent(IntentRequest parsed, Caller caller, String correlationHeader) {
        String correlationId = parsed.correlationId() != null ? parsed.correlationId()
                : correlationHeader != null && !correlationHeader.isBlank() && correlationHeader.length() <= 256
                        ? correlationHeader.strip() : correlationId();
        try {
            return Intent.builder(parsed.type()).versionRange(parsed.version()).payload(parsed.payload())
                    .idempotencyKey(parsed.idempotencyKey()).correlationId(correlationId)
                    .tenant(caller.principal().tenant()).actor(caller.principal().actor())
                    .session(caller.sessionId()).build();
        } catch (IllegalArgumentException e) {
            // the SDK's message names the fields to fix; the session is never invalid here (the Traffic Cop made it)
            throw new ProblemException(Problems.invalidRequest(e.getMessage()));
        }
    }

    /**
     * A new correlation id, a random (version 4) UUID from the thread's own generator: {@code UUID.randomUUID()} reads
     * the system's entropy source under a lock every request would queue on, and a correlation id is not a secret.
     */
    static String correlationId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
