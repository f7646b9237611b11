package org.symphainy.sdk.deploy;

import java.util.List;

import org.symphainy.sdk.internal.Checks;

/**
 * A jar checked and kept for a later install or update intent.
 *
 * @param sha256 the jar's SHA-256 in hex: the intents name it by this
 * @param fileName the name the operator gave it
 * @param size its length in bytes
 * @param symbolicName its Bundle-SymbolicName
 * @param version its Bundle-Version
 * @param declaredIntents the intents it provides, as {@code type version}
 * @param requiredIntents the intent filters it requires
 */
public record StagedBundle(String sha256, String fileName, long size, String symbolicName, String version,
        List<String> declaredIntents, List<String> requiredIntents) {

    /** Checks every value and copies the lists. */
    public StagedBundle {
        Checks.text("sha256", sha256);
        Checks.text("fileName", fileName);
        Checks.text("symbolicName", symbolicName);
        Checks.text("version", version);
        declaredIntents = Checks.list("declaredIntents", declaredIntents);
        requiredIntents = Checks.list("requiredIntents", requiredIntents);
    }
}
