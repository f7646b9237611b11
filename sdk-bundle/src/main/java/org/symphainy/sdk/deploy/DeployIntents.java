package org.symphainy.sdk.deploy;

/**
 * The platform intents that change the installed bundles. Each passes the governance pipeline like any intent (only
 * administrators may, by default), so every change is in the write-ahead log with who asked for it and why. Every
 * payload may carry {@code "reason"}: the operator's words, recorded with the change.
 */
public final class DeployIntents {

    /** Installs and starts a staged jar: {@code {"sha256": "...", "reason"?: "..."}}. */
    public static final String INSTALL = "platform.bundle.install";

    /**
     * Replaces an installed bundle with a staged jar of the same symbolic name:
     * {@code {"symbolicName": "...", "sha256": "...", "reason"?: "..."}}.
     */
    public static final String UPDATE = "platform.bundle.update";

    /** Uninstalls a bundle: {@code {"symbolicName": "...", "version": "...", "reason"?: "..."}}. */
    public static final String UNINSTALL = "platform.bundle.uninstall";

    /** Starts a bundle: {@code {"symbolicName": "...", "version": "...", "reason"?: "..."}}. */
    public static final String START = "platform.bundle.start";

    /** Stops a bundle: {@code {"symbolicName": "...", "version": "...", "reason"?: "..."}}. */
    public static final String STOP = "platform.bundle.stop";

    /**
     * The kind of the artifact each of them produces: {@code {"action", "symbolicName", "version", "sha256"?, "reason"?}}
     * — the change that the deployer then applies, once.
     */
    public static final String CHANGE_ARTIFACT = "platform.bundle.change";

    private DeployIntents() {
    }
}
