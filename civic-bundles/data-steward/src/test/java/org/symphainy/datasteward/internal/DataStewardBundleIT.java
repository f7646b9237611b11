package org.symphainy.datasteward.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The packaged bundle in a real Felix with the container's Declarative Services, ConfigAdmin, jackson-core and the SDK
 * bundle (as the distribution's system/ folder installs them; slf4j comes from the system bundle). The SDK's classes
 * inside the framework are not the test's, so the test calls the service by reflection, through the SDK bundle's own
 * classes. Run by failsafe after {@code package}; the jars come from {@code target/it-bundles} (see the pom).
 */
class DataStewardBundleIT {

    private static final List<String> CONTAINER = List.of("org.osgi.util.function", "org.osgi.util.promise",
            "org.osgi.service.component", "org.apache.felix.scr", "org.apache.felix.configadmin", "jackson-core",
            "symphainy-sdk");
    private static final String SLF4J = "org.slf4j;version=2.0.17, org.slf4j.spi;version=2.0.17, "
            + "org.slf4j.event;version=2.0.17, org.slf4j.helpers;version=2.0.17";
    private static final String SERVICE = "org.symphainy.sdk.governance.DataSteward";
    private static final String CONTACTS = "{\"dataSources\":[\"crm.contacts\"],\"text\":\"hello\"}";

    @TempDir
    Path cache;

    private Felix felix;
    private BundleContext context;
    private Bundle sdk;
    private Bundle configAdmin;
    private Bundle steward;

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SLF4J));
        felix.start();
        context = felix.getBundleContext();
        Path dir = Path.of(required("datasteward.itBundles"));
        List<Bundle> bundles = new ArrayList<>();
        for (String name : CONTAINER) {
            bundles.add(install(dir.resolve(name + ".jar")));
        }
        steward = install(Path.of(required("datasteward.bundle")));
        bundles.add(steward);
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
    void servesTheDataStewardStageWithTheSecureDefault() throws Exception {
        ServiceReference<?> reference = reference();
        assertEquals(steward, reference.getBundle());
        assertEquals(Bundle.ACTIVE, steward.getState());
        Object role = context.getService(reference);

        Object system = decide(role, "system", CONTACTS, Set.of());
        Object acme = decide(role, "acme", CONTACTS, Set.of());

        assertTrue(allowed(system), system.toString());
        assertEquals("DATA_STEWARD", String.valueOf(system.getClass().getMethod("stage").invoke(system)));
        assertEquals("FORBIDDEN", code(acme));
        assertTrue(acme.toString().contains("tenant 'acme' may not reference data source 'crm.contacts'"),
                acme.toString());
    }

    @Test
    void followsConfigAdminAndKeepsThePreviousConfigurationWhenANewOneIsInvalid() throws Exception {
        ServiceReference<?> reference = reference();
        Object serviceId = reference.getProperty(Constants.SERVICE_ID);
        Object role = context.getService(reference);
        String[] valid = {"acme=crm.*"};

        configure(Map.of("boundaries", valid, "personalFields", new String[] {"customer.email"}));
        awaitProperty(reference, "boundaries", valid);

        assertTrue(allowed(decide(role, "acme", CONTACTS, Set.of())));
        String personal = "{\"customer\":{\"email\":\"ann@example.com\"}}";
        assertEquals("FORBIDDEN", code(decide(role, "acme", personal, Set.of("content-editor"))));
        assertTrue(allowed(decide(role, "acme", personal, Set.of("personal-data"))));

        String[] invalid = {"acme", "beta=*"};
        configure(Map.of("boundaries", invalid));
        awaitProperty(reference, "boundaries", invalid);

        assertEquals(serviceId, reference().getProperty(Constants.SERVICE_ID),
                "the component stays up under an invalid configuration");
        assertTrue(allowed(decide(role, "acme", CONTACTS, Set.of())), "acme=crm.* is still in force");
        assertEquals("FORBIDDEN", code(decide(role, "beta", CONTACTS, Set.of())), "beta=* must not apply");
        assertEquals("FORBIDDEN", code(decide(role, "acme", personal, Set.of())), "customer.email stays personal");
    }

    private Bundle install(Path jar) throws Exception {
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run 'mvn verify' on this module, which packages the "
                + "bundle and copies the container's bundles to target/it-bundles");
        return context.installBundle(jar.toUri().toString());
    }

    /** The DataSteward service; all references, as the system bundle would load the SDK from the test's class path. */
    private ServiceReference<?> reference() throws InterruptedException {
        await(() -> references() != null, "no " + SERVICE + " service registered");
        return references()[0];
    }

    private ServiceReference<?>[] references() {
        try {
            return context.getAllServiceReferences(SERVICE, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decision on an intent of {@code tenant} with {@code payload}, from alice holding {@code roles}. */
    private Object decide(Object role, String tenant, String payload, Set<String> roles) throws Exception {
        Class<?> intentType = sdk.loadClass("org.symphainy.sdk.intent.Intent");
        Class<?> jsonType = sdk.loadClass("org.symphainy.sdk.intent.Json");
        Object builder = intentType.getMethod("builder", String.class).invoke(null, "content.ingest");
        for (String[] value : new String[][] {{"tenant", tenant}, {"actor", "alice"}, {"session", "ses-it"},
                {"correlationId", "corr-it"}}) {
            builder = builder.getClass().getMethod(value[0], String.class).invoke(builder, value[1]);
        }
        Object json = jsonType.getMethod("of", String.class).invoke(null, payload);
        builder = builder.getClass().getMethod("payload", jsonType).invoke(builder, json);
        Object intent = builder.getClass().getMethod("build").invoke(builder);
        Object principal = sdk.loadClass("org.symphainy.sdk.identity.Principal")
                .getConstructor(String.class, String.class, Set.class, String.class)
                .newInstance(tenant, "alice", roles, "api-key");
        Class<?> contextType = sdk.loadClass("org.symphainy.sdk.governance.GovernanceContext");
        Object governance = Proxy.newProxyInstance(contextType.getClassLoader(), new Class<?>[] {contextType},
                (proxy, method, args) -> switch (method.getName()) {
                    case "executionId" -> "ex-it-1";
                    case "receivedAt" -> Instant.now();
                    case "decisions" -> List.of();
                    case "principal" -> Optional.of(principal);
                    case "toString" -> "GovernanceContext[ex-it-1]";
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Method decide = sdk.loadClass("org.symphainy.sdk.governance.GovernanceRole").getMethod("decide", intentType,
                contextType);
        return decide.invoke(role, intent, governance);
    }

    private static boolean allowed(Object decision) throws Exception {
        return (Boolean) decision.getClass().getMethod("allowed").invoke(decision);
    }

    private static String code(Object decision) throws Exception {
        return (String) decision.getClass().getMethod("code").invoke(decision);
    }

    /** Sets the Data Steward's configuration through ConfigAdmin. */
    private void configure(Map<String, Object> values) throws Exception {
        Object admin = context.getService(context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin"));
        Class<?> adminType = configAdmin.loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, "org.symphainy.datasteward", "?");
        configAdmin.loadClass("org.osgi.service.cm.Configuration").getMethod("update", java.util.Dictionary.class)
                .invoke(configuration, new Hashtable<>(values));
    }

    /** Waits until the service has {@code key} = {@code value}: Declarative Services sets it after calling @Modified. */
    private static void awaitProperty(ServiceReference<?> reference, String key, String[] value)
            throws InterruptedException {
        await(() -> reference.getProperty(key) instanceof String[] now && Arrays.equals(now, value),
                "the service's " + key + " did not become " + Arrays.toString(value));
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
