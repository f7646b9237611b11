package org.symphainy.admin.internal;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.metatype.annotations.Designate;
import org.symphainy.foundations.rest.Audit;
import org.symphainy.foundations.rest.BearerCredentials;
import org.symphainy.foundations.rest.Caller;
import org.symphainy.foundations.rest.Problem;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.ProblemMapper;
import org.symphainy.sdk.identity.Authenticator;
import org.symphainy.sdk.identity.Sessions;

/**
 * Lets only administrators into {@code /admin/v1}: no or a bad credential is 401, a principal without the {@code admin}
 * role 403; both are recorded on the audit log (method, path, who and why; never the credential). The web page's files
 * (every path outside {@code v1/}) are public: the page signs in itself. It runs before matching, so a path under
 * {@code v1/} that does not exist is 401 too for someone who is not signed in: the API's shape is not shown to strangers.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = AdminConfig.PID)
@Designate(ocd = AdminConfig.class)
@JakartarsExtension
@JakartarsName("symphainy.admin.authentication")
@JakartarsApplicationSelect(AdminApplication.SELECT)
@Priority(Priorities.AUTHENTICATION)
@PreMatching
public final class AdminAuthenticationFilter implements ContainerRequestFilter {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Sessions sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    private final BearerCredentials credentials;

    /** The filter under {@code config}. */
    @Activate
    public AdminAuthenticationFilter(AdminConfig config) {
        this.credentials = new BearerCredentials(() -> sessions, () -> authenticator, Clock.systemUTC(),
                AdminLimits.of(config).credentialCacheSeconds());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = path(request.getUriInfo().getPath());
        if (!isApi(path)) {
            return;
        }
        try {
            String token = BearerCredentials.token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            Caller caller = credentials.caller(token);
            if (!caller.isAdmin()) {
                Audit.LOG.warn("refused {} /admin/{}: {} lacks the admin role", request.getMethod(), path, caller);
                throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", "the admin API needs the admin "
                        + "role; sign in with an administrator's API key"));
            }
            request.setProperty(Caller.PROPERTY, caller);
        } catch (ProblemException e) {
            if (e.problem().status() == 401) {
                Audit.LOG.info("refused {} /admin/{}: unauthenticated: {}", request.getMethod(), path,
                        e.problem().detail());
            }
            request.abortWith(ProblemMapper.response(e.problem()));
        }
    }

    /** True for a path of the API ({@code v1} and below), false for the web page's files. */
    static boolean isApi(String path) {
        return path.equals("v1") || path.startsWith("v1/");
    }

    /** {@code path} without leading or trailing slashes. */
    static String path(String path) {
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
