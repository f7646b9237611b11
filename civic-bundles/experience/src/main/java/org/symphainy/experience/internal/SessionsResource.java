package org.symphainy.experience.internal;

import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.symphainy.foundations.rest.Audit;
import org.symphainy.foundations.rest.BearerCredentials;
import org.symphainy.foundations.rest.Caller;
import org.symphainy.foundations.rest.JsonOutput;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;
import org.symphainy.foundations.openapi.ApiDoc;
import org.symphainy.sdk.identity.Authenticator;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;

/**
 * Sign-in and sessions. {@code POST /api/v1/sessions} with {@code Authorization: Bearer <API key or JWT>} proves the
 * principal with the Security Guard and opens a session with the Traffic Cop: its token is the Bearer credential of
 * every later request. {@code GET /api/v1/sessions/current} says who the caller is; {@code DELETE} ends the session.
 */
@Path(SessionsResource.PATH)
@Component(service = SessionsResource.class)
@JakartarsResource
@JakartarsName("symphainy.experience.sessions")
@JakartarsApplicationSelect(ExperienceApplication.SELECT)
@ApiDoc(summary = "Signing in and sessions")
public final class SessionsResource {

    /** The resource's path below the API's root. */
    static final String PATH = "v1/sessions";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Sessions sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    // no cache: every sign-in checks its credential and opens a new session
    private final BearerCredentials credentials =
            new BearerCredentials(() -> sessions, () -> authenticator, Clock.systemUTC(), 0);

    /** Signs in: 201 with the session token. */
    @POST
    @ApiDoc(summary = "Signs in", description = "Takes the credential itself: Authorization: Bearer with an API key or "
            + "a JWT (not a session token). Answers a session whose token is the Bearer credential of later requests.",
            responses = {
                @ApiDoc.Response(status = 201, description = "Signed in: the session and its token",
                        schema = "openapi/Session.json", headers = "Location: the current session's URL"),
                @ApiDoc.Response(status = 401, description = "No API key or JWT, or an unknown, expired or revoked "
                        + "one (unauthenticated; WWW-Authenticate: Bearer)")})
    public Response signIn(@Context ContainerRequestContext request, @Context UriInfo uri) {
        try {
            String credential = BearerCredentials.token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            Principal principal = credentials.authenticate(credential);
            Session session = requiredSessions().open(principal);
            return Response.created(uri.getBaseUriBuilder().path(PATH).path("current").build())
                    .type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .entity(json(session, true)).build();
        } catch (ProblemException e) {
            if (e.problem().status() == 401) {
                Audit.LOG.info("refused sign-in: {}", e.problem().detail());
            }
            throw e;
        }
    }

    /** Who the caller is and until when its session lasts. */
    @GET
    @Path("current")
    @ApiDoc(summary = "Who the caller is", responses = @ApiDoc.Response(status = 200,
            description = "The caller's session (without its token)", schema = "openapi/Session.json"))
    public Response current(@Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        Optional<Session> session = requiredSessions().find(caller.sessionId());
        if (session.isEmpty()) {
            throw new ProblemException(Problems.unauthenticated("the session ended: sign in again", true));
        }
        return Response.ok(json(session.get(), false), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Ends the caller's session: 204. */
    @DELETE
    @Path("current")
    @ApiDoc(summary = "Signs out: ends the caller's session", responses = @ApiDoc.Response(status = 204,
            description = "Signed out"))
    public Response signOut(@Context ContainerRequestContext request) {
        requiredSessions().revoke(Caller.of(request).sessionId());
        return Response.noContent().build();
    }

    private Sessions requiredSessions() {
        Sessions active = sessions;
        if (active == null) {
            throw new ProblemException(Problems.unavailable("service-unavailable", "Service unavailable",
                    "the Traffic Cop (sessions) service is not available right now; retry shortly"));
        }
        return active;
    }

    private static byte[] json(Session session, boolean withToken) {
        Principal principal = session.principal();
        return JsonOutput.bytes(json -> {
            json.writeStartObject();
            if (withToken) {
                json.writeStringField("token", session.id());
                json.writeStringField("tokenType", "Bearer");
            }
            json.writeStringField("tenant", principal.tenant());
            json.writeStringField("actor", principal.actor());
            json.writeArrayFieldStart("roles");
            for (String role : principal.roles()) {
                json.writeString(role);
            }
            json.writeEndArray();
            json.writeStringField("authenticatedBy", principal.authenticatedBy());
            JsonOutput.instant(json, "expiresAt", session.expiresAt());
            json.writeEndObject();
        });
    }
}
