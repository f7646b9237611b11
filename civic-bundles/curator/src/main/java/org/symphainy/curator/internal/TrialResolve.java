package org.symphainy.curator.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.ResolveContext;
import org.osgi.service.resolver.Resolver;
import org.symphainy.foundations.osgi.CapabilityHeader;

/**
 * A trial resolve with the framework's own {@link Resolver} service: the candidate, as a resource built from its
 * manifest, is resolved against the wirings of the installed, resolved bundles (a bundle of the same symbolic name is
 * left out: the candidate replaces it). Nothing is installed; uses constraints are checked as the framework would.
 */
final class TrialResolve {

    private final BundleContext context;

    TrialResolve(BundleContext context) {
        this.context = context;
    }

    /** Why the candidate would not resolve; empty if it would, or if the framework offers no Resolver service. */
    Optional<String> failure(Manifest manifest, String symbolicName, Version version) {
        ServiceReference<Resolver> reference = context.getServiceReference(Resolver.class);
        Resolver resolver = reference == null ? null : context.getService(reference);
        if (resolver == null) {
            return Optional.empty();
        }
        try {
            Candidate candidate = new Candidate(manifest, symbolicName, version);
            resolver.resolve(new Context(candidate, symbolicName));
            return Optional.empty();
        } catch (ResolutionException e) {
            List<String> unresolved = new ArrayList<>();
            for (Requirement requirement : e.getUnresolvedRequirements()) {
                unresolved.add(requirement.getNamespace() + " " + requirement.getDirectives().get(Constants.FILTER_DIRECTIVE));
            }
            return Optional.of(String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim()
                    + (unresolved.isEmpty() ? "" : " (unresolved: " + String.join("; ", unresolved) + ")"));
        } finally {
            context.ungetService(reference);
        }
    }

    /** The resolve context: the candidate is mandatory, the resolved bundles are the environment. */
    private final class Context extends ResolveContext {

        private final Candidate candidate;
        private final Map<Resource, Wiring> wirings = new HashMap<>();

        Context(Candidate candidate, String replaced) {
            this.candidate = candidate;
            for (Bundle bundle : context.getBundles()) {
                BundleWiring wiring = bundle.adapt(BundleWiring.class);
                if (wiring != null && wiring.isCurrent() && !replaced.equals(bundle.getSymbolicName())) {
                    wirings.put(wiring.getRevision(), wiring);
                }
            }
        }

        @Override
        public Collection<Resource> getMandatoryResources() {
            return List.of(candidate);
        }

        @Override
        public List<Capability> findProviders(Requirement requirement) {
            Filter filter = filter(requirement.getDirectives().get(Constants.FILTER_DIRECTIVE));
            List<Capability> providers = new ArrayList<>();
            for (Capability capability : candidate.getCapabilities(requirement.getNamespace())) {
                if (filter == null || filter.matches(capability.getAttributes())) {
                    providers.add(capability);
                }
            }
            for (Wiring wiring : wirings.values()) {
                for (Capability capability : wiring.getResourceCapabilities(requirement.getNamespace())) {
                    if (filter == null || filter.matches(capability.getAttributes())) {
                        providers.add(capability);
                    }
                }
            }
            return providers;
        }

        @Override
        public int insertHostedCapability(List<Capability> capabilities, HostedCapability hosted) {
            capabilities.add(hosted);
            return capabilities.size() - 1;
        }

        @Override
        public boolean isEffective(Requirement requirement) {
            String effective = requirement.getDirectives().get(Constants.EFFECTIVE_DIRECTIVE);
            return effective == null || Constants.EFFECTIVE_RESOLVE.equals(effective);
        }

        @Override
        public Map<Resource, Wiring> getWirings() {
            return wirings;
        }
    }

    /** The candidate jar as a resource: its identity, exported packages and capabilities, and its requirements. */
    private static final class Candidate implements Resource {

        private final List<Capability> capabilities = new ArrayList<>();
        private final List<Requirement> requirements = new ArrayList<>();

        Candidate(Manifest manifest, String symbolicName, Version version) {
            capabilities.add(new Cap(this, IdentityNamespace.IDENTITY_NAMESPACE, Map.of(
                    IdentityNamespace.IDENTITY_NAMESPACE, symbolicName,
                    IdentityNamespace.CAPABILITY_VERSION_ATTRIBUTE, version,
                    IdentityNamespace.CAPABILITY_TYPE_ATTRIBUTE, IdentityNamespace.TYPE_BUNDLE), Map.of()));
            for (CandidateRequirements.Exported exported : CandidateRequirements.exports(manifest)) {
                Map<String, Object> attributes = new HashMap<>();
                attributes.put(PackageNamespace.PACKAGE_NAMESPACE, exported.name());
                attributes.put(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE, exported.version());
                attributes.put(PackageNamespace.CAPABILITY_BUNDLE_SYMBOLICNAME_ATTRIBUTE, symbolicName);
                attributes.put(PackageNamespace.CAPABILITY_BUNDLE_VERSION_ATTRIBUTE, version);
                capabilities.add(new Cap(this, PackageNamespace.PACKAGE_NAMESPACE, attributes,
                        exported.uses() == null ? Map.of() : Map.of(PackageNamespace.CAPABILITY_USES_DIRECTIVE, exported.uses())));
            }
            for (CapabilityHeader clause : CapabilityHeader.parse(
                    manifest.getMainAttributes().getValue(Constants.PROVIDE_CAPABILITY))) {
                Map<String, Object> attributes = new HashMap<>(clause.attributes());
                clause.types().forEach((key, type) -> {
                    if ("Version".equals(type)) {
                        attributes.put(key, Version.parseVersion(clause.attributes().get(key)));
                    } else if ("Long".equals(type)) {
                        attributes.put(key, Long.valueOf(clause.attributes().get(key)));
                    }
                });
                capabilities.add(new Cap(this, clause.namespace(), attributes, clause.directives()));
            }
            for (CandidateRequirements.Need need : CandidateRequirements.of(manifest)) {
                requirements.add(new Req(this, need.namespace(), Map.of(Constants.FILTER_DIRECTIVE, need.filter())));
            }
        }

        @Override
        public List<Capability> getCapabilities(String namespace) {
            return namespace == null ? capabilities
                    : capabilities.stream().filter(c -> c.getNamespace().equals(namespace)).toList();
        }

        @Override
        public List<Requirement> getRequirements(String namespace) {
            return namespace == null ? requirements
                    : requirements.stream().filter(r -> r.getNamespace().equals(namespace)).toList();
        }
    }

    private record Cap(Resource getResource, String getNamespace, Map<String, Object> getAttributes,
            Map<String, String> getDirectives) implements Capability {
    }

    private record Req(Resource getResource, String getNamespace, Map<String, String> getDirectives)
            implements Requirement {
        @Override
        public Map<String, Object> getAttributes() {
            return Map.of();
        }
    }

    private static Filter filter(String text) {
        try {
            return text == null ? null : FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            return null;
        }
    }
}
