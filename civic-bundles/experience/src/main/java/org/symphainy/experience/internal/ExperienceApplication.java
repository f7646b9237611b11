package org.symphainy.experience.internal;

import jakarta.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Experience's Jakarta REST application, served under {@code /api} of the container's HTTP server (resource paths add
 * {@code v1/...}). Its resources and extensions select it by name; other applications (the admin console's) have their
 * own authentication filter and exception mapper.
 */
@Component(service = Application.class)
@JakartarsApplicationBase("api")
@JakartarsName(ExperienceApplication.NAME)
public final class ExperienceApplication extends Application {

    /** The application's whiteboard name. */
    public static final String NAME = "symphainy.experience";

    /** The filter by which resources and extensions select this application. */
    public static final String SELECT = "(osgi.jakartars.name=" + NAME + ")";
}
