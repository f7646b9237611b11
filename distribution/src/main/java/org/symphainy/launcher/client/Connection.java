package org.symphainy.launcher.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the client connects and as whom: {@code --url}, else SYMPHAINY_URL, else the container's own address from
 * {@code etc/symphainy.properties}; the API key from {@code --key-file}, else SYMPHAINY_API_KEY, else the bootstrap
 * administrator's {@code data/admin.key} when this user may read it. Keys are never taken from the command line, where
 * other users of the machine could see them.
 */
record Connection(URI url, String key, Duration timeout) {

    /** The connection {@code options} and {@code env} describe. */
    static Connection of(ClientOptions options, Map<String, String> env, URI defaultUrl, Path dataDir)
            throws ClientException {
        String url = options.option("--url") != null ? options.option("--url")
                : env.get("SYMPHAINY_URL") != null ? env.get("SYMPHAINY_URL") : defaultUrl.toString();
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url : url + "/");
            if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
                throw new IllegalArgumentException("not http or https");
            }
        } catch (IllegalArgumentException e) {
            throw new ClientException(ClientException.USAGE, "'" + url + "' is not an http(s) URL: give e.g. --url "
                    + "http://127.0.0.1:8080");
        }
        return new Connection(base, key(options, env, dataDir), Duration.ofSeconds(seconds(options)));
    }

    /** A client for this connection. */
    ApiClient client() {
        return new ApiClient(url, key, timeout);
    }

    private static String key(ClientOptions options, Map<String, String> env, Path dataDir) throws ClientException {
        if (options.option("--key-file") != null) {
            return read(Path.of(options.option("--key-file")));
        }
        String fromEnv = env.get("SYMPHAINY_API_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        Path bootstrap = dataDir == null ? null : dataDir.resolve("admin.key");
        if (bootstrap != null && Files.isReadable(bootstrap)) {
            return read(bootstrap);
        }
        throw new ClientException(ClientException.ENVIRONMENT, "no API key: give --key-file FILE or set "
                + "SYMPHAINY_API_KEY" + (bootstrap == null ? "" : " (" + bootstrap + " is not readable by this user)"));
    }

    private static String read(Path file) throws ClientException {
        try {
            String key = Files.readString(file).strip();
            if (key.isEmpty()) {
                throw new ClientException(ClientException.USAGE, file + " is empty: it should hold one API key");
            }
            return key;
        } catch (IOException e) {
            throw new ClientException(ClientException.USAGE, "cannot read the API key from " + file + ": " + e.getMessage());
        }
    }

    private static int seconds(ClientOptions options) throws ClientException {
        String value = options.option("--timeout");
        if (value == null) {
            return 30;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 1 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ClientException(ClientException.USAGE, "--timeout is '" + value + "'; give whole seconds from 1 to 3600");
    }
}
