package org.symphainy.citymanager.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.governance.Tenants;

/**
 * The platform's tenants, kept in {@code ${symphainy.data}/city-manager/tenants.json} and rewritten whole (atomically)
 * on every change. Secure default: on first start only the tenant {@value #SYSTEM} exists, the bootstrap
 * administrator's. Reads (every decision asks) see an immutable snapshot and take no lock; changes are serialised and
 * become visible only once written to disk.
 */
@Component(service = Tenants.class)
public final class TenantRegistry implements Tenants {

    /** The bootstrap administrator's tenant: always present, never suspended. */
    static final String SYSTEM = "system";

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.citymanager");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final int MAX_TEXT = 500;

    private final TenantFile file;
    private volatile Map<String, Tenant> tenants;

    /** The tenants in the City Manager's data directory. */
    @Activate
    public TenantRegistry(BundleContext context) throws IOException {
        this(DataDirectory.of(context).resolve("tenants.json"));
    }

    /** The tenants in {@code path}; creates it with the {@value #SYSTEM} tenant alone if it does not exist. */
    TenantRegistry(Path path) throws IOException {
        this.file = new TenantFile(path);
        List<Tenant> stored = file.read();
        if (stored == null) {
            stored = List.of(new Tenant(SYSTEM, "Platform administration", false, null));
            file.write(stored);
            LOG.info("tenants: first start, created {} with the tenant '{}' alone", path, SYSTEM);
        }
        TreeMap<String, Tenant> byId = new TreeMap<>();
        stored.forEach(tenant -> byId.put(tenant.id(), tenant));
        this.tenants = Map.copyOf(byId);
    }

    @Override
    public synchronized Tenant create(String id, String displayName) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("tenant id '" + id + "' is not valid: use 1 to 63 characters of a-z, 0-9, "
                    + "'.', '_' or '-', starting with a letter or digit, such as 'acme' or 'acme-eu'");
        }
        if (tenants.containsKey(id)) {
            throw new IllegalArgumentException("tenant '" + id + "' already exists; choose another id, or resume it if "
                    + "it is suspended");
        }
        String name = displayName == null || displayName.isBlank() ? id : text("displayName", displayName);
        Tenant tenant = new Tenant(id, name, false, null);
        store(tenant);
        LOG.info("tenant '{}' created ({})", id, name);
        return tenant;
    }

    @Override
    public synchronized boolean suspend(String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("suspending tenant '" + id + "' needs a reason: it is shown to every "
                    + "caller whose intent is denied");
        }
        if (SYSTEM.equals(id)) {
            throw new IllegalArgumentException("tenant '" + SYSTEM + "' cannot be suspended: it holds the bootstrap "
                    + "administrator, who would lose the means to resume anything");
        }
        Tenant tenant = tenants.get(id);
        if (tenant == null) {
            return false;
        }
        store(new Tenant(id, tenant.displayName(), true, text("reason", reason)));
        LOG.info("tenant '{}' suspended: {}", id, reason);
        return true;
    }

    @Override
    public synchronized boolean resume(String id) {
        Tenant tenant = tenants.get(id);
        if (tenant == null) {
            return false;
        }
        if (tenant.suspended()) {
            store(new Tenant(id, tenant.displayName(), false, null));
            LOG.info("tenant '{}' resumed", id);
        }
        return true;
    }

    @Override
    public Optional<Tenant> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(tenants.get(id));
    }

    @Override
    public List<Tenant> list() {
        return List.copyOf(new TreeMap<>(tenants).values());
    }

    /** Writes the tenants with {@code changed} in place, then publishes them; a failed write changes nothing. */
    private void store(Tenant changed) {
        TreeMap<String, Tenant> next = new TreeMap<>(tenants);
        next.put(changed.id(), changed);
        try {
            file.write(new ArrayList<>(next.values()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file.path() + " (" + e.getMessage()
                    + "); nothing was changed: check the disk and the directory's permissions, then retry", e);
        }
        tenants = Map.copyOf(next);
    }

    private static String text(String what, String value) {
        if (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_TEXT
                    + " characters without control characters");
        }
        return value;
    }
}
