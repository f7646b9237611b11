package org.symphainy.citymanager.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** Where the City Manager keeps its files: {@code ${symphainy.data}/city-manager}, else the bundle's own data area. */
final class DataDirectory {

    /** The framework property naming the platform's data directory. */
    static final String DATA_PROPERTY = "symphainy.data";

    private DataDirectory() {
    }

    /** The City Manager's directory (not created here). */
    static Path of(BundleContext context) {
        String data = context.getProperty(DATA_PROPERTY);
        if (data != null && !data.isBlank()) {
            return Path.of(data, "city-manager");
        }
        return context.getDataFile("city-manager").toPath();
    }
}
