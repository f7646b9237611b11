package org.symphainy.curator.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Capability;
import org.symphainy.sdk.deploy.BlastRadius;
import org.symphainy.sdk.deploy.DeployRefusedException;
import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Runtime;

/**
 * The checks made before the live framework is touched. A <b>trial resolve</b> first matches each mandatory
 * requirement of the candidate's manifest ({@link CandidateRequirements}) against the capabilities of the installed
 * bundles' current revisions (a replaced bundle's own excluded) and the candidate's own, to name what is missing and
 * the near candidates; then the framework's own {@code Resolver} service resolves the candidate against the installed
 * wirings ({@link TrialResolve}: uses constraints included). Neither installs anything. A jar
 * declaring an intent another bundle provides at the same version is refused naming both. The <b>blast radius</b> of an
 * update or uninstall is the framework's dependency closure, with the intents it declares and their executions in flight.
 */
final class DeployChecks {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_CANDIDATES = 10;

    private final BundleContext context;
    private final BundleCatalog catalog;
    private final TrialResolve trial;

    DeployChecks(BundleContext context, BundleCatalog catalog) {
        this.context = context;
        this.catalog = catalog;
        this.trial = new TrialResolve(context);
    }

    /** Refuses {@code staged} (kept at {@code jar}) if a mandatory requirement has no capability in the running system. */
    void trialResolve(StagedBundle staged, Path jar) {
        List<CandidateRequirements.Need> needs;
        try (JarFile file = new JarFile(jar.toFile())) {
            needs = CandidateRequirements.of(file.getManifest());
        } catch (IOException | IllegalArgumentException e) {
            throw JarCheck.invalid(staged.fileName(), "has a manifest whose requirements cannot be read (" + e.getMessage()
                    + "); rebuild the bundle with bnd");
        }
        List<Bundle> others = installedExcept(staged.symbolicName());
        List<String> problems = new ArrayList<>();
        String details = json(out -> {
            out.writeStringField("refusal", "unresolved");
            out.writeStringField("bundle", staged.symbolicName() + " " + staged.version());
            out.writeArrayFieldStart("missing");
            for (CandidateRequirements.Need need : needs) {
                if (ownCapability(jar, need) || satisfied(need, others)) {
                    continue;
                }
                problems.add(need.namespace() + " " + need.filter());
                out.writeStartObject();
                out.writeStringField("namespace", need.namespace());
                out.writeStringField("filter", need.filter());
                out.writeStringField("requirement", need.clause());
                out.writeArrayFieldStart("candidates");
                List<String> near = nearMisses(need, others);
                for (String candidate : near) {
                    out.writeString(candidate);
                }
                out.writeEndArray();
                out.writeEndObject();
                if (!near.isEmpty()) {
                    problems.set(problems.size() - 1, problems.get(problems.size() - 1) + " (installed: "
                            + String.join(", ", near) + ")");
                }
            }
            out.writeEndArray();
            out.writeStringField("action", "deploy the bundles that provide the missing requirements first (or in the "
                    + "same go), or rebuild this bundle against the versions installed (GET /admin/v1/bundles)");
        });
        if (!problems.isEmpty()) {
            throw new DeployRefusedException(ErrorCode.PAYLOAD_INVALID, "'" + staged.fileName() + "' ("
                    + staged.symbolicName() + " " + staged.version() + ") would not resolve against the running "
                    + "system: nothing installed provides " + String.join("; ", problems) + "; deploy what provides "
                    + "it first, or rebuild the bundle against what is installed", Json.of(details));
        }
        resolverVerdict(staged, jar);
    }

    /** Every requirement has a provider: the framework's resolver now checks the whole (uses constraints included). */
    private void resolverVerdict(StagedBundle staged, Path jar) {
        Optional<String> failure;
        try (JarFile file = new JarFile(jar.toFile())) {
            failure = trial.failure(file.getManifest(), staged.symbolicName(), Version.parseVersion(staged.version()));
        } catch (IOException | IllegalArgumentException e) {
            return; // the manifest was read a moment ago; the framework's own resolve still decides at start
        }
        if (failure.isPresent()) {
            String details = json(out -> {
                out.writeStringField("refusal", "unresolved");
                out.writeStringField("bundle", staged.symbolicName() + " " + staged.version());
                out.writeArrayFieldStart("missing");
                out.writeEndArray();
                out.writeStringField("resolver", failure.get());
                out.writeStringField("action", "rebuild the bundle against the packages installed, or deploy "
                        + "versions that are consistent with each other (uses constraints)");
            });
            throw new DeployRefusedException(ErrorCode.PAYLOAD_INVALID, "'" + staged.fileName() + "' ("
                    + staged.symbolicName() + " " + staged.version() + ") would not resolve against the running "
                    + "system: " + failure.get() + "; rebuild it against what is installed", Json.of(details));
        }
    }

