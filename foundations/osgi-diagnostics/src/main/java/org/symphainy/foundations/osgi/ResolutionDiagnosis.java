package org.symphainy.foundations.osgi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;

/**
 * Why a bundle does not resolve or start, in one line an operator can act on.
 *
 * <p>The framework's own resolver message names filters and revision ids; this class checks each mandatory requirement
 * of the bundle against the capabilities of every installed bundle and names the ones nothing provides, with the
 * near misses (the same package at another version, say).
 */
public final class ResolutionDiagnosis {

    private ResolutionDiagnosis() {
    }

    /** {@code org.acme.foo 1.2.0}: how every message names a bundle. */
    public static String name(Bundle bundle) {
        String bsn = bundle.getSymbolicName();
        return (bsn == null ? bundle.getLocation() : bsn) + " " + bundle.getVersion();
    }

    /** One line saying why {@code bundle} could not resolve or start; {@code failure} is what the framework threw, if anything. */
    public static String explain(BundleContext context, Bundle bundle, Throwable failure) {
        List<String> missing = missingRequirements(context, bundle);
        if (!missing.isEmpty()) {
            return "cannot resolve: it " + String.join("; it ", missing);
        }
        if (failure == null) {
            return "is not active (state " + stateName(bundle.getState()) + ")";
        }
        return (bundle.getState() == Bundle.INSTALLED ? "cannot resolve: " : "failed to start: ") + oneLine(failure);
    }

    /** Each mandatory requirement of the bundle that no installed bundle can satisfy, in words, with near misses. */
    public static List<String> missingRequirements(BundleContext context, Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of();
        }
        Bundle[] installed = context.getBundles();
        List<String> missing = new ArrayList<>();
        for (Requirement requirement : revision.getRequirements(null)) {
            if (isMandatory(requirement) && !isSatisfiable(requirement, installed)) {
                missing.add(RequirementText.describe(requirement) + ", which " + nearMisses(requirement, installed));
            }
        }
        return missing;
    }

    /** The messages of a throwable and its causes, deduplicated, on one line. */
    public static String oneLine(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && messages.size() < 5; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            messages.add(message.replaceAll("\\s+", " ").trim());
            if (t.getCause() == t) {
                break;
            }
        }
        return String.join(": ", messages);
    }

    /** The name of a bundle state, as an operator reads it. */
    public static String stateName(int state) {
        switch (state) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return String.valueOf(state);
        }
    }

    private static boolean isMandatory(Requirement requirement) {
        Map<String, String> directives = requirement.getDirectives();
        String resolution = directives.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
        String effective = directives.get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return (resolution == null || Namespace.RESOLUTION_MANDATORY.equals(resolution))
                && (effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective));
    }

    private static boolean isSatisfiable(Requirement requirement, Bundle[] installed) {
        Filter filter = filterOf(requirement);
        for (Bundle candidate : installed) {
            for (Capability capability : capabilities(candidate, requirement.getNamespace())) {
                if (filter == null || filter.matches(capability.getAttributes())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String nearMisses(Requirement requirement, Bundle[] installed) {
        String namespace = requirement.getNamespace();
        String wanted = RequirementText.nameIn(namespace, filterText(requirement));
        List<String> near = new ArrayList<>();
        for (Bundle candidate : installed) {
            for (Capability capability : capabilities(candidate, namespace)) {
                Object name = RequirementText.nameOf(capability.getAttributes(), namespace);
                if (name != null && name.toString().equals(wanted)) {
                    Object version = capability.getAttributes().getOrDefault("version",
                            capability.getAttributes().get("bundle-version"));
                    near.add((version == null ? "" : "version " + version + " from ") + name(candidate));
                }
            }
        }
        if (near.isEmpty()) {
            return "no installed bundle provides";
        }
        return "is available only as " + String.join(", ", near);
    }

    private static List<Capability> capabilities(Bundle bundle, String namespace) {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return List.of();
        }
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision == null ? List.of() : revision.getCapabilities(namespace);
    }

    private static String filterText(Requirement requirement) {
        String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        return filter == null ? "" : filter;
    }

    private static Filter filterOf(Requirement requirement) {
        String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        if (filter == null) {
            return null;
        }
        try {
            return FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            return null;
        }
    }
}
