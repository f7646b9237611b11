package org.symphainy.sdk.deploy;

import java.util.List;

import org.symphainy.sdk.internal.Checks;

/**
 * What updating or uninstalling a bundle would touch, computed without touching it: the bundles the framework's
 * refresh would stop and restart (its dependency closure), which of them are the platform's own, the bundles wired
 * to it directly, the intents those bundles declare, and how many executions of those intents are in flight now.
 *
 * @param symbolicName the bundle asked about
 * @param version its version
 * @param restarted every bundle the refresh would restart, as {@code name version}, itself included
 * @param platformBundles those of them that belong to the platform (an update or uninstall then needs force)
 * @param dependants the bundles wired to it directly (they require it), as {@code name version}
 * @param intents the intents the restarted bundles declare, as {@code type version}
 * @param inFlight executions of those intents not yet ended (accepted, awaiting approval or running)
 */
public record BlastRadius(String symbolicName, String version, List<String> restarted, List<String> platformBundles,
        List<String> dependants, List<String> intents, long inFlight) {

    /** Checks every value and copies the lists. */
    public BlastRadius {
        Checks.text("symbolicName", symbolicName);
        Checks.text("version", version);
        restarted = Checks.list("restarted", restarted);
        platformBundles = Checks.list("platformBundles", platformBundles);
        dependants = Checks.list("dependants", dependants);
        intents = Checks.list("intents", intents);
    }
}
