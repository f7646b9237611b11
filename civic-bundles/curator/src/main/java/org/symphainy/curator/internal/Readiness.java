package org.symphainy.curator.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.registry.RegisteredIntent;

/**
 * The readiness gate after an install or update: the bundle is active, every intent it declares has an admitted
 * handler in the {@link IntentRegistry}, and each of its enabled DS components is satisfied (ServiceComponentRuntime
 * DTOs). Waited for, bounded; what is still missing at the deadline is the reason for the rollback.
 */
final class Readiness {

    private static final long POLL_MILLIS = 50;

    private final BundleContext context;
    private final long timeoutMillis;

    Readiness(BundleContext context, long timeoutMillis) {
        this.context = context;
        this.timeoutMillis = timeoutMillis;
    }

    /** Null once {@code bundle} is ready within the timeout; else what is still missing, in words. */
    String await(Bundle bundle) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            List<String> missing = missing(bundle);
            if (missing.isEmpty()) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                return String.join("; ", missing) + " (waited " + timeoutMillis + " ms)";
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** What keeps {@code bundle} from being ready now; empty if nothing. */
    List<String> missing(Bundle bundle) {
        List<String> missing = new ArrayList<>();
        if (bundle.getState() != Bundle.ACTIVE) {
            missing.add("the bundle is not active");
            return missing;
        }
        List<DeclaredIntent> declared = DeclaredIntent.of(bundle);
        if (!declared.isEmpty()) {
            List<RegisteredIntent> registered = withService(IntentRegistry.class, IntentRegistry::intents);
            for (DeclaredIntent intent : declared) {
                boolean ready = registered != null && registered.stream().anyMatch(r -> r.ready()
                        && r.declaredBy().intentType().equals(intent.type())
                        && r.declaredBy().bundleSymbolicName().equals(bundle.getSymbolicName())
                        && r.declaredBy().bundleVersion().equals(bundle.getVersion().toString()));
                if (!ready) {
                    missing.add("intent " + intent + " has no admitted handler");
                }
            }
        }
        List<String> components = withService(ServiceComponentRuntime.class, scr -> unsatisfied(scr, bundle));
        if (components != null) {
            missing.addAll(components);
        }
        return missing;
    }

    private static List<String> unsatisfied(ServiceComponentRuntime scr, Bundle bundle) {
        List<String> missing = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    missing.add("component " + description.name + " failed to activate"
                            + (configuration.failure == null ? "" : ": " + firstLine(configuration.failure)));
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    List<String> references = new ArrayList<>();
                    for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                        references.add(reference.name + " (" + reference.target + ")");
                    }
                    missing.add("component " + description.name + " lacks references " + references);
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                    missing.add("component " + description.name + " lacks its configuration");
                }
            }
        }
        return missing;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    private <S, R> R withService(Class<S> type, java.util.function.Function<S, R> use) {
        ServiceReference<S> reference = context.getServiceReference(type);
        S service = reference == null ? null : context.getService(reference);
        if (service == null) {
            return null;
        }
        try {
            return use.apply(service);
        } finally {
            context.ungetService(reference);
        }
    }
}
