package org.symphainy.sdk.governance;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The tenants the City Manager keeps (a service of the City Manager role bundle): an intent of an unknown tenant is
 * denied with {@link Decision#UNKNOWN_TENANT}, one of a suspended tenant with {@link Decision#FORBIDDEN}.
 */
@ProviderType
public interface Tenants {

    /** Creates an active tenant; throws IllegalArgumentException if the id is taken or not a valid id. */
    Tenant create(String id, String displayName);

    /** Suspends a tenant: its intents are denied until it is resumed. False if there is no such tenant. */
    boolean suspend(String id, String reason);

    /** Resumes a suspended tenant. False if there is no such tenant. */
    boolean resume(String id);

    /** The tenant with this id, if any. */
    Optional<Tenant> find(String id);

    /** Every tenant, by id. */
    List<Tenant> list();

    /**
     * A tenant.
     *
     * @param id its id, as intents name it
     * @param displayName its name for people
     * @param suspended whether its intents are denied now
     * @param suspendedBecause why it was suspended, or null
     */
    record Tenant(String id, String displayName, boolean suspended, String suspendedBecause) {
    }
}
