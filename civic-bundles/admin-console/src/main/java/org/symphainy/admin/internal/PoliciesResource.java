package org.symphainy.admin.internal;

import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.symphainy.foundations.rest.JsonOutput;
import org.symphainy.foundations.rest.Limits;
import org.symphainy.foundations.rest.Problem;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;
import org.symphainy.foundations.rest.RequestBody;
import org.symphainy.sdk.governance.PolicyAdvisor;
import org.symphainy.sdk.governance.PolicyAdvisor.Flip;
import org.symphainy.sdk.governance.PolicyAdvisor.WhatIf;
import org.symphainy.sdk.runtime.Runtime;

/**
 * {@code /admin/v1/policies}: the policy in force, a what-if of a candidate over recorded intents, and replacing the
 * policy ({@code platform.policy.set}, checked by the City Manager before it is accepted).
 */
@Path("v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = PoliciesResource.class, configurationPid = AdminConfig.PID)
@JakartarsResource
@JakartarsName("symphainy.admin.policies")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class PoliciesResource {

    /** Recorded intents a what-if examines when the request names no number. */
    static final int DEFAULT_LAST = 1000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PolicyAdvisor advisor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Runtime runtime;

    private final Limits limits;
    private final JsonBody reader;

    /** The resource under {@code config}. */
    @Activate
    public PoliciesResource(AdminConfig config) {
        this.limits = AdminLimits.of(config);
        this.reader = new JsonBody(limits);
    }

    /** {@code {"policy": "<document in force>"}}. */
    @GET
    public Response inForce() {
        String policy = advisor().policyInForce();
        return Services.json(JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("policy", policy);
            json.writeEndObject();
        }));
    }

    /** The decisions a candidate would flip over the last recorded intents. */
    @POST
    @Path("what-if")
    @Consumes(MediaType.WILDCARD)
    public Response whatIf(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        Map<String, Object> fields = body(contentType, contentLength, body,
                JsonBody.optional("last", JsonBody.Kind.INTEGER));
        int last = (Integer) fields.getOrDefault("last", DEFAULT_LAST);
        if (last < 1 || last > PolicyAdvisor.MAX_INTENTS) {
            throw new ProblemException(Problems.invalidRequest("last is " + last + "; use 1 to "
                    + PolicyAdvisor.MAX_INTENTS));
        }
        WhatIf outcome;
        try {
            outcome = advisor().whatIf((String) fields.get("policy"), last);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(422, "policy-invalid", "Policy cannot be used", e.getMessage()));
        } catch (IllegalStateException e) {
            throw new ProblemException(Problems.unavailable("service-unavailable", "Service unavailable",
                    e.getMessage() + "; retry shortly"));
        }
        return Services.json(JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeNumberField("examined", outcome.examined());
            json.writeArrayFieldStart("flips");
            for (Flip flip : outcome.flips()) {
                json.writeStartObject();
                json.writeStringField("executionId", flip.executionId());
                json.writeStringField("intentType", flip.intentType());
                json.writeStringField("tenant", flip.tenant());
                json.writeStringField("actor", flip.actor());
                json.writeStringField("before", flip.before());
                json.writeStringField("after", flip.after());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    /** Submits {@code platform.policy.set} with the document; 202. */
    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response replace(@Context ContainerRequestContext request, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        Caller caller = Caller.of(request);
        Map<String, Object> fields = body(contentType, contentLength, body,
                JsonBody.optional("reason", JsonBody.Kind.STRING));
        String policy = (String) fields.get("policy");
        String reason = (String) fields.get("reason");
        String payload = new String(JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeFieldName("policy");
            json.writeRawValue(policy);
            JsonOutput.optional(json, "reason", reason);
            json.writeEndObject();
        }), java.nio.charset.StandardCharsets.UTF_8);
        return Submitter.submit(runtime, caller, uri, "platform.policy.set", payload, null);
    }

    private Map<String, Object> body(String contentType, String contentLength, InputStream body, JsonBody.Field other) {
        RequestBody.requireJson(contentType);
        return reader.read(RequestBody.read(contentLength, body, limits.maxBodyBytes()),
                JsonBody.required("policy", JsonBody.Kind.OBJECT), other);
    }

    private PolicyAdvisor advisor() {
        return Services.required(advisor, "PolicyAdvisor (City Manager)");
    }
}
