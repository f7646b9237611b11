package org.symphainy.trafficcop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
class TrafficCopBundleIT {

    private static final List<String> CONTAINER = List.of("org.osgi.util.function", "org.osgi.util.promise",
            "org.osgi.service.component", "org.apache.felix.scr", "org.apache.felix.configadmin", "symphainy-sdk");
    private static final String SLF4J = "org.slf4j;version=2.0.17, org.slf4j.spi;version=2.0.17, "
            + "org.slf4j.event;version=2.0.17, org.slf4j.helpers;version=2.0.17";

    @TempDir
    Path cache;

    private Felix felix;
    private BundleContext context;
    private Bundle sdk;
    private Bundle trafficCop;
    private Bundle configAdmin;

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SLF4J));
        felix.start();
        context = felix.getBundleContext();
        Path dir = Path.of(required("trafficcop.itBundles"));
        List<Bundle> bundles = new ArrayList<>();
        for (String name : CONTAINER) {
            bundles.add(install(dir.resolve(name + ".jar")));
        }
        trafficCop = install(Path.of(required("trafficcop.bundle")));
        bundles.add(trafficCop);
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
    void servesSessionsAndTheTrafficCopStage() throws Exception {
        ServiceReference<?> sessionsRef = reference("org.symphainy.sdk.identity.Sessions");
        ServiceReference<?> roleRef = reference("org.symphainy.sdk.governance.TrafficCop");
        assertEquals(trafficCop, sessionsRef.getBundle());
        assertEquals(trafficCop, roleRef.getBundle());
        assertEquals(Bundle.ACTIVE, trafficCop.getState());
        Object sessions = context.getService(sessionsRef);
        Object role = context.getService(roleRef);

        Object session = call(sessions, "org.symphainy.sdk.identity.Sessions", "open", principal("acme", "alice"));
        String id = (String) session.getClass().getMethod("id").invoke(session);

        assertTrue(id.startsWith("ses_"), id);
        assertTrue(find(sessions, id).isPresent());
        Object allowed = decide(role, id, "alice");
        assertTrue((Boolean) allowed.getClass().getMethod("allowed").invoke(allowed), allowed.toString());
        assertTrue(allowed.toString().contains("execution ex-it-1, correlation id corr-it"), allowed.toString());
        assertEquals("FORBIDDEN", code(decide(role, id, "mallory")));
        assertEquals(true, call(sessions, "org.symphainy.sdk.identity.Sessions", "revoke", id));
        assertEquals("UNAUTHENTICATED", code(decide(role, id, "alice")));
    }

    @Test
    void followsConfigAdminAndKeepsThePreviousConfigurationWhenANewOneIsInvalid() throws Exception {
        ServiceReference<?> sessionsRef = reference("org.symphainy.sdk.identity.Sessions");
        Object serviceId = sessionsRef.getProperty(Constants.SERVICE_ID);
        Object sessions = context.getService(sessionsRef);
        String first = open(sessions);

        configure(Map.of("maxSessionsPerPrincipal", 2));
        awaitProperty(sessionsRef, "maxSessionsPerPrincipal", "2");

        assertTrue(find(sessions, first).isPresent(), "a configuration change must not end sessions");
        String second = open(sessions);
        String third = open(sessions);
        assertFalse(find(sessions, first).isPresent(), "the cap of 2 is in force");

        configure(Map.of("maxSessionsPerPrincipal", 0, "sessionTtlMinutes", -5L));
        awaitProperty(sessionsRef, "maxSessionsPerPrincipal", "0");

        assertEquals(serviceId, reference("org.symphainy.sdk.identity.Sessions").getProperty(Constants.SERVICE_ID),
                "the component stays up under an invalid configuration");
        assertTrue(find(sessions, second).isPresent());
        assertTrue(find(sessions, third).isPresent());
        open(sessions);
        assertFalse(find(sessions, second).isPresent(), "the previous cap of 2 is still in force");
    }

    private Bundle install(Path jar) throws Exception {
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run 'mvn verify' on this module, which packages the "
                + "bundle and copies the container's bundles to target/it-bundles");
        return context.installBundle(jar.toUri().toString());
    }

    /**
     * The service registered under {@code type}. All references, not only those assignable to the system bundle: the
     * system bundle would load the SDK's classes from the test's class path, not from the SDK bundle.
     */
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

    private Object principal(String tenant, String actor) throws Exception {
        return sdk.loadClass("org.symphainy.sdk.identity.Principal")
                .getConstructor(String.class, String.class, java.util.Set.class, String.class)
                .newInstance(tenant, actor, java.util.Set.of("admin"), "api-key");
    }

    private String open(Object sessions) throws Exception {
        Object session = call(sessions, "org.symphainy.sdk.identity.Sessions", "open", principal("acme", "alice"));
        return (String) session.getClass().getMethod("id").invoke(session);
    }

    private Optional<?> find(Object sessions, String id) throws Exception {
        return (Optional<?>) call(sessions, "org.symphainy.sdk.identity.Sessions", "find", id);
    }

    /** The Traffic Cop's decision on an intent of {@code actor} in tenant acme naming session {@code id}. */
    private Object decide(Object role, String id, String actor) throws Exception {
        Class<?> intentType = sdk.loadClass("org.symphainy.sdk.intent.Intent");
        Object builder = intentType.getMethod("builder", String.class).invoke(null, "content.ingest");
        for (String[] value : new String[][] {{"tenant", "acme"}, {"actor", actor}, {"session", id},
                {"correlationId", "corr-it"}}) {
            builder = builder.getClass().getMethod(value[0], String.class).invoke(builder, value[1]);
        }
        Object intent = builder.getClass().getMethod("build").invoke(builder);
        Class<?> contextType = sdk.loadClass("org.symphainy.sdk.governance.GovernanceContext");
        Object governance = Proxy.newProxyInstance(contextType.getClassLoader(), new Class<?>[] {contextType},
                (proxy, method, args) -> switch (method.getName()) {
                    case "executionId" -> "ex-it-1";
                    case "receivedAt" -> Instant.now();
                    case "decisions" -> List.of();
                    case "principal" -> Optional.empty();
                    case "toString" -> "GovernanceContext[ex-it-1]";
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Method decide = sdk.loadClass("org.symphainy.sdk.governance.GovernanceRole").getMethod("decide", intentType,
                contextType);
        return decide.invoke(role, intent, governance);
    }

    private static String code(Object decision) throws Exception {
        return (String) decision.getClass().getMethod("code").invoke(decision);
    }

    /** Calls {@code name} of interface {@code type} (the SDK bundle's class) on {@code target}. */
    private Object call(Object target, String type, String name, Object argument) throws Exception {
        for (Method method : sdk.loadClass(type).getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1) {
                try {
                    return method.invoke(target, argument);
                } catch (InvocationTargetException e) {
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(type + "." + name);
    }

    /** Sets the Traffic Cop's configuration through ConfigAdmin. */
    private void configure(Map<String, Object> values) throws Exception {
        Object admin = context.getService(reference("org.osgi.service.cm.ConfigurationAdmin"));
        Class<?> adminType = configAdmin.loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, "org.symphainy.trafficcop", "?");
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