    /** Refuses {@code staged} if it declares an intent another installed bundle provides at the same version. */
    void uniqueIntents(StagedBundle staged) {
        for (Bundle other : installedExcept(staged.symbolicName())) {
            for (DeclaredIntent declared : DeclaredIntent.of(other)) {
                if (staged.declaredIntents().contains(declared.toString())) {
                    String theirs = other.getSymbolicName() + " " + other.getVersion();
                    String details = json(out -> {
                        out.writeStringField("refusal", "duplicate-intent");
                        out.writeStringField("intent", declared.toString());
                        out.writeStringField("bundle", staged.symbolicName() + " " + staged.version());
                        out.writeStringField("providedBy", theirs);
                        out.writeStringField("action", "give the intent another version (or another type), or "
                                + "uninstall " + theirs + " first");
                    });
                    throw new DeployRefusedException(ErrorCode.PAYLOAD_INVALID, "'" + staged.fileName() + "' ("
                            + staged.symbolicName() + " " + staged.version() + ") declares intent " + declared
                            + ", which " + theirs + " already provides at the same version; give it another version, "
                            + "or uninstall " + theirs + " first", Json.of(details));
                }
            }
        }
    }

    /** The blast radius of changing the installed bundle; empty if it is not installed. */
    Optional<BlastRadius> blastRadius(Bundle bundle) {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return Optional.empty();
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Collection<Bundle> closure = wiring.getDependencyClosure(List.of(bundle));
        List<String> restarted = new ArrayList<>();
        List<String> platform = new ArrayList<>();
        Set<String> intents = new LinkedHashSet<>();
        for (Bundle member : closure) {
            restarted.add(name(member));
            if (member != bundle && catalog.isPlatform(member)) {
                platform.add(name(member));
            }
            DeclaredIntent.of(member).forEach(d -> intents.add(d.toString()));
        }
        return Optional.of(new BlastRadius(bundle.getSymbolicName(), bundle.getVersion().toString(), restarted,
                platform, dependants(bundle), List.copyOf(intents), inFlight(intents)));
    }

    /** The bundles wired to {@code bundle} (other than itself). */
    private static List<String> dependants(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        Set<String> names = new LinkedHashSet<>();
        if (wiring != null) {
            for (BundleWire wire : wiring.getProvidedWires(null)) {
                Bundle requirer = wire.getRequirerWiring().getBundle();
                if (requirer != bundle && requirer.getState() != Bundle.UNINSTALLED) {
                    names.add(name(requirer));
                }
            }
        }
        return List.copyOf(names);
    }

    private long inFlight(Set<String> intents) {
        ServiceReference<Runtime> reference = context.getServiceReference(Runtime.class);
        Runtime runtime = reference == null ? null : context.getService(reference);
        if (runtime == null) {
            return 0;
        }
        try {
            long count = 0;
            Set<String> types = new LinkedHashSet<>();
            intents.forEach(i -> types.add(i.substring(0, i.indexOf(' '))));
            for (String type : types) {
                for (ExecutionState state : List.of(ExecutionState.AWAITING_APPROVAL, ExecutionState.ACCEPTED,
                        ExecutionState.RUNNING)) {
                    count += runtime.query(ExecutionQuery.builder().intentType(type).state(state)
                            .limit(ExecutionQuery.MAX_LIMIT).build()).items().size();
                }
            }
            return count;
        } finally {
            context.ungetService(reference);
        }
    }

    private List<Bundle> installedExcept(String symbolicName) {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.UNINSTALLED && !symbolicName.equals(bundle.getSymbolicName())) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }

    private static boolean satisfied(CandidateRequirements.Need need, List<Bundle> bundles) {
        Filter filter = filter(need.filter());
        for (Bundle bundle : bundles) {
            for (Capability capability : capabilities(bundle, need.namespace())) {
                if (filter.matches(capability.getAttributes())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if the candidate provides the capability itself (Provide-Capability of its own manifest). */
    private static boolean ownCapability(Path jar, CandidateRequirements.Need need) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String header = file.getManifest().getMainAttributes().getValue("Provide-Capability");
            Filter filter = filter(need.filter());
            for (var clause : org.symphainy.foundations.osgi.CapabilityHeader.parse(header)) {
                if (clause.namespace().equals(need.namespace())) {
                    java.util.Map<String, Object> attributes = new java.util.HashMap<>(clause.attributes());
                    clause.types().forEach((key, type) -> {
                        if ("Version".equals(type)) {
                            attributes.put(key, Version.parseVersion(clause.attributes().get(key)));
                        }
                    });
                    if (filter.matches(attributes)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Installed capabilities of the requirement's namespace named like it (any version), as {@code what from bundle}. */
    private static List<String> nearMisses(CandidateRequirements.Need need, List<Bundle> bundles) {
        List<String> near = new ArrayList<>();
        for (Bundle bundle : bundles) {
            for (Capability capability : capabilities(bundle, need.namespace())) {
                Object value = capability.getAttributes().get(need.namespace());
                if (near.size() < MAX_CANDIDATES && (need.name() == null || need.name().equals(String.valueOf(value)))) {
                    Object version = capability.getAttributes().get("version");
                    near.add((value == null ? need.namespace() : value) + (version == null ? "" : " " + version)
                            + " from " + name(bundle));
                }
            }
        }
        return near;
    }

    private static List<Capability> capabilities(Bundle bundle, String namespace) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision == null ? List.of() : revision.getCapabilities(namespace);
    }

    private static Filter filter(String text) {
        try {
            return FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("the filter " + text + " is malformed: " + e.getMessage(), e);
        }
    }

    static String name(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    /** Writes the members of one JSON object. */
    interface Members {
        void write(JsonGenerator out) throws IOException;
    }

    static String json(Members members) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            members.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return text.toString();
    }
}
