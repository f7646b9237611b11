package org.symphainy.experience.internal;

import jakarta.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Experience's Jakarta REST application, served under {@code /api} of the container's HTTP server (resource paths add
 * {@code v1/...}). Its resources and extensions select it by name; other applications (the admin console's) have their
 * own authentication filter and exception mapper. The whiteboard serves it only once its filter and problem mapper are
 * there, so no request is ever answered without authentication or with a bare error page.
 */
@Component(service = Application.class)
@JakartarsApplicationBase("api")
@JakartarsName(ExperienceApplication.NAME)
@JakartarsExtensionSelect({"(osgi.jakartars.name=" + ExperienceApplication.AUTHENTICATION + ")",
        "(osgi.jakartars.name=" + ExperienceApplication.PROBLEMS + ")"})
public final class ExperienceApplication extends Application {

    /** The application's whiteboard name. */
    public static final String NAME = "symphainy.experience";

    /** The whiteboard name of its authentication filter. */
    public static final String AUTHENTICATION = "symphainy.experience.authentication";

    /** The whiteboard name of its problem+json exception mapper. */
    public static final String PROBLEMS = "symphainy.experience.problems";

    /** The filter by which resources and extensions select this application. */
    public static final String SELECT = "(osgi.jakartars.name=" + NAME + ")";
}
