package org.symphainy.curator.internal;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.Version;
import org.symphainy.foundations.osgi.BundleJar;
import org.symphainy.foundations.osgi.BundleJarException;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;

/**
 * What a staged jar says about itself as a bundle: the deploy folder's check ({@link BundleJar}, shared by both doors),
 * its problems turned into PAYLOAD_INVALID intent errors.
 *
 * @param symbolicName its Bundle-SymbolicName, without directives
 * @param version its Bundle-Version
 * @param declaredIntents the intents it provides, as {@code type version}
 * @param requiredIntents the filters of the intents it requires
 */
record JarCheck(String symbolicName, Version version, List<String> declaredIntents, List<String> requiredIntents) {

    /** Checks the jar at {@code jar}; {@code name} is how messages call it. Throws PAYLOAD_INVALID saying what to fix. */
    static JarCheck of(Path jar, String name) {
        try {
            BundleJar bundle = BundleJar.check(jar);
            return new JarCheck(bundle.symbolicName(), bundle.version(), bundle.declaredIntents(),
                    bundle.requiredIntents());
        } catch (BundleJarException e) {
            throw invalid(name, e.problem() == BundleJarException.Problem.NOT_A_JAR
                    ? e.getMessage().replace("is not a readable jar", "is not a jar")
                            + "; upload the bundle's .jar file as built"
                    : e.getMessage());
        }
    }

    static IntentException invalid(String name, String problem) {
        return new IntentException(ErrorCode.PAYLOAD_INVALID, "'" + name + "' " + problem);
    }
}
