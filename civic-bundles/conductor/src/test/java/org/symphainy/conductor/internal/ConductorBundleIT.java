package org.symphainy.conductor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

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
 * The packaged Conductor in a real Felix with Declarative Services, the SDK and jackson-core (as in the container),
 * and two solution bundles: one declares the saga {@code orders.place}, the other the intents its steps run. The
 * saga is refused while the second bundle is missing, passes once it is deployed, and is refused again when it goes.
 * The SDK's classes inside the framework are not the test's, so the test reads the Sagas service by reflection.
 */
class ConductorBundleIT {

    private static final List<String> CONTAINER = List.of("org.osgi.util.function", "org.osgi.util.promise",
            "org.osgi.service.component", "org.apache.felix.scr", "symphainy-sdk", "jackson-core");
    private static final String SLF4J = "org.slf4j;version=2.0.17, org.slf4j.spi;version=2.0.17, "
            + "org.slf4j.event;version=2.0.17, org.slf4j.helpers;version=2.0.17";
    private static final String SAGA = """
            {"steps": [
              {"name": "reserve", "intent": "stock.reserve", "payload": {"/sku": "/input/sku"},
               "compensation": {"intent": "stock.release", "payload": {"/id": "/steps/reserve/artifacts/stock.reservation/id"}}},
              {"name": "charge", "intent": "payment.charge",
               "payload": {"/reservation": "/steps/reserve/artifacts/stock.reservation/id"}}]}
            """;

    @TempDir
    Path dir;

    private Felix felix;
    private BundleContext context;

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SLF4J));
        felix.start();
        context = felix.getBundleContext();
        Path bundles = Path.of(required("conductor.itBundles"));
        List<Bundle> installed = new ArrayList<>();
        for (String name : CONTAINER) {
            installed.add(install(bundles.resolve(name + ".jar")));
        }
        installed.add(install(Path.of(required("conductor.bundle"))));
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
    void aSagaAcrossTwoBundlesIsRefusedUntilTheBundleOfItsStepsIsDeployedAndAgainWhenItGoes() throws Exception {
        Object sagas = context.getService(reference("org.symphainy.sdk.saga.Sagas"));
        Bundle orders = context.installBundle("orders", Files.newInputStream(jar("org.acme.orders",
                "symphainy.intent;symphainy.intent=\"orders.place\";version:Version=\"1.0.0\";saga=\"sagas/orders.place.json\"",
                Map.of("sagas/orders.place.json", SAGA))));
        orders.start();

        await(() -> refusals(sagas).size() == 1, "the saga of a bundle whose step intents are missing was not refused");
        String refused = refusals(sagas).get(0).toString();
        assertTrue(refused.contains("step 'reserve': UNKNOWN_INTENT") && refused.contains("step 'charge': UNKNOWN_INTENT"),
                refused);
        assertEquals(Optional.empty(), definition(sagas));

        Bundle stock = context.installBundle("stock", Files.newInputStream(jar("org.acme.stock",
                "symphainy.intent;symphainy.intent=\"stock.reserve\";version:Version=\"1.0.0\";"
                        + "artifacts:List<String>=\"stock.reservation=schemas/r.json\","
                        + "symphainy.intent;symphainy.intent=\"stock.release\";version:Version=\"1.0.0\","
                        + "symphainy.intent;symphainy.intent=\"payment.charge\";version:Version=\"1.0.0\"", Map.of())));
        stock.start();

        await(() -> refusals(sagas).isEmpty(), "the saga was still refused once its step intents were deployed");
        assertTrue(definition(sagas).isPresent());
        assertEquals(List.of("orders.place"), sagas.getClass().getMethod("intentTypes").invoke(sagas));

        stock.uninstall();

        await(() -> refusals(sagas).size() == 1, "the saga was not refused again when its step intents went");
    }

    @Test
    void aDefinitionThatReadsAnArtifactKindItsStepDoesNotDeclareIsRefusedNamingTheStep() throws Exception {
        Object sagas = context.getService(reference("org.symphainy.sdk.saga.Sagas"));
        context.installBundle("orders", Files.newInputStream(jar("org.acme.orders",
                "symphainy.intent;symphainy.intent=\"orders.place\";version:Version=\"1.0.0\";saga=\"sagas/o.json\","
                        + "symphainy.intent;symphainy.intent=\"stock.reserve\";version:Version=\"1.0.0\","
                        + "symphainy.intent;symphainy.intent=\"stock.release\";version:Version=\"1.0.0\","
                        + "symphainy.intent;symphainy.intent=\"payment.charge\";version:Version=\"1.0.0\"",
                Map.of("sagas/o.json", SAGA)))).start();

        await(() -> refusals(sagas).size() == 1, "the saga reading an undeclared artifact kind was not refused");
        String refused = refusals(sagas).get(0).toString();
        assertTrue(refused.contains("step 'charge': UNDECLARED_ARTIFACT"), refused);
        assertTrue(refused.contains("step 'reserve': UNDECLARED_ARTIFACT"), "the compensation reads it too: " + refused);
    }

    private Path jar(String symbolicName, String capabilities, Map<String, String> resources) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        main.putValue(Constants.PROVIDE_CAPABILITY, capabilities);
        Path jar = dir.resolve(symbolicName + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                zip.putNextEntry(new JarEntry(resource.getKey()));
                zip.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static List<?> refusals(Object sagas) {
        try {
            return (List<?>) sagas.getClass().getMethod("refusals").invoke(sagas);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<?> definition(Object sagas) throws ReflectiveOperationException {
        return (Optional<?>) sagas.getClass().getMethod("definition", String.class).invoke(sagas, "orders.place");
    }

    private Bundle install(Path jar) throws Exception {
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run 'mvn verify' on this module, which packages the "
                + "bundle and copies the container's bundles to target/it-bundles");
        return context.installBundle(jar.toUri().toString());
    }

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
