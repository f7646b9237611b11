package org.symphainy.experience.internal;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.metatype.annotations.Designate;
import org.symphainy.foundations.rest.Audit;
import org.symphainy.foundations.rest.BearerCredentials;
import org.symphainy.foundations.rest.Caller;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.ProblemMapper;
import org.symphainy.sdk.identity.Authenticator;
import org.symphainy.sdk.identity.Sessions;

/**
 * Authenticates every request but sign-in ({@code POST /api/v1/sessions}, which takes the credential itself) and the
 * public API document ({@code GET /api/openapi.json}) from its
 * {@code Authorization: Bearer} header (see {@link BearerCredentials}) and stores the {@link Caller} on the request. A
 * request that proves no one ends here with 401 and is recorded on the audit log (method, path and why, never the
 * credential).
 */
@Component(service = jakarta.ws.rs.container.ContainerRequestFilter.class, configurationPid = ExperienceConfig.PID)
@Designate(ocd = ExperienceConfig.class)
@JakartarsExtension
@JakartarsName(ExperienceApplication.AUTHENTICATION)
@JakartarsApplicationSelect(ExperienceApplication.SELECT)
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Sessions sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    private final BearerCredentials credentials;

    /** The filter under {@code config}. */
    @Activate
    public AuthenticationFilter(ExperienceConfig config) {
        this.credentials = new BearerCredentials(() -> sessions, () -> authenticator, Clock.systemUTC(),
                ExperienceLimits.of(config).credentialCacheSeconds());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isSignIn(request) || isApiDocument(request)) {
            return;
        }
        try {
            String token = BearerCredentials.token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            request.setProperty(Caller.PROPERTY, credentials.caller(token));
        } catch (ProblemException e) {
            if (e.problem().status() == 401) {
                Audit.LOG.info("refused {} /api/{}: unauthenticated: {}", request.getMethod(), path(request),
                        e.problem().detail());
            }
            request.abortWith(ProblemMapper.response(e.problem()));
        }
    }

    private static boolean isSignIn(ContainerRequestContext request) {
        return "POST".equals(request.getMethod()) && path(request).equals(SessionsResource.PATH);
    }

    private static boolean isApiDocument(ContainerRequestContext request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && path(request).equals(OpenApiResource.PATH);
    }

    /** The request's path below the API's root, without leading or trailing slashes. */
    static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
