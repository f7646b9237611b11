package org.symphainy.sdk.governance;

/**
 * The stages of the governance pipeline, declared in the order the Runtime runs them. Each stage is one Smart City role,
 * served by the highest-ranked service of that role's interface.
 */
public enum Stage {
    /** Sessions, execution ids and correlation ({@link TrafficCop}). */
    TRAFFIC_COP("Traffic Cop"),
    /** Identity and authorisation ({@link SecurityGuard}). */
    SECURITY_GUARD("Security Guard"),
    /** Tenant policy and quotas ({@link CityManager}). */
    CITY_MANAGER("City Manager"),
    /** Payload schemas ({@link Librarian}). */
    LIBRARIAN("Librarian"),
    /** Data boundaries of the data an intent refers to ({@link DataSteward}). */
    DATA_STEWARD("Data Steward");

    private final String roleName;

    Stage(String roleName) {
        this.roleName = roleName;
    }

    /** The role's name as people write it, such as {@code Security Guard}. */
    public String roleName() {
        return roleName;
    }
}
