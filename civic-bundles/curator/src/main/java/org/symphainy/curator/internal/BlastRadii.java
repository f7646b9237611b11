package org.symphainy.curator.internal;

import org.symphainy.sdk.deploy.BlastRadius;
import org.symphainy.sdk.deploy.BundleInfo;
import org.symphainy.sdk.deploy.DeployRefusedException;
import org.symphainy.sdk.deploy.Deployments;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Json;

/**
 * The blast-radius rule of updates and uninstalls: a change whose refresh would restart platform bundles, or an
 * uninstall of a bundle other bundles are wired to, is refused — naming them — unless the intent says
 * {@code "force": true}.
 */
final class BlastRadii {

    private BlastRadii() {
    }

    /** Refuses the change of {@code target} its blast radius forbids, unless {@code force}; returns the radius. */
    static BlastRadius check(Deployments deployments, BundleInfo target, String type, boolean force, boolean uninstall) {
        BlastRadius radius = deployments.blastRadius(target.symbolicName(), target.version()).orElse(null);
        if (radius == null || force) {
            return radius;
        }
        if (!radius.platformBundles().isEmpty()) {
            throw refused(type, radius, "platform-bundles-in-blast-radius", target.symbolicName() + " "
                    + target.version() + " is wired into platform bundles " + radius.platformBundles()
                    + ", which the refresh would restart; to do it anyway, submit again with \"force\": true");
        }
        if (uninstall && !radius.dependants().isEmpty()) {
            throw refused(type, radius, "required-by-dependants", target.symbolicName() + " " + target.version()
                    + " is required by " + radius.dependants() + "; uninstall those first, or submit again with "
                    + "\"force\": true (they stop until something provides what they need)");
        }
        return radius;
    }

    /** The blast radius as the members of a JSON object. */
    static String json(BlastRadius radius) {
        return DeployChecks.json(out -> members(out, radius));
    }

    static void members(com.fasterxml.jackson.core.JsonGenerator out, BlastRadius radius) throws java.io.IOException {
        out.writeStringField("bundle", radius.symbolicName() + " " + radius.version());
        array(out, "restarted", radius.restarted());
        array(out, "platformBundles", radius.platformBundles());
        array(out, "dependants", radius.dependants());
        array(out, "intents", radius.intents());
        out.writeNumberField("inFlight", radius.inFlight());
    }

    private static void array(com.fasterxml.jackson.core.JsonGenerator out, String name, java.util.List<String> values)
            throws java.io.IOException {
        out.writeArrayFieldStart(name);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    private static DeployRefusedException refused(String type, BlastRadius radius, String kind, String message) {
        String details = DeployChecks.json(out -> {
            out.writeStringField("refusal", kind);
            out.writeObjectFieldStart("blastRadius");
            members(out, radius);
            out.writeEndObject();
            out.writeStringField("action", "uninstall or update the dependants first, or submit again with "
                    + "\"force\": true");
        });
        return new DeployRefusedException(ErrorCode.FORBIDDEN, type + ": " + message, Json.of(details));
    }
}
