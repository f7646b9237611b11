package org.symphainy.librarian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Librarian;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.testkit.SdkPackages;

/**
 * The built bundle jar in a Felix that offers only what the container offers (Declarative Services, the jackson-core
 * bundle, slf4j and the SDK): it must resolve, publish its Librarian service, and find the resources its embedded
 * libraries load at run time (meta-schema, messages, Unicode tables, leap seconds), which unit tests on a flat class
 * path cannot notice missing. Runs after packaging (failsafe).
 */
class BundleJarIT {

    private static final String SDK_PACKAGES = SdkPackages.systemPackagesExtra();

    private static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["title"],
             "properties": {"title": {"type": "string", "pattern": "^\\\\w+$"},
                            "receivedAt": {"type": "string", "format": "date-time"},
                            "host": {"type": "string", "format": "idn-hostname"}}}
            """;

    @TempDir
    Path cache;

    private Felix felix;
    private Bundle librarianBundle;
    private final StubRegistry registry = new StubRegistry();

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString(),
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.slf4j;version=2.0.17," + SDK_PACKAGES));
        felix.start();
        BundleContext context = felix.getBundleContext();
        context.registerService(IntentRegistry.class, registry, null);
        List<Bundle> installed = new ArrayList<>();
        for (String containerClass : List.of("org.osgi.util.function.Function", "org.osgi.util.promise.Promise",
                "org.osgi.service.component.ComponentContext", "org.apache.felix.scr.info.ScrInfo",
                "com.fasterxml.jackson.core.JsonFactory")) {
            installed.add(context.installBundle(jarOf(containerClass)));
        }
        librarianBundle = context.installBundle(Path.of(System.getProperty("librarian.jar")).toUri().toString());
        installed.add(librarianBundle);
        for (Bundle bundle : installed) {
            bundle.start();
        }
    }

    @AfterEach
    void stop() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    void importsOnlyWhatTheContainerExports() {
        String imports = librarianBundle.getHeaders().get(Constants.IMPORT_PACKAGE);
        for (String imported : imports.split(",(?=[a-z])")) {
            String name = imported.split(";")[0];
            assertTrue(name.startsWith("java.") || name.startsWith("javax.xml.") || name.startsWith("org.w3c.dom")
                    || name.startsWith("org.xml.sax") || name.startsWith("org.osgi.") || name.equals("org.slf4j")
                    || name.startsWith("com.fasterxml.jackson.core") || name.startsWith("org.symphainy.sdk."),
                    "unexpected import " + imported + " in " + imports);
        }
        assertEquals(Bundle.ACTIVE, librarianBundle.getState());
    }

    @Test
    void checksPayloadsWithEveryEmbeddedResourceInReach() throws Exception {
        new TestBundles.Jar("org.acme.content", "1.0.0")
                .intent("content.ingest", "1.0.0", "schemas/content.ingest.json")
                .resource("schemas/content.ingest.json", SCHEMA).installAndStart(felix.getBundleContext());
        registry.serve("org.acme.content", "content.ingest", "1.0.0");
        Librarian librarian = librarian();

        Decision valid = librarian.decide(intent("{\"title\": \"report\", \"receivedAt\": \"2026-11-24T09:30:00Z\","
                + " \"host\": \"b\u00fccher.example\"}"), null);
        Decision invalid = librarian.decide(intent("{\"title\": \"two words\", \"receivedAt\": \"2016-12-31T23:59:60Z\","
                + " \"host\": \"-bad-\"}"), null);

        assertTrue(valid.allowed(), valid.toString());
        assertEquals(List.of("/host: does not match the idn-hostname pattern must be a valid RFC 5890 internationalized"
                + " hostname", "/title: does not match the regex pattern ^\\w+$"), invalid.reasons().subList(1, 3));
    }

    @Test
    void reportsABrokenSchemaWithItsPosition() throws Exception {
        new TestBundles.Jar("org.acme.content", "1.0.0")
                .intent("content.ingest", "1.0.0", "s.json")
                .resource("s.json", "{\"type\": \"object\",\n \"required\": name}").installAndStart(felix.getBundleContext());
        registry.serve("org.acme.content", "content.ingest", "1.0.0");

        Decision decision = librarian().decide(intent("{}"), null);

        assertEquals(Decision.PAYLOAD_INVALID, decision.code());
        assertTrue(decision.reasons().get(0).contains("is broken (it is not JSON: line 2, column 19: Unrecognized token"
                + " 'name'"), decision.toString());
    }

    private Librarian librarian() throws InterruptedException {
        ServiceTracker<Librarian, Librarian> tracker = new ServiceTracker<>(felix.getBundleContext(), Librarian.class, null);
        tracker.open();
        Librarian librarian = tracker.waitForService(10_000);
        assertNotNull(librarian, "no Librarian service: " + librarianBundle.getSymbolicName() + " is in state "
                + librarianBundle.getState());
        return librarian;
    }

    private static Intent intent(String payload) {
        return Intent.builder("content.ingest").tenant("acme").session("s-1").actor("ada").correlationId("c-1")
                .payload(Json.of(payload)).build();
    }

    private static String jarOf(String className) throws ClassNotFoundException {
        return Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toString();
    }
}
