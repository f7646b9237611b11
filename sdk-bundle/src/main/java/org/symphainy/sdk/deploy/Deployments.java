package org.symphainy.sdk.deploy;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.symphainy.sdk.intent.IntentException;

/**
 * The governed deployer's front: stages jars for the platform intents of {@link DeployIntents} and describes the
 * bundles installed. Staging checks a jar without touching the live framework; the change itself happens only when
 * an intent naming the staged jar's hash completes.
 */
@ProviderType
public interface Deployments {

    /**
     * Reads {@code jar} whole, checks that it is an OSGi bundle whose declared intents are well-formed and
     * not provided by another installed bundle at the same version, and that it resolves against the running system, and keeps it
     * under its SHA-256 until an intent installs or updates from it. Nothing in the framework changes.
     *
     * @param fileName the name the operator gave the file (for messages and the record), not a path
     * @throws IntentException with {@link org.symphainy.sdk.intent.ErrorCode#PAYLOAD_INVALID} and a message saying
     *         what is wrong and what to do (not a jar, no Bundle-SymbolicName, too large, ...)
     * @throws DeployRefusedException if a trial resolve against the running system fails, or the jar declares an
     *         intent another installed bundle provides at the same version — with the details to act on
     */
    StagedBundle stage(String fileName, InputStream jar);

    /** The staged jar with this SHA-256 (hex), if it is still kept. */
    Optional<StagedBundle> staged(String sha256);

    /** Every bundle installed in the container, by bundle id. */
    List<BundleInfo> bundles();

    /**
     * What updating or uninstalling the installed bundle {@code symbolicName} {@code version} would touch (the highest
     * version if {@code version} is null); empty if no such bundle is installed. Nothing in the framework changes.
     */
    Optional<BlastRadius> blastRadius(String symbolicName, String version);
}
