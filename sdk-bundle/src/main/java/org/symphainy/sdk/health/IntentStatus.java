package org.symphainy.sdk.health;

import java.util.List;

import org.symphainy.sdk.internal.Checks;
import org.symphainy.sdk.registry.RegisteredIntent;

/**
 * One intent type's health: whether it can be served, each declared version as the registry reports it, and its
 * executions over the window.
 *
 * @param type the intent type
 * @param readiness whether every declared version has an admitted handler
 * @param detail in words: why it is not ready and what to do, or what serves it
 * @param versions every declared version, by version, with its declaring bundle and readiness; empty if the type is not
 *        declared (any more) or no registry is available
 * @param executions its executions over the window; {@link ExecutionStats#NONE} if the Runtime is not available
 */
public record IntentStatus(String type, Readiness readiness, String detail, List<RegisteredIntent> versions,
        ExecutionStats executions) {

    /** Checks every value and copies the list. */
    public IntentStatus {
        Checks.name("type", type, 2, "content.ingest");
        Checks.present("readiness", readiness);
        Checks.text("detail", detail);
        versions = Checks.list("versions", versions);
        Checks.present("executions", executions);
    }
}
