package org.symphainy.admin.internal;

import jakarta.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.symphainy.foundations.rest.ProblemMapper;

/**
 * The admin console's problem+json mapper. It names {@code ExceptionMapper<Throwable>} itself: the whiteboard proxies an
 * extension by the generic interfaces its own class declares.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("symphainy.admin.problems")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class AdminProblemMapper extends ProblemMapper implements ExceptionMapper<Throwable> {

    /** A mapper whose 404 points at the admin API. */
    public AdminProblemMapper() {
        super("no resource at this path; the admin API is under /admin/v1 (bundles, intents, executions, wal, replay, "
                + "policies, tenants, apikeys, health, metrics) and the admin page at /admin/");
    }
}
