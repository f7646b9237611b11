package org.symphainy.postoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

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
 * distribution's system/5 and system/15), and a stand-in Runtime service registered through the SDK bundle (the kernel
 * is not installed: it is tested on its own). The SDK's classes inside the framework are not the test's, so the test
 * calls the services by reflection, through the SDK bundle's own classes. Run by failsafe after {@code package}; the jars
 * come from {@code target/it-bundles} (maven-dependency-plugin, see the pom).
 */
class PostOfficeBundleIT {

    private static final List<String> CONTAINER = List.of("org.osgi.util.function", "org.osgi.util.promise",
            "org.osgi.service.component", "org.apache.felix.scr", "org.apache.felix.configadmin", "symphainy-sdk");
    private static final String SLF4J = "org.slf4j;version=2.0.17, org.slf4j.spi;version=2.0.17, "
            + "org.slf4j.event;version=2.0.17, org.slf4j.helpers;version=2.0.17";
    private static final String KNOWN = "ex-it-1";

    @TempDir
    Path cache;

    private Felix felix;
    private BundleContext context;
    private Bundle sdk;
    private Bundle postOffice;
    private Bundle configAdmin;

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SLF4J));
        felix.start();
        context = felix.getBundleContext();
        Path dir = Path.of(required("postoffice.itBundles"));
        List<Bundle> bundles = new ArrayList<>();
        for (String name : CONTAINER) {
            bundles.add(install(dir.resolve(name + ".jar")));
        }
        postOffice = install(Path.of(required("postoffice.bundle")));
        bundles.add(postOffice);
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        sdk = bundles.get(CONTAINER.indexOf("symphainy-sdk"));
        configAdmin = bundles.get(CONTAINER.indexOf("org.apache.felix.configadmin"));
        registerRuntime();
    }

    @AfterEach
    void stop() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    void registersThePostOfficeAndDeliversAnExecutionsUpdates() throws Exception {
        ServiceReference<?> reference = reference("org.symphainy.sdk.delivery.PostOffice");
        assertEquals(postOffice, reference.getBundle());
        assertEquals(Bundle.ACTIVE, postOffice.getState());
        Object service = context.getService(reference);
        List<String> received = new CopyOnWriteArrayList<>();

        subscribe(service, KNOWN, 0, received);
        await(() -> received.size() == 2, "the subscriber got " + received);

        assertEquals("update 1 COMPLETED", received.get(0));
        assertTrue(received.get(1).startsWith("end EXECUTION_ENDED 1"), received.get(1));
        InvocationTargetException unknown = org.junit.jupiter.api.Assertions.assertThrows(InvocationTargetException.class,
                () -> subscribe(service, "ex-404", 0, new CopyOnWriteArrayList<>()));
        Object code = unknown.getCause().getClass().getMethod("code").invoke(unknown.getCause());
        assertEquals("UNKNOWN_EXECUTION", code.toString());
    }

    @Test
    void followsConfigAdminAndStaysUpUnderAnInvalidConfiguration() throws Exception {
        ServiceReference<?> reference = reference("org.symphainy.sdk.delivery.PostOffice");
        Object serviceId = reference.getProperty(Constants.SERVICE_ID);

        configure(Map.of("maxLagUpdates", 50, "deliveryThreads", 2));
        awaitProperty(reference, "maxLagUpdates", "50");
        configure(Map.of("maxLagUpdates", 0));
        awaitProperty(reference, "maxLagUpdates", "0");

        assertEquals(serviceId, reference("org.symphainy.sdk.delivery.PostOffice").getProperty(Constants.SERVICE_ID),
                "the component stays up under an invalid configuration");
        List<String> received = new CopyOnWriteArrayList<>();
        subscribe(context.getService(reference), KNOWN, 0, received);
        await(() -> received.size() == 2, "the subscriber got " + received);
    }

    /**
     * Registers, through the SDK bundle (whose package it is), a Runtime knowing one ended execution, {@value #KNOWN}:
     * its subscription sends the final update; its recorded execution is not available, so the Post Office delivers from
     * that update.
     */
    private void registerRuntime() throws Exception {
        Class<?> runtimeType = sdk.loadClass("org.symphainy.sdk.runtime.Runtime");
        Class<?> updateType = sdk.loadClass("org.symphainy.sdk.runtime.ExecutionUpdate");
        Class<?> stateType = sdk.loadClass("org.symphainy.sdk.runtime.ExecutionState");
        Class<?> stepType = sdk.loadClass("org.symphainy.sdk.runtime.Step");
        Class<?> failureType = sdk.loadClass("org.symphainy.sdk.runtime.Failure");
        Class<?> subscriptionType = sdk.loadClass("org.symphainy.sdk.runtime.Subscription");
        Class<?> codeType = sdk.loadClass("org.symphainy.sdk.intent.ErrorCode");
        Class<?> exceptionType = sdk.loadClass("org.symphainy.sdk.intent.IntentException");
        Object completed = stateType.getMethod("valueOf", String.class).invoke(null, "COMPLETED");
        Object update = updateType.getConstructor(String.class, long.class, Instant.class, stateType, stepType, failureType)
                .newInstance(KNOWN, 1L, Instant.parse("2026-11-24T00:00:00Z"), completed, null, null);
        Object subscription = Proxy.newProxyInstance(sdk.adapt(org.osgi.framework.wiring.BundleWiring.class)
                .getClassLoader(), new Class<?>[] {subscriptionType}, (proxy, method, args) -> defaults(proxy, method, args));
        Object runtime = Proxy.newProxyInstance(runtimeType.getClassLoader(), new Class<?>[] {runtimeType},
                (proxy, method, args) -> switch (method.getName()) {
                    case "subscribe" -> {
                        if (!KNOWN.equals(args[0])) {
                            throw (Throwable) exceptionType.getConstructor(codeType, String.class).newInstance(
                                    codeType.getMethod("valueOf", String.class).invoke(null, "UNKNOWN_EXECUTION"),
                                    "no execution " + args[0]);
                        }
                        @SuppressWarnings("unchecked")
                        Consumer<Object> listener = (Consumer<Object>) args[1];
                        listener.accept(update);
                        yield subscription;
                    }
                    case "execution" -> Optional.empty();
                    default -> defaults(proxy, method, args);
                });
        sdk.getBundleContext().registerService(runtimeType.getName(), runtime, new Hashtable<>());
    }

    private static Object defaults(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "toString" -> "stand-in " + method.getDeclaringClass().getSimpleName();
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "close" -> null;
            default -> throw new UnsupportedOperationException(method.getName());
        };
    }

    /** Subscribes a recording subscriber: "update N STATE" per update, "end REASON LAST message" at the end. */
    private void subscribe(Object postOffice, String executionId, long after, List<String> received) throws Exception {
        Class<?> subscriberType = sdk.loadClass("org.symphainy.sdk.delivery.Subscriber");
        Object subscriber = Proxy.newProxyInstance(subscriberType.getClassLoader(), new Class<?>[] {subscriberType},
                (proxy, method, args) -> switch (method.getName()) {
                    case "deliver" -> {
                        received.add("update " + get(args[0], "sequence") + " " + get(args[0], "state"));
                        yield null;
                    }
                    case "ended" -> {
                        received.add("end " + get(args[0], "reason") + " " + get(args[0], "lastSequence") + " "
                                + get(args[0], "message"));
                        yield null;
                    }
                    default -> defaults(proxy, method, args);
                });
        sdk.loadClass("org.symphainy.sdk.delivery.PostOffice").getMethod("subscribe", String.class, long.class,
                subscriberType).invoke(postOffice, executionId, after, subscriber);
    }

    private static Object get(Object record, String accessor) throws Exception {
        return record.getClass().getMethod(accessor).invoke(record);
    }

    private Bundle install(Path jar) throws Exception {
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run 'mvn verify' on this module, which packages the "
                + "bundle and copies the container's bundles to target/it-bundles");
        return context.installBundle(jar.toUri().toString());
    }

    /** The service registered under {@code type}, from every bundle's class space. */
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

    /** Sets the Post Office's configuration through ConfigAdmin. */
    private void configure(Map<String, Object> values) throws Exception {
        Object admin = context.getService(reference("org.osgi.service.cm.ConfigurationAdmin"));
        Class<?> adminType = configAdmin.loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, "org.symphainy.postoffice", "?");
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
