package org.symphainy.admin.internal;

import jakarta.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * The admin console's Jakarta REST application, served under {@code /admin} of the container's HTTP server: the API
 * under {@code /admin/v1}, the web page's files under {@code /admin/}. Its resources and extensions select it by name.
 */
@Component(service = Application.class)
@JakartarsApplicationBase("admin")
@JakartarsName(AdminApplication.NAME)
public final class AdminApplication extends Application {

    /** The application's whiteboard name. */
    public static final String NAME = "symphainy.admin";

    /** The filter by which resources and extensions select this application. */
    public static final String SELECT = "(osgi.jakartars.name=" + NAME + ")";
}
