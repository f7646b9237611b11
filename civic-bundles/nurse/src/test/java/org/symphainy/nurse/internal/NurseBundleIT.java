package org.symphainy.nurse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The packaged bundle in a real Felix with the container's Declarative Services, ConfigAdmin and the SDK bundle (the
 * distribution's system/5 and system/15). The SDK's classes inside the framework are not the test's, so the test calls
 * the services by reflection, through the SDK bundle's own classes. Run by failsafe after {@code package}; the jars come
 * from {@code target/it-bundles} (maven-dependency-plugin, see the pom).
 */
class NurseBundleIT {

    private static final List<String> CONTAINER = List.of("org.osgi.util.function", "org.osgi.util.promise",
            "org.osgi.service.component", "org.apache.felix.scr", "org.apache.felix.configadmin", "symphainy-sdk");
    private static final String SLF4J = "org.slf4j;version=2.0.17, org.slf4j.spi;version=2.0.17, "
            + "org.slf4j.event;version=2.0.17, org.slf4j.helpers;version=2.0.17";
    private static final String RETRY = "org.symphainy.sdk.runtime.RetryPolicies";
    private static final String HEALTH = "org.symphainy.sdk.health.IntentHealth";

    @TempDir
    Path cache;

    private Felix felix;
    private BundleContext context;
    private Bundle sdk;
    private Bundle nurse;
    private Bundle configAdmin;

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SLF4J));
        felix.start();
        context = felix.getBundleContext();
        Path dir = Path.of(required("nurse.itBundles"));
        List<Bundle> bundles = new ArrayList<>();
        for (String name : CONTAINER) {
            bundles.add(install(dir.resolve(name + ".jar")));
        }
        nurse = install(Path.of(required("nurse.bundle")));
        bundles.add(nurse);
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        sdk = bundles.get(CONTAINER.indexOf("symphainy-sdk"));
        configAdmin = bundles.get(CONTAINER.indexOf("org.apache.felix.configadmin"));
    }

    @AfterEach
    void stop() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    void servesRetryPoliciesAndIntentHealthThatFollowsTheRegistry() throws Exception {
        ServiceReference<?> retryRef = reference(RETRY);
        ServiceReference<?> healthRef = reference(HEALTH);
        assertEquals(nurse, retryRef.getBundle());
        assertEquals(nurse, healthRef.getBundle());
        assertEquals(Bundle.ACTIVE, nurse.getState());
        Object retry = context.getService(retryRef);
        Object health = context.getService(healthRef);

        assertEquals(10, maxAttempts(retry, "content.ingest"), "the platform's default policy");
        Object report = report(health);
        assertEquals(false, value(report, "registryAvailable"));
        assertEquals(false, value(report, "runtimeAvailable"));
        assertTrue(value(report, "notices").toString().contains("no Runtime is available"), report.toString());

        registerEmptyRegistry();

        await(() -> Boolean.TRUE.equals(value(report(health), "registryAvailable")),
                "the health service did not bind the intent registry");
        assertFalse(value(report(health), "notices").toString().contains("no intent registry"));
    }

    @Test
    void followsConfigAdminAndKeepsThePreviousPoliciesWhenANewOneIsInvalid() throws Exception {
        ServiceReference<?> retryRef = reference(RETRY);
        Object serviceId = retryRef.getProperty(Constants.SERVICE_ID);
        Object retry = context.getService(retryRef);

        configure(Map.of("policies", "content.*=maxAttempts:3,initialInterval:500ms; content.ingest=none"));
        await(() -> maxAttempts(retry, "content.parse") == 3, "the configured policy of content.* is not in force");
        assertEquals(1, maxAttempts(retry, "content.ingest"), "the exact type wins over its prefix");
        assertEquals(10, maxAttempts(retry, "orders.place"), "other types keep the default");

        configure(Map.of("policies", "content.*=maxAttempts:4; orders.*=jitter:7"));
        awaitProperty(retryRef, "policies", "content.*=maxAttempts:4; orders.*=jitter:7");

        assertEquals(serviceId, reference(RETRY).getProperty(Constants.SERVICE_ID),
                "the component stays up under an invalid configuration");
        assertEquals(3, maxAttempts(retry, "content.parse"), "the previous policies are still in force");
    }

    private Bundle install(Path jar) throws Exception {
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run 'mvn verify' on this module, which packages the "
                + "bundle and copies the container's bundles to target/it-bundles");
        return context.installBundle(jar.toUri().toString());
    }

    /** The service registered under {@code type}, from any class space (see the traffic cop's IT). */
    private ServiceReference<?> reference(String type) throws InterruptedException {
        await(() -> references(type) != null, "no " + type + " service registered");
        return references(type)[0];
    }

    private ServiceReference<?>[] references(String type) {
        try {
            return context.getAllServiceReferences(type, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers, from the SDK bundle (whose classes the Nurse uses), an intent registry with nothing in it. */
    private void registerEmptyRegistry() throws Exception {
        Class<?> type = sdk.loadClass("org.symphainy.sdk.registry.IntentRegistry");
        Object registry = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "intents", "refusals" -> List.of();
                    case "resolve" -> Optional.empty();
                    case "toString" -> "empty IntentRegistry";
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        sdk.getBundleContext().registerService(type.getName(), registry, null);
    }

    private int maxAttempts(Object retry, String intentType) {
        try {
            Object policy = sdk.loadClass(RETRY).getMethod("forIntent", String.class).invoke(retry, intentType);
            return (Integer) value(policy, "maxAttempts");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object report(Object health) {
        try {
            return sdk.loadClass(HEALTH).getMethod("report").invoke(health);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(Object record, String accessor) {
        try {
            return record.getClass().getMethod(accessor).invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the Nurse's configuration through ConfigAdmin. */
    private void configure(Map<String, Object> values) throws Exception {
        Object admin = context.getService(reference("org.osgi.service.cm.ConfigurationAdmin"));
        Class<?> adminType = configAdmin.loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, "org.symphainy.nurse", "?");
        configAdmin.loadClass("org.osgi.service.cm.Configuration").getMethod("update", java.util.Dictionary.class)
                .invoke(configuration, new Hashtable<>(values));
    }

    /** Waits until the service has {@code key} = {@code value}: Declarative Services sets it after calling @Modified. */
    private static void awaitProperty(ServiceReference<?> reference, String key, String value) throws InterruptedException {
        await(() -> value.equals(String.valueOf(reference.getProperty(key))), "the service's " + key + " stayed "
                + reference.getProperty(key) + ", expected " + value);
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " within 10 s");
            }
            Thread.sleep(20);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        assertNotNull(value, "system property " + property + " is not set: run this test with 'mvn verify' (failsafe)");
        return value;
    }
}
