package org.symphainy.sdk.saga;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.symphainy.sdk.internal.Checks;

/**
 * One value of a step's payload: the JSON value at {@code source} is placed at {@code target} in the payload.
 * {@code target} is a JSON Pointer (RFC 6901) into the payload, {@code ""} for the whole payload. {@code source} is a
 * JSON Pointer into the saga's record: {@code /input/...} for the saga's own payload, or
 * {@code /steps/<step>/artifacts/<kind>/...} for the JSON content of the artifact of that kind an earlier step returned.
 *
 * @param target where the value goes in the step's payload
 * @param source where it comes from
 */
public record PayloadMapping(String target, String source) {

    private static final Pattern POINTER = Pattern.compile("(/([^/~]|~[01])*)*");
    private static final Pattern STEP_SOURCE = Pattern.compile("/steps/([^/]+)/artifacts/([^/]+)(/.*)?");

    /** Checks both pointers; throws IllegalArgumentException saying which form is expected. */
    public PayloadMapping {
        Checks.present("target", target);
        Checks.present("source", source);
        if (!POINTER.matcher(target).matches()) {
            throw new IllegalArgumentException("target '" + target + "' is not a JSON Pointer; write \"\" or /a/b");
        }
        if (!POINTER.matcher(source).matches()
                || !(source.equals("/input") || source.startsWith("/input/") || STEP_SOURCE.matcher(source).matches())) {
            throw new IllegalArgumentException("source '" + source + "' must be /input[/...] or "
                    + "/steps/<step>/artifacts/<kind>[/...]");
        }
    }

    /** A mapping of {@code source} to {@code target}. */
    public static PayloadMapping of(String target, String source) {
        return new PayloadMapping(target, source);
    }

    /** The step whose artifact is the source, or null when the source is the saga's input. */
    public String sourceStep() {
        Matcher m = STEP_SOURCE.matcher(source);
        return m.matches() ? m.group(1) : null;
    }

    /** The artifact kind that is the source, or null when the source is the saga's input. */
    public String sourceArtifactKind() {
        Matcher m = STEP_SOURCE.matcher(source);
        return m.matches() ? m.group(2) : null;
    }

    /** The pointer into the source value: after {@code /input} or after the artifact kind; "" for the whole value. */
    public String sourcePointer() {
        Matcher m = STEP_SOURCE.matcher(source);
        if (m.matches()) {
            return m.group(3) == null ? "" : m.group(3);
        }
        return source.substring("/input".length());
    }
}
