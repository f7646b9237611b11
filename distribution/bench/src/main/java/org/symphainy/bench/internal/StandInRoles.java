package org.symphainy.bench.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.symphainy.sdk.governance.CityManager;
import org.symphainy.sdk.governance.DataSteward;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceRole;
import org.symphainy.sdk.governance.Librarian;
import org.symphainy.sdk.governance.SecurityGuard;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.governance.TrafficCop;

/**
 * Allow-all services for the governance roles no bundle serves, registered in the bench's own temporary container
 * only: the kernel denies every intent while a role is missing, and the Smart City role bundles do not exist yet. Each
 * decision says it comes from the bench's stand-in. Ranked lowest, so a real role always wins.
 */
final class StandInRoles implements AutoCloseable {

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private StandInRoles() {
    }

    /**
     * Registers a stand-in for every stage, ranked above every other service: the container's roles step aside until
     * {@link #close()} (the governance scenario's bare run, for its throughput ratio).
     */
    static StandInRoles registerOutranking(BundleContext context) {
        StandInRoles roles = new StandInRoles();
        for (Stage stage : Stage.values()) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
            properties.put(Constants.SERVICE_DESCRIPTION, "symphainy bench stand-in " + stage.roleName() + " (allows all)");
            roles.registrations.add(context.registerService(roleInterface(stage).getName(), standIn(stage), properties));
            roles.names.add(stage.roleName());
        }
        return roles;
    }

    /** Registers a stand-in for every stage whose role has no service now. */
    static StandInRoles registerMissing(BundleContext context) {
        StandInRoles roles = new StandInRoles();
        for (Stage stage : Stage.values()) {
            Class<? extends GovernanceRole> role = roleInterface(stage);
            if (!served(context, role)) {
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put(Constants.SERVICE_RANKING, Integer.MIN_VALUE);
                properties.put(Constants.SERVICE_DESCRIPTION, "symphainy bench stand-in " + stage.roleName() + " (allows all)");
                roles.registrations.add(context.registerService(role.getName(), standIn(stage), properties));
                roles.names.add(stage.roleName());
            }
        }
        return roles;
    }

    /** The roles the bench stands in for, in stage order. */
    List<String> names() {
        return List.copyOf(names);
    }

    @Override
    public void close() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
    }

    /** The stand-in of a stage: allows every intent and says why. */
    static GovernanceRole standIn(Stage stage) {
        // as short as a real role's reason might be: every decision is recorded with each execution
        Decision allow = Decision.allow(stage, "stand-in " + stage.roleName() + " of symphainy bench: allows all");
        return switch (stage) {
            case TRAFFIC_COP -> (TrafficCop) (intent, context) -> allow;
            case SECURITY_GUARD -> (SecurityGuard) (intent, context) -> allow;
            case CITY_MANAGER -> (CityManager) (intent, context) -> allow;
            case LIBRARIAN -> (Librarian) (intent, context) -> allow;
            case DATA_STEWARD -> (DataSteward) (intent, context) -> allow;
        };
    }

    static Class<? extends GovernanceRole> roleInterface(Stage stage) {
        return switch (stage) {
            case TRAFFIC_COP -> TrafficCop.class;
            case SECURITY_GUARD -> SecurityGuard.class;
            case CITY_MANAGER -> CityManager.class;
            case LIBRARIAN -> Librarian.class;
            case DATA_STEWARD -> DataSteward.class;
        };
    }

    private static boolean served(BundleContext context, Class<? extends GovernanceRole> role) {
        try {
            return context.getServiceReferences(role.getName(), null) != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
