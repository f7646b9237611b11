package org.symphainy.experience.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.symphainy.foundations.openapi.ApiDoc;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 document of every live Symphainy REST application (see
 * {@link LiveApi}), generated from the resource classes the whiteboard serves right now. Public: it needs no
 * credential, so that clients and tools can read it before signing in.
 */
@Path(OpenApiResource.PATH)
@Component(service = OpenApiResource.class)
@JakartarsResource
@JakartarsName(OpenApiResource.NAME)
@JakartarsApplicationSelect(ExperienceApplication.SELECT)
@ApiDoc(summary = "The API's own description")
public final class OpenApiResource {

    /** The resource's path below the API's root. */
    static final String PATH = "openapi.json";

    /** The resource's whiteboard name. */
    static final String NAME = "symphainy.experience.openapi";

    private final LiveApi api;

    /** The resource, seeing the whiteboard from {@code context}. */
    @Activate
    public OpenApiResource(BundleContext context) {
        this.api = new LiveApi(context, NAME);
    }

    /** The OpenAPI 3.1 document, rebuilt when the whiteboard's services change. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ApiDoc(summary = "The OpenAPI 3.1 document of this API", authenticated = false, description = "Generated from "
            + "the resources the REST whiteboard serves right now (every Symphainy application: /api and /admin); "
            + "needs no credential.", responses = @ApiDoc.Response(status = 200, description = "The document"))
    public Response document(@Context UriInfo uri) {
        return Response.ok(api.document(uri.getBaseUri().getPath()), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }
}
