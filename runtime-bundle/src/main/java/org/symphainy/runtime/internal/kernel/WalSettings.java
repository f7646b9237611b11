package org.symphainy.runtime.internal.kernel;

import java.nio.file.Path;
import java.util.Locale;

import org.osgi.framework.BundleContext;
import org.symphainy.runtime.internal.wal.ChainCheck;
import org.symphainy.runtime.internal.wal.Durability;
import org.symphainy.runtime.internal.wal.WalOptions;

/** Where the kernel's WAL lives and how it is opened, from the kernel's configuration. */
final class WalSettings {

    private WalSettings() {
    }

    /** The configured directory, else {@code ${symphainy.data}/wal}, else the bundle's own data area. */
    static Path directory(BundleContext context, KernelConfig config) {
        if (!config.walDirectory().isBlank()) {
            return Path.of(config.walDirectory());
        }
        String data = context.getProperty("symphainy.data");
        return data != null ? Path.of(data, "wal") : context.getDataFile("wal").toPath();
    }

    /** Durability and chain check as configured; a wrong durability value says what is allowed. */
    static WalOptions options(KernelConfig config) {
        Durability durability = switch (config.durability().trim().toLowerCase(Locale.ROOT)) {
            case "fsync" -> Durability.FSYNC;
            case "async" -> Durability.ASYNC;
            default -> throw new IllegalArgumentException("durability '" + config.durability()
                    + "' is not known: use fsync (the default) or async in etc/org.symphainy.runtime.cfg");
        };
        return WalOptions.builder().durability(durability)
                .chainCheck(config.allowBrokenChain() ? ChainCheck.REPORT_BROKEN : ChainCheck.REQUIRE_INTACT).build();
    }
}
