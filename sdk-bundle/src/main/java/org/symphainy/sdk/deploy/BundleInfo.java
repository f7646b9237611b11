package org.symphainy.sdk.deploy;

import java.util.List;

import org.symphainy.sdk.internal.Checks;

/**
 * A bundle installed in the container, as an operator sees it.
 *
 * @param id the framework's bundle id (changes when a bundle is reinstalled)
 * @param symbolicName its Bundle-SymbolicName
 * @param version its Bundle-Version
 * @param state {@code INSTALLED}, {@code RESOLVED}, {@code STARTING}, {@code ACTIVE}, {@code STOPPING} or
 *        {@code UNINSTALLED}
 * @param startLevel its start level
 * @param location where it was installed from
 * @param platform true for the container's own bundles (from {@code system/}), which operators do not deploy
 * @param declaredIntents the intents it provides, as {@code type version}
 * @param requiredIntents the intent filters it requires
 * @param problem why it is not active, in plain words (an unresolved requirement, a failed start); null if none
 */
public record BundleInfo(long id, String symbolicName, String version, String state, int startLevel, String location,
        boolean platform, List<String> declaredIntents, List<String> requiredIntents, String problem) {

    /** Checks every value and copies the lists. */
    public BundleInfo {
        Checks.present("symbolicName", symbolicName);
        Checks.present("version", version);
        Checks.text("state", state);
        Checks.present("location", location);
        declaredIntents = Checks.list("declaredIntents", declaredIntents);
        requiredIntents = Checks.list("requiredIntents", requiredIntents);
    }
}
