package org.symphainy.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.symphainy.foundations.openapi.ApiDoc;
import org.symphainy.foundations.rest.Problem;
import org.symphainy.foundations.rest.ProblemException;

/**
 * The admin web page: {@code GET /admin/} is {@code index.html}, {@code GET /admin/{file}} a file shipped in this bundle
 * under {@code admin-web/}. Public (the page signs in itself). Only plain file names of known types are served: no
 * directories, no traversal.
 */
@Path("")
@Component(service = WebResource.class)
@JakartarsResource
@JakartarsName("symphainy.admin.web")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class WebResource {

    /** Where the files are inside the bundle. */
    static final String ROOT = "/admin-web/";

    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,100}(\\.[A-Za-z0-9]{1,8}){1,2}");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8",
            "map", "application/json");

    /** The page. */
    @GET
    @ApiDoc(summary = "The admin web page", authenticated = false, description = "Static; the page signs in itself "
            + "with an API key (POST /api/v1/sessions).")
    public Response index() {
        return file("index.html");
    }

    /** One of the page's files. */
    @GET
    @Path("{file}")
    @ApiDoc(summary = "A file of the admin web page (app.js, app.css)", authenticated = false)
    public Response file(@PathParam("file") String file) {
        String type = type(file);
        byte[] content = type == null ? null : content(file);
        if (content == null) {
            throw notFound();
        }
        return Response.ok(content, type).header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** The bytes of the page's {@code file} (a name {@link #type} accepts), or null if the bundle has none. */
    static byte[] content(String file) {
        try (InputStream in = WebResource.class.getResourceAsStream(ROOT + file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** The content type of {@code file}, or null if it is not a plain file name of a type the page uses. */
    static String type(String file) {
        if (file == null || !FILE.matcher(file).matches()) {
            return null;
        }
        return TYPES.get(file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of(404, "not-found", "Not found", "no such file of the admin page; open "
                + "/admin/"));
    }
}
