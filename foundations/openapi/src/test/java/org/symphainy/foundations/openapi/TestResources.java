package org.symphainy.foundations.openapi;

import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Resource classes the generator is tested on. */
final class TestResources {

    private TestResources() {
    }

    @Path("v1/orders")
    @ApiDoc(summary = "Orders")
    public static final class OrdersResource {

        @POST
        @ApiDoc(summary = "Places an order", requestSchema = "schemas/test/Order.json", responses = {
                @ApiDoc.Response(status = 202, description = "Accepted", schema = "schemas/test/Order.json",
                        headers = "Location: where the order is"),
                @ApiDoc.Response(status = 422, description = "Unknown product")})
        public Response place(@Context UriInfo uri, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                @HeaderParam("X-Correlation-Id") String correlation, InputStream body) {
            return null;
        }

        @GET
        public Response list(@QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("state") String state) {
            return null;
        }

        @GET
        @Path("{id}/lines/{lineId: [0-9]{1,4}}")
        public Response line(@PathParam("id") String id, @PathParam("lineId") long lineId) {
            return null;
        }

        @GET
        @Path("{id}/events")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void events(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId) {
        }

        @DELETE
        @Path("{id}")
        public void cancel(@PathParam("id") String id) {
        }

        /** Not a resource method: no HTTP method. */
        public String helper() {
            return "";
        }
    }

    @Path("v1/orders")
    public static final class ShadowOrdersResource {

        @GET
        public Response list() {
            return null;
        }
    }

    @Path("/docs/")
    public static final class DocsResource {

        @GET
        @Path("openapi.json")
        @Produces(MediaType.APPLICATION_JSON)
        @ApiDoc(summary = "This document", authenticated = false)
        public Response document() {
            return null;
        }
    }

    /** Resources of another application. */
    static final class Admin {

        private Admin() {
        }

        /** The same simple name as the first application's. */
        @Path("v1/orders")
        public static final class OrdersResource {

            @PUT
            @Path("{id}")
            @Consumes({"application/json", "application/xml"})
            public Response replace(@PathParam("id") String id, byte[] body) {
                return null;
            }

            @GET
            public Response list() {
                return null;
            }
        }
    }
}
