package org.symphainy.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the container lives and how it is configured: {@code etc/symphainy.properties}, with {@code ${...}} references
 * resolved, under the environment's overrides ({@code SYMPHAINY_HOME}, {@code SYMPHAINY_DATA}, {@code SYMPHAINY_HTTP_PORT}).
 */
record Settings(Path home, Path data, Map<String, String> properties) {

    static final String HOME = "symphainy.home";
    static final String DATA = "symphainy.data";
    static final String ETC = "symphainy.etc";
    static final String DEPLOY = "symphainy.deploy";
    static final String HTTP_HOST = "symphainy.http.host";
    static final String HTTP_PORT = "symphainy.http.port";

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    /** Reads {@code etc/symphainy.properties} under {@code home}, applying the environment's overrides. */
    static Settings load(Map<String, String> env, String homeProperty) throws LaunchException {
        String homeValue = firstOf(env.get("SYMPHAINY_HOME"), homeProperty);
        if (homeValue == null) {
            throw new LaunchException(2, "SYMPHAINY_HOME is not set: start the container with bin/symphainy");
        }
        Path home = Path.of(homeValue).toAbsolutePath().normalize();
        Path file = home.resolve("etc").resolve("symphainy.properties");
        Properties raw = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            raw.load(in);
        } catch (IOException e) {
            throw new LaunchException(3, "cannot read " + file + " (" + e.getMessage() + "): is SYMPHAINY_HOME ("
                    + home + ") a Symphainy installation?");
        }
        Map<String, String> values = new LinkedHashMap<>();
        raw.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, raw.getProperty(key).trim()));
        values.put(HOME, home.toString());
        values.put(ETC, home.resolve("etc").toString());
        values.putIfAbsent(DEPLOY, home.resolve("deploy").toString());
        // one source for the data directory, shared with bin/symphainy (which keeps its class-data archive there)
        Path data = Path.of(firstOf(env.get("SYMPHAINY_DATA"), home.resolve("data").toString())).toAbsolutePath().normalize();
        values.put(DATA, data.toString());
        if (env.get("SYMPHAINY_HTTP_PORT") != null) {
            values.put(HTTP_PORT, env.get("SYMPHAINY_HTTP_PORT").trim());
        }
        return new Settings(home, data, resolve(values));
    }

    /** These settings with {@code overrides} put over their properties. */
    Settings with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(properties);
        merged.putAll(overrides);
        return new Settings(home, data, merged);
    }

    /** The value of a property, or {@code fallback}. */
    String get(String key, String fallback) {
        return properties.getOrDefault(key, fallback);
    }

    Path etc() {
        return home.resolve("etc");
    }

    Path system() {
        return home.resolve("system");
    }

    Path deploy() {
        return Path.of(properties.get(DEPLOY));
    }

    /** The HTTP port, checked: a number from 1 to 65535. */
    int httpPort() throws LaunchException {
        String value = properties.getOrDefault(HTTP_PORT, "8080");
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException(2, "HTTP port '" + value + "' is not a port number (1-65535): fix SYMPHAINY_HTTP_PORT or "
                + HTTP_PORT + " in etc/symphainy.properties");
    }

    String httpHost() {
        return properties.getOrDefault(HTTP_HOST, "127.0.0.1");
    }

    /** Replaces {@code ${key}} references by other properties' values, or by system properties. */
    static Map<String, String> resolve(Map<String, String> values) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            resolved.put(entry.getKey(), substitute(entry.getValue(), values, 0));
        }
        return resolved;
    }

    private static String substitute(String value, Map<String, String> values, int depth) {
        if (depth > 10 || value.indexOf("${") < 0) {
            return value;
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = values.getOrDefault(m.group(1), System.getProperty(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    replacement == null ? m.group() : substitute(replacement, values, depth + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
