package org.symphainy.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path home;

    @Test
    void resolvesReferencesBetweenProperties() throws Exception {
        write("symphainy.http.port = 8080\norg.osgi.service.http.port = ${symphainy.http.port}\n"
                + "org.osgi.framework.storage = ${symphainy.data}/cache\n");

        Settings settings = Settings.load(Map.of(), home.toString());

        assertEquals("8080", settings.properties().get("org.osgi.service.http.port"));
        assertEquals(home.resolve("data/cache").toString(), settings.properties().get("org.osgi.framework.storage"));
        assertEquals(home.resolve("deploy"), settings.deploy());
    }

    @Test
    void theEnvironmentOverridesHomeDataAndPort() throws Exception {
        write("symphainy.http.port = 8080\norg.osgi.service.http.port = ${symphainy.http.port}\n"
                + "log = ${symphainy.data}/log\n");
        Path data = home.resolve("elsewhere");

        Settings settings = Settings.load(Map.of("SYMPHAINY_HOME", home.toString(), "SYMPHAINY_DATA", data.toString(),
                "SYMPHAINY_HTTP_PORT", "9191"), "/not/used");

        assertEquals(home, settings.home());
        assertEquals(data, settings.data());
        assertEquals(9191, settings.httpPort());
        assertEquals("9191", settings.properties().get("org.osgi.service.http.port"));
        assertEquals(data.resolve("log").toString(), settings.properties().get("log"));
    }

    @Test
    void aBadPortSaysWhatToFix() throws Exception {
        write("symphainy.http.port = 70000\n");

        LaunchException e = assertThrows(LaunchException.class, () -> Settings.load(Map.of(), home.toString()).httpPort());

        assertEquals(LaunchException.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("'70000' is not a port number"), e.getMessage());
    }

    @Test
    void aMissingInstallationIsReported() {
        LaunchException e = assertThrows(LaunchException.class, () -> Settings.load(Map.of(), home.resolve("nothing").toString()));

        assertEquals(LaunchException.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().contains("is SYMPHAINY_HOME"), e.getMessage());
    }

    @Test
    void overridesGoOverThePropertiesAndKeepTheRest() throws Exception {
        write("a = 1\nb = 2\n");

        Settings settings = Settings.load(Map.of(), home.toString()).with(Map.of("b", "3", "c", "4"));

        assertEquals("1", settings.get("a", null));
        assertEquals("3", settings.get("b", null));
        assertEquals("4", settings.get("c", null));
        assertEquals(home.resolve("data"), settings.data());
    }

    @Test
    void anUnknownReferenceStaysVisible() {
        assertEquals("${nope}/x", Settings.resolve(Map.of("a", "${nope}/x")).get("a"));
    }

    private void write(String properties) throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/symphainy.properties"), properties);
    }
}
