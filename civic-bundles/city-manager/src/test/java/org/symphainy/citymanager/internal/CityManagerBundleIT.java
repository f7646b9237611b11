package org.symphainy.citymanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.symphainy.sdk.governance.CityManager;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Tenants;

/**
 * The built bundle in a real Felix with SCR and ConfigAdmin, the SDK, slf4j and jackson-core coming from the class path
 * as the container's do: it resolves with nothing else, registers both services, decides with the secure default, and
 * takes a policy file named by a configuration update.
 */
class CityManagerBundleIT {

    private static final String SYSTEM_PACKAGES = String.join(",",
            "org.symphainy.sdk.governance;version=1.2.0", "org.symphainy.sdk.identity;version=1.1.0",
            "org.symphainy.sdk.intent;version=1.2.0", "org.symphainy.sdk.runtime;version=1.2.0", "org.slf4j;version=2.0.17",
            "com.fasterxml.jackson.core;version=2.19.1", "org.osgi.service.cm;version=1.6.0");

    @TempDir
    Path work;

    private Felix felix;
    private Bundle cityManager;

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, work.resolve("cache").toString(),
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES,
                DataDirectory.DATA_PROPERTY, work.resolve("data").toString()));
        felix.start();
        BundleContext context = felix.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String jar : System.getProperty("citymanager.container").split(",")) {
            bundles.add(context.installBundle(new File(jar).toURI().toString()));
        }
        cityManager = context.installBundle(new File(System.getProperty("citymanager.bundle")).toURI().toString());
        bundles.add(cityManager);
        for (Bundle bundle : bundles) {
            bundle.start();
        }
    }

    @AfterEach
    void stop() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(felix.getBundleContext(), type, null);
        tracker.open();
        T service = tracker.waitForService(30_000);
        assertNotNull(service, type.getSimpleName() + " service never came");
        return service;
    }

    @Test
    void resolvesOnTheContainersPackagesAndImportsNothingElse() throws IOException {
        assertEquals(Bundle.ACTIVE, cityManager.getState());
        try (JarFile jar = new JarFile(System.getProperty("citymanager.bundle"))) {
            String imports = jar.getManifest().getMainAttributes().getValue(Constants.IMPORT_PACKAGE);
            for (String name : imports.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                String pkg = name.split(";")[0];
                boolean fromContainer = pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("org.osgi.")
                        || pkg.startsWith("org.symphainy.sdk.") || pkg.equals("org.slf4j")
                        || pkg.equals("com.fasterxml.jackson.core");
                assertTrue(fromContainer || name.contains("resolution:=optional"), "unexpected import " + name);
            }
        }
    }

    @Test
    void decidesWithTheSecureDefaultThenWithAConfiguredPolicyFile() throws Exception {
        Tenants tenants = service(Tenants.class);
        CityManager role = service(CityManager.class);
        assertEquals(List.of("system"), tenants.list().stream().map(Tenants.Tenant::id).toList());
        assertTrue(Files.exists(work.resolve("data/city-manager/tenants.json")));

        Decision admin = role.decide(Fixtures.intent("platform.echo", "system"),
                Fixtures.context(Fixtures.principal("system", "admin")));
        assertTrue(admin.allowed(), admin.toString());
        assertTrue(admin.reasons().get(0).contains(SecureDefault.RULE_ID), admin.toString());
        assertEquals(Decision.UNKNOWN_TENANT, role.decide(Fixtures.intent("content.ingest", "acme"),
                Fixtures.context(Fixtures.principal("acme", "editor"))).code());

        tenants.create("acme", "Acme");
        assertFalse(role.decide(Fixtures.intent("content.ingest", "acme"),
                Fixtures.context(Fixtures.principal("acme", "editor"))).allowed());

        Path policy = work.resolve("etc/policies.json");
        Files.createDirectories(policy.getParent());
        Files.writeString(policy, "[{\"id\": \"editors\", \"effect\": \"allow\", \"intent\": \"content.*\", "
                + "\"when\": \"'editor' in principal.roles && payload.tags.exists(t, t == 'ok') && has(payload.n)\"}]");
        Configuration configuration = service(ConfigurationAdmin.class).getConfiguration(CityManagerConfig.PID, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("policyFile", policy.toString());
        properties.put("quotas", new String[] {"acme=1000/1000"});
        configuration.update(properties);

        Decision decision = null;
        for (int i = 0; i < 100 && (decision == null || !decision.allowed()); i++) {
            Thread.sleep(100);
            decision = role.decide(Fixtures.intent("content.ingest", "acme", "{\"tags\": [\"x\", \"ok\"], \"n\": null}"),
                    Fixtures.context(Fixtures.principal("acme", "editor")));
        }
        assertTrue(decision.allowed(), decision.toString());
        assertTrue(decision.reasons().get(0).contains("policy rule 'editors'"), decision.toString());
    }
}
