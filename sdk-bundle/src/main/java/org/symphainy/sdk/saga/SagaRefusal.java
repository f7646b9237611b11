package org.symphainy.sdk.saga;

import java.util.List;

import org.symphainy.sdk.internal.Checks;

/**
 * A saga definition the Conductor refused when its bundle was deployed, with every problem.
 *
 * @param intentType the saga's intent type
 * @param bundle the symbolic name of the bundle that declares it
 * @param bundleVersion that bundle's version
 * @param resource the definition's path inside the bundle
 * @param problems what is wrong, each naming its step
 */
public record SagaRefusal(String intentType, String bundle, String bundleVersion, String resource,
        List<SagaProblem> problems) {

    /** Checks the fields and copies the list. */
    public SagaRefusal {
        Checks.present("intent type", intentType);
        Checks.present("bundle", bundle);
        Checks.present("bundle version", bundleVersion);
        Checks.present("resource", resource);
        problems = List.copyOf(Checks.present("problems", problems));
    }
}
