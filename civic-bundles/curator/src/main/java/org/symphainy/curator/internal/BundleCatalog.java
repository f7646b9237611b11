package org.symphainy.curator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Requirement;
import org.symphainy.foundations.osgi.ResolutionDiagnosis;
import org.symphainy.sdk.deploy.BundleInfo;
import org.symphainy.sdk.intent.IntentNamespace;

/**
 * The installed bundles as operators see them: state, start level, where they came from, which are the platform's
 * own, the intents they declare and require, and why one is not active — the last start failure the deployer saw,
 * else what its resolution misses. Operators deploy through deploy intents ({@code symphainy:deployed/...}) and the
 * deploy folder ({@code symphainy.deploy}); every other bundle — the framework, the launcher's {@code system/} jars
 * ({@code symphainy:system/...}) — is the platform's, and deploy intents leave it alone.
 */
final class BundleCatalog {

    /** The location prefix the launcher gives the bundles of {@code system/}. */
    static final String SYSTEM_LOCATION = "symphainy:system/";
    /** The framework property naming the deploy folder. */
    static final String DEPLOY_DIR_PROPERTY = "symphainy.deploy";

    private final BundleContext context;
    private final String deployFolder;
    private final Map<Long, String> failures = new ConcurrentHashMap<>();

    BundleCatalog(BundleContext context) {
        this.context = context;
        String folder = context.getProperty(DEPLOY_DIR_PROPERTY);
        this.deployFolder = folder == null || folder.isBlank() ? null
                : java.nio.file.Path.of(folder).toAbsolutePath().normalize().toUri().toString();
    }

    /** Every installed bundle, by id. */
    List<BundleInfo> bundles() {
        List<BundleInfo> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                try {
                    bundles.add(describe(bundle));
                } catch (IllegalArgumentException | IllegalStateException uninstalledMeanwhile) {
                    // it went between the look and the description: it is not installed any more
                }
            }
        }
        return bundles;
    }

    /** True for a bundle operators did not deploy (through deploy intents or the deploy folder). */
    boolean isPlatform(Bundle bundle) {
        String location = bundle.getLocation();
        if (bundle.getBundleId() == 0 || location.startsWith(SYSTEM_LOCATION)) {
            return true;
        }
        return !location.startsWith(Deployer.DEPLOYED_LOCATION)
                && (deployFolder == null || !location.startsWith(deployFolder));
    }

    /** Remembers why a bundle failed to start, until it starts or is gone. */
    void failed(Bundle bundle, Throwable failure) {
        failures.put(bundle.getBundleId(), ResolutionDiagnosis.explain(context, bundle, failure));
    }

    /** Forgets a bundle's failure: it started, or was stopped or uninstalled on purpose. */
    void cleared(Bundle bundle) {
        failures.remove(bundle.getBundleId());
    }

    private BundleInfo describe(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        String name = bundle.getSymbolicName();
        return new BundleInfo(bundle.getBundleId(), name == null ? "" : name, bundle.getVersion().toString(),
                ResolutionDiagnosis.stateName(bundle.getState()), level == null ? 0 : level.getStartLevel(),
                bundle.getLocation(), isPlatform(bundle),
                DeclaredIntent.of(bundle).stream().map(DeclaredIntent::toString).toList(), required(bundle),
                problem(bundle));
    }

    private static List<String> required(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of();
        }
        List<String> filters = new ArrayList<>();
        for (Requirement requirement : revision.getRequirements(IntentNamespace.NAMESPACE)) {
            String filter = requirement.getDirectives().get(Constants.FILTER_DIRECTIVE);
            if (filter != null) {
                filters.add(filter);
            }
        }
        return filters;
    }

    private String problem(Bundle bundle) {
        int state = bundle.getState();
        if (state == Bundle.ACTIVE) {
            failures.remove(bundle.getBundleId());
            return null;
        }
        String failure = failures.get(bundle.getBundleId());
        if (failure != null) {
            return failure;
        }
        if (isFragment(bundle)) {
            return null;
        }
        if (state == Bundle.INSTALLED) {
            return ResolutionDiagnosis.explain(context, bundle, null);
        }
        if (state == Bundle.RESOLVED) {
            return "stopped: it resolves, but is not started (start it with platform.bundle.start)";
        }
        return null;
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }
}
