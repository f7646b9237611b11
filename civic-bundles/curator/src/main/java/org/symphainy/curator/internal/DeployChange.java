package org.symphainy.curator.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.osgi.framework.Version;
import org.symphainy.sdk.deploy.BundleInfo;
import org.symphainy.sdk.deploy.DeployIntents;
import org.symphainy.sdk.deploy.Deployments;
import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;

/**
 * One change to the installed bundles, as a deploy intent asks for it and as its {@code platform.bundle.change}
 * artifact records it. {@link #request} checks the intent against what is staged and installed now — the handlers are
 * pure: they return this artifact, and the deployer applies it once the execution is recorded.
 *
 * @param action {@code install}, {@code update}, {@code uninstall}, {@code start} or {@code stop}
 * @param symbolicName the bundle's symbolic name
 * @param version its version (install, update: the staged jar's)
 * @param sha256 the staged jar (install, update), else null
 * @param reason the operator's words, or null
 * @param force true if the operator accepted a blast radius that reaches platform bundles or dependants
 * @param rollback true for the deployer's own rollback of a change that failed its readiness gate (never rolled back)
 * @param blastRadius what an update or uninstall touches when it is checked, as a JSON object's text; null otherwise
 *        (recorded in the artifact, not read back)
 */
record DeployChange(String action, String symbolicName, String version, String sha256, String reason, boolean force,
        boolean rollback, String blastRadius) {

    /** A change as an operator asks for it: not forced, not a rollback. */
    DeployChange(String action, String symbolicName, String version, String sha256, String reason) {
        this(action, symbolicName, version, sha256, reason, false, false, null);
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_REASON = 500;

    /** The change {@code intent} asks for; throws PAYLOAD_INVALID or FORBIDDEN saying what is wrong and what to do. */
    static DeployChange request(Intent intent, Deployments deployments) {
        Map<String, String> fields = fields(intent.payload().bytes(), intent.type());
        String reason = reason(fields, intent.type());
        boolean force = "true".equals(fields.get("force"));
        // only the deployer's own rollback skips the blast-radius rule (and is never rolled back itself)
        boolean rollback = "true".equals(fields.get("rollback")) && PlatformSubmitter.TENANT.equals(intent.tenant())
                && Rollbacks.ACTOR.equals(intent.actor());
        return switch (intent.type()) {
            case DeployIntents.INSTALL -> {
                StagedBundle staged = staged(fields, deployments, intent.type());
                for (BundleInfo bundle : named(deployments, staged.symbolicName())) {
                    if (bundle.platform()) {
                        throw forbidden(intent.type(), staged.symbolicName() + " is a platform bundle's name; a solution "
                                + "bundle needs a symbolic name of its own");
                    }
                    if (bundle.version().equals(staged.version())) {
                        throw invalid(intent.type(), staged.symbolicName() + " " + staged.version() + " is installed "
                                + "already (bundle " + bundle.id() + "); to replace it, submit " + DeployIntents.UPDATE);
                    }
                }
                uniqueIntents(deployments, staged, intent.type());
                yield new DeployChange("install", staged.symbolicName(), staged.version(), staged.sha256(), reason,
                        force, rollback, null);
            }
            case DeployIntents.UPDATE -> {
                StagedBundle staged = staged(fields, deployments, intent.type());
                String name = required(fields, "symbolicName", intent.type());
                if (!name.equals(staged.symbolicName())) {
                    throw invalid(intent.type(), "the staged jar is " + staged.symbolicName() + ", not " + name
                            + "; an update keeps the symbolic name (install a bundle of another name instead)");
                }
                BundleInfo target = target(deployments, name, null, intent.type());
                if (!rollback) {
                    uniqueIntents(deployments, staged, intent.type());
                }
                yield new DeployChange("update", name, staged.version(), staged.sha256(), reason, force, rollback,
                        radius(BlastRadii.check(deployments, target, intent.type(), force || rollback, false)));
            }
            case DeployIntents.UNINSTALL, DeployIntents.START, DeployIntents.STOP -> {
                BundleInfo target = target(deployments, required(fields, "symbolicName", intent.type()),
                        fields.get("version"), intent.type());
                String radius = DeployIntents.UNINSTALL.equals(intent.type())
                        ? radius(BlastRadii.check(deployments, target, intent.type(), force || rollback, true)) : null;
                yield new DeployChange(intent.type().substring("platform.bundle.".length()), target.symbolicName(),
                        target.version(), null, reason, force, rollback, radius);
            }
            default -> throw invalid(intent.type(), "not a deploy intent");
        };
    }

    /** The artifact that records this change. */
    Artifact artifact() {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("action", action);
            out.writeStringField("symbolicName", symbolicName);
            out.writeStringField("version", version);
            if (sha256 != null) {
                out.writeStringField("sha256", sha256);
            }
            if (reason != null) {
                out.writeStringField("reason", reason);
            }
            if (force) {
                out.writeBooleanField("force", true);
            }
            if (rollback) {
                out.writeBooleanField("rollback", true);
            }
            if (blastRadius != null) {
                out.writeFieldName("blastRadius");
                out.writeRawValue(blastRadius);
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return Artifact.of(DeployIntents.CHANGE_ARTIFACT, Json.of(text.toString()));
    }

    /** The change an artifact of a completed execution records; empty if it is not a bundle change. */
    static Optional<DeployChange> recorded(Artifact artifact) {
        if (!DeployIntents.CHANGE_ARTIFACT.equals(artifact.kind())) {
            return Optional.empty();
        }
        Map<String, String> fields = fields(artifact.content(), artifact.kind());
        return Optional.of(new DeployChange(fields.get("action"), fields.get("symbolicName"), fields.get("version"),
                fields.get("sha256"), fields.get("reason"), "true".equals(fields.get("force")),
                "true".equals(fields.get("rollback")), null));
    }

    private static StagedBundle staged(Map<String, String> fields, Deployments deployments, String type) {
        String sha = required(fields, "sha256", type);
        if (!StagingArea.isSha256(sha)) {
            throw invalid(type, "\"sha256\" must be the 64 lower-case hex digits staging answered, not '" + sha + "'");
        }
        return deployments.staged(sha).orElseThrow(() -> invalid(type, "no jar is staged with sha256 " + sha
                + "; stage the jar first (POST /admin/v1/bundles) and name the sha256 it answers"));
    }

    /** The installed bundle named so (the highest version if none is given); not a platform one. */
    private static BundleInfo target(Deployments deployments, String name, String version, String type) {
        List<BundleInfo> named = named(deployments, name);
        Optional<BundleInfo> found = named.stream()
                .filter(b -> version == null || version.isBlank() || sameVersion(b.version(), version))
                .max(Comparator.comparing(b -> Version.parseVersion(b.version())));
        if (found.isEmpty()) {
            throw invalid(type, "no bundle " + name + (version == null ? "" : " " + version) + " is installed"
                    + (named.isEmpty() ? "" : "; installed versions: "
                            + named.stream().map(BundleInfo::version).toList())
                    + "; see GET /admin/v1/bundles");
        }
        if (found.get().platform()) {
            throw forbidden(type, name + " " + found.get().version() + " is a platform bundle (installed from system/); "
                    + "it is changed only by upgrading the container, not through deploy intents");
        }
        return found.get();
    }

    private static String radius(org.symphainy.sdk.deploy.BlastRadius radius) {
        return radius == null ? null : BlastRadii.json(radius);
    }

    /** Refuses a jar declaring an intent another installed bundle provides at the same version, naming both. */
    private static void uniqueIntents(Deployments deployments, StagedBundle staged, String type) {
        for (BundleInfo other : deployments.bundles()) {
            if (other.symbolicName().equals(staged.symbolicName())) {
                continue;
            }
            for (String declared : other.declaredIntents()) {
                if (staged.declaredIntents().contains(declared)) {
                    throw invalid(type, staged.symbolicName() + " " + staged.version() + " declares intent " + declared
                            + ", which " + other.symbolicName() + " " + other.version() + " (bundle " + other.id()
                            + ") already provides at the same version; give it another version, or uninstall "
                            + other.symbolicName() + " first");
                }
            }
        }
    }

    private static List<BundleInfo> named(Deployments deployments, String name) {
        return deployments.bundles().stream().filter(b -> b.symbolicName().equals(name)).toList();
    }

    private static boolean sameVersion(String installed, String asked) {
        try {
            return Version.parseVersion(installed).equals(Version.parseVersion(asked));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String required(Map<String, String> fields, String name, String type) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw invalid(type, "the payload has no \"" + name + "\"");
        }
        return value.trim();
    }

    private static String reason(Map<String, String> fields, String type) {
        String reason = fields.get("reason");
        if (reason != null && reason.length() > MAX_REASON) {
            throw invalid(type, "\"reason\" is longer than " + MAX_REASON + " characters; say it shorter");
        }
        return reason == null || reason.isBlank() ? null : reason;
    }

    /** The top-level string fields of a JSON object. */
    private static Map<String, String> fields(byte[] utf8, String what) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser in = JSON.createParser(utf8)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(what, "the payload is not a JSON object");
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, in.getText());
                } else if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                    fields.put(name, Boolean.toString(value == JsonToken.VALUE_TRUE));
                } else {
                    in.skipChildren();
                }
            }
        } catch (IOException e) {
            throw invalid(what, "the payload is not JSON (" + e.getMessage() + ")");
        }
        return fields;
    }

    static IntentException invalid(String type, String problem) {
        return new IntentException(ErrorCode.PAYLOAD_INVALID, type + ": " + problem);
    }

    private static IntentException forbidden(String type, String problem) {
        return new IntentException(ErrorCode.FORBIDDEN, type + ": " + problem);
    }
}
