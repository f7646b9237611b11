package org.symphainy.admin.internal;

import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.Consumes;
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
import org.symphainy.foundations.rest.RequestBody;
import org.symphainy.sdk.governance.Tenants;
import org.symphainy.sdk.runtime.Runtime;

/**
 * {@code /admin/v1/tenants}: the tenants, and creating, suspending and resuming one ({@code platform.tenant.*} intents;
 * the City Manager's schemas check the ids and reasons).
 */
@Path("v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = TenantsResource.class, configurationPid = AdminConfig.PID)
@JakartarsResource
@JakartarsName("symphainy.admin.tenants")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class TenantsResource {

    /** The reason recorded for a suspension that names none (the intent requires one). */
    static final String DEFAULT_SUSPEND_REASON = "suspended by an administrator";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Tenants tenants;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Runtime runtime;

    private final Limits limits;
    private final JsonBody reader;

    /** The resource under {@code config}. */
    @Activate
    public TenantsResource(AdminConfig config) {
        this.limits = AdminLimits.of(config);
        this.reader = new JsonBody(limits);
    }

    /** Every tenant. */
    @GET
    public Response list() {
        return Services.json(AdminJson.tenants(Services.required(tenants, "Tenants (City Manager)").list()));
    }

    /** Submits {@code platform.tenant.create}. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@Context ContainerRequestContext request, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        Caller caller = Caller.of(request);
        RequestBody.requireJson(contentType);
        Map<String, Object> fields = reader.read(RequestBody.read(contentLength, body, limits.maxBodyBytes()),
                JsonBody.required("id", JsonBody.Kind.STRING), JsonBody.optional("displayName", JsonBody.Kind.STRING),
                JsonBody.optional("reason", JsonBody.Kind.STRING));
        return Submitter.submit(runtime, caller, uri, "platform.tenant.create", Submitter.payload("tenant",
                (String) fields.get("id"), "name", (String) fields.get("displayName")), null);
    }

    /** Submits {@code platform.tenant.suspend}. */
    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.WILDCARD)
    public Response suspend(@Context ContainerRequestContext request, @Context UriInfo uri, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        Caller caller = Caller.of(request);
        String reason = reason(contentType, contentLength, body);
        return Submitter.submit(runtime, caller, uri, "platform.tenant.suspend", Submitter.payload("tenant", id,
                "reason", reason == null ? DEFAULT_SUSPEND_REASON : reason), null);
    }

    /** Submits {@code platform.tenant.resume}. */
    @POST
    @Path("{id}/resume")
    @Consumes(MediaType.WILDCARD)
    public Response resume(@Context ContainerRequestContext request, @Context UriInfo uri, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        Caller caller = Caller.of(request);
        String reason = reason(contentType, contentLength, body);
        return Submitter.submit(runtime, caller, uri, "platform.tenant.resume", Submitter.payload("tenant", id,
                "reason", reason), null);
    }

    private String reason(String contentType, String contentLength, InputStream body) {
        byte[] bytes = RequestBody.read(contentLength, body, limits.maxBodyBytes());
        if (bytes.length == 0) {
            return null;
        }
        RequestBody.requireJson(contentType);
        return (String) reader.read(bytes, JsonBody.optional("reason", JsonBody.Kind.STRING)).get("reason");
    }
}
