package org.symphainy.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.symphainy.foundations.rest.Caller;
import org.symphainy.foundations.rest.JsonOutput;
import org.symphainy.foundations.rest.Limits;
import org.symphainy.foundations.rest.Problem;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;
import org.symphainy.foundations.rest.RequestBody;
import org.symphainy.sdk.deploy.BlastRadius;
import org.symphainy.sdk.deploy.BundleInfo;
import org.symphainy.sdk.deploy.DeployIntents;
import org.symphainy.sdk.deploy.Deployments;
import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.runtime.Runtime;

/**
 * {@code /admin/v1/bundles}: the installed bundles ({@link Deployments#bundles()}), uploads (staged, then installed or
 * updated by a {@code platform.bundle.*} intent) and start, stop and uninstall, each a recorded intent. Platform bundles
 * are not started, stopped or uninstalled from here (409).
 */
@Path("v1/bundles")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = BundlesResource.class, configurationPid = AdminConfig.PID)
@JakartarsResource
@JakartarsName("symphainy.admin.bundles")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class BundlesResource {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,200}");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Deployments deployments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Runtime runtime;

    private final JsonBody reader;
    private final Limits limits;
    private final int maxBundleBytes;

    /** The resource under {@code config}. */
    @Activate
    public BundlesResource(AdminConfig config) {
        this.limits = AdminLimits.of(config);
        this.reader = new JsonBody(limits);
        this.maxBundleBytes = AdminLimits.bundleBytes(config);
    }

    /** Every installed bundle. */
    @GET
    public Response list() {
        return Services.json(AdminJson.bundles(deployments().bundles()));
    }

    /** Stages the jar in the body and submits its install, or its update when that symbolic name is installed. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@Context ContainerRequestContext request, @Context UriInfo uri,
            @QueryParam("fileName") String fileName, @QueryParam("reason") String reason,
            @QueryParam("force") boolean force,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        Caller caller = Caller.of(request);
        requireJar(contentType);
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw invalid("fileName is missing or not a plain file name: add ?fileName=my-solution-1.0.0.jar");
        }
        checkReason(reason);
        Deployments active = deployments();
        byte[] jar = RequestBody.read(contentLength, body, maxBundleBytes);
        if (jar.length == 0) {
            throw invalid("the body is empty: send the bundle jar as the body");
        }
        StagedBundle staged = active.stage(fileName, new ByteArrayInputStream(jar));
        Optional<BundleInfo> installed = active.bundles().stream()
                .filter(b -> b.symbolicName().equals(staged.symbolicName())).findFirst();
        String type = installed.isPresent() ? DeployIntents.UPDATE : DeployIntents.INSTALL;
        Optional<BlastRadius> radius = installed.isPresent() && !installed.get().platform()
                ? active.blastRadius(staged.symbolicName(), null) : Optional.empty();
        radius.ifPresent(r -> refuseUnlessForced(r, false, force));
        String payload = installed.isPresent()
                ? payload(force, "symbolicName", staged.symbolicName(), "sha256", staged.sha256(), "reason", reason)
                : payload(force, "sha256", staged.sha256(), "reason", reason);
        return Submitter.submit(runtime, caller, uri, type, payload, json -> {
            AdminJson.staged(json, staged);
            if (radius.isPresent()) {
                json.writeObjectFieldStart("blastRadius");
                AdminJson.blastRadius(json, radius.get());
                json.writeEndObject();
            }
        });
    }

    /** What updating or uninstalling bundle {@code id} would touch; nothing changes. */
    @GET
    @Path("{id}/blast-radius")
    public Response blastRadius(@PathParam("id") String id) {
        BundleInfo bundle = bundle(id);
        BlastRadius radius = deployments().blastRadius(bundle.symbolicName(), bundle.version())
                .orElseThrow(() -> new ProblemException(Problem.of(409, "platform-bundle", "Platform bundle", "bundle "
                        + bundle.id() + " (" + bundle.symbolicName() + ") is part of the platform; it has no blast "
                        + "radius here because it is not updated or uninstalled from the admin console")));
        return Services.json(JsonOutput.bytes(json -> {
            json.writeStartObject();
            AdminJson.blastRadius(json, radius);
            json.writeEndObject();
        }));
    }

    /** Refuses (409, with the blast radius as extension members) a change its blast radius forbids, unless forced. */
    private static void refuseUnlessForced(BlastRadius radius, boolean uninstall, boolean force) {
        if (force) {
            return;
        }
        String problem = !radius.platformBundles().isEmpty()
                ? radius.symbolicName() + " " + radius.version() + " is wired into platform bundles "
                        + radius.platformBundles() + ", which the refresh would restart"
                : uninstall && !radius.dependants().isEmpty()
                        ? radius.symbolicName() + " " + radius.version() + " is required by " + radius.dependants()
                        : null;
        if (problem == null) {
            return;
        }
        String details = new String(JsonOutput.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("refusal", radius.platformBundles().isEmpty() ? "required-by-dependants"
                    : "platform-bundles-in-blast-radius");
            json.writeObjectFieldStart("blastRadius");
            AdminJson.blastRadius(json, radius);
            json.writeEndObject();
            json.writeStringField("action", "uninstall or update the dependants first, or repeat with ?force=true");
            json.writeEndObject();
        }), java.nio.charset.StandardCharsets.UTF_8);
        throw new ProblemException(Problem.of(409, "deploy-refused", "Deploy refused", problem
                + "; uninstall or update the dependants first, or repeat with ?force=true").withExtensions(details));
    }

    /** The JSON text of an object of string fields (nulls skipped), with {@code "force": true} if forced. */
    private static String payload(boolean force, String... namesAndValues) {
        return new String(JsonOutput.bytes(json -> {
            json.writeStartObject();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                JsonOutput.optional(json, namesAndValues[i], namesAndValues[i + 1]);
            }
            if (force) {
                json.writeBooleanField("force", true);
            }
            json.writeEndObject();
        }), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Starts bundle {@code id}. */
    @POST
    @Path("{id}/start")
    @Consumes(MediaType.WILDCARD)
    public Response start(@Context ContainerRequestContext request, @Context UriInfo uri, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        return change(request, uri, id, DeployIntents.START, contentType, contentLength, body);
    }

    /** Stops bundle {@code id}. */
    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.WILDCARD)
    public Response stop(@Context ContainerRequestContext request, @Context UriInfo uri, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        return change(request, uri, id, DeployIntents.STOP, contentType, contentLength, body);
    }

    /** Uninstalls bundle {@code id}. */
    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response uninstall(@Context ContainerRequestContext request, @Context UriInfo uri,
            @PathParam("id") String id, @QueryParam("force") boolean force,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        Caller caller = Caller.of(request);
        String reason = reason(contentType, contentLength, body);
        BundleInfo bundle = bundle(id);
        refusePlatform(bundle);
        Optional<BlastRadius> radius = deployments().blastRadius(bundle.symbolicName(), bundle.version());
        radius.ifPresent(r -> refuseUnlessForced(r, true, force));
        return Submitter.submit(runtime, caller, uri, DeployIntents.UNINSTALL, payload(force, "symbolicName",
                bundle.symbolicName(), "version", bundle.version(), "reason", reason), json -> {
                    if (radius.isPresent()) {
                        json.writeObjectFieldStart("blastRadius");
                        AdminJson.blastRadius(json, radius.get());
                        json.writeEndObject();
                    }
                });
    }

    private Response change(ContainerRequestContext request, UriInfo uri, String id, String type, String contentType,
            String contentLength, InputStream body) {
        Caller caller = Caller.of(request);
        String reason = reason(contentType, contentLength, body);
        BundleInfo bundle = bundle(id);
        refusePlatform(bundle);
        return Submitter.submit(runtime, caller, uri, type, Submitter.payload("symbolicName", bundle.symbolicName(),
                "version", bundle.version(), "reason", reason), null);
    }

    private static void refusePlatform(BundleInfo bundle) {
        if (bundle.platform()) {
            throw new ProblemException(Problem.of(409, "platform-bundle", "Platform bundle", "bundle " + bundle.id()
                    + " (" + bundle.symbolicName() + ") is part of the platform; it is changed by updating the "
                    + "distribution, not from the admin console"));
        }
    }

    private String reason(String contentType, String contentLength, InputStream body) {
        byte[] bytes = RequestBody.read(contentLength, body, limits.maxBodyBytes());
        if (bytes.length == 0) {
            return null;
        }
        RequestBody.requireJson(contentType);
        Map<String, Object> fields = reader.read(bytes, JsonBody.optional("reason", JsonBody.Kind.STRING));
        String reason = (String) fields.get("reason");
        checkReason(reason);
        return reason;
    }

    private BundleInfo bundle(String id) {
        long bundleId;
        try {
            bundleId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
        List<BundleInfo> bundles = deployments().bundles();
        Optional<BundleInfo> found = bundles.stream().filter(b -> b.id() == bundleId).findFirst();
        return found.orElseThrow(() -> notFound(id));
    }

    private Deployments deployments() {
        return Services.required(deployments, "Deployments (Curator)");
    }

    private static void requireJar(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/java-archive") && !type.equals("application/octet-stream")
                && !type.equals("application/zip") && !type.equals("application/x-java-archive")) {
            throw new ProblemException(Problems.unsupportedMediaType("send the bundle jar with Content-Type: "
                    + "application/java-archive (or application/octet-stream)"));
        }
    }

    private static void checkReason(String reason) {
        if (reason != null && (reason.length() > 500 || reason.chars().anyMatch(Character::isISOControl))) {
            throw invalid("reason is longer than 500 characters or has control characters; shorten it");
        }
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.of(404, "bundle-not-found", "Bundle not found", "no bundle with id '"
                + (id.length() > 32 ? id.substring(0, 32) + "..." : id) + "'; list them with GET /admin/v1/bundles"));
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problems.invalidRequest(detail));
    }
}
