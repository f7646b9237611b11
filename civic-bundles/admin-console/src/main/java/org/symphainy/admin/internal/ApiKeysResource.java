package org.symphainy.admin.internal;

import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.symphainy.foundations.rest.Limits;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;
import org.symphainy.foundations.rest.RequestBody;
import org.symphainy.sdk.identity.ApiKeys;
import org.symphainy.sdk.identity.ApiKeys.PreparedKey;
import org.symphainy.sdk.runtime.Runtime;

/**
 * {@code /admin/v1/apikeys}: the API keys (never a secret), creating one ({@link ApiKeys#prepare} makes the secret and
 * the {@code platform.apikey.create} payload, which carries only its hash; the secret is shown once, in the 202) and
 * revoking one ({@code platform.apikey.revoke}).
 */
@Path("v1/apikeys")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = ApiKeysResource.class, configurationPid = AdminConfig.PID)
@JakartarsResource
@JakartarsName("symphainy.admin.apikeys")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class ApiKeysResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ApiKeys apiKeys;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Runtime runtime;

    private final Limits limits;
    private final JsonBody reader;

    /** The resource under {@code config}. */
    @Activate
    public ApiKeysResource(AdminConfig config) {
        this.limits = AdminLimits.of(config);
        this.reader = new JsonBody(limits);
    }

    /** Every API key, without secrets. */
    @GET
    public Response list() {
        return Services.json(AdminJson.apiKeys(keys().list()));
    }

    /** Prepares a key and submits its creation; 202 with the secret, shown this once. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @SuppressWarnings("unchecked")
    public Response create(@Context ContainerRequestContext request, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        Caller caller = Caller.of(request);
        RequestBody.requireJson(contentType);
        Map<String, Object> fields = reader.read(RequestBody.read(contentLength, body, limits.maxBodyBytes()),
                JsonBody.required("tenant", JsonBody.Kind.STRING), JsonBody.required("actor", JsonBody.Kind.STRING),
                JsonBody.required("roles", JsonBody.Kind.STRINGS), JsonBody.optional("label", JsonBody.Kind.STRING));
        PreparedKey prepared;
        try {
            prepared = keys().prepare((String) fields.get("tenant"), (String) fields.get("actor"),
                    new LinkedHashSet<>((List<String>) fields.get("roles")), (String) fields.get("label"));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problems.invalidRequest(e.getMessage()));
        }
        return Submitter.submit(runtime, caller, uri, ApiKeys.CREATE_INTENT, prepared.createPayload().text(), json -> {
            json.writeStringField("keyId", prepared.keyId());
            json.writeStringField("key", prepared.secret());
        });
    }

    /** Submits the revocation of key {@code id}. */
    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response revoke(@Context ContainerRequestContext request, @Context UriInfo uri, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        Caller caller = Caller.of(request);
        byte[] bytes = RequestBody.read(contentLength, body, limits.maxBodyBytes());
        String reason = null;
        if (bytes.length > 0) {
            RequestBody.requireJson(contentType);
            reason = (String) reader.read(bytes, JsonBody.optional("reason", JsonBody.Kind.STRING)).get("reason");
        }
        return Submitter.submit(runtime, caller, uri, ApiKeys.REVOKE_INTENT, Submitter.payload("keyId", id, "reason",
                reason), null);
    }

    private ApiKeys keys() {
        return Services.required(apiKeys, "ApiKeys (Security Guard)");
    }
}
