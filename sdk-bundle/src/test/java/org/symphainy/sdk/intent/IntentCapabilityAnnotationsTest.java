package org.symphainy.sdk.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.jar.Attributes;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.sample.consumer.OnboardingSolution;
import org.symphainy.sdk.sample.provider.IngestHandler;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

/**
 * Builds sample bundles with bnd (as bnd-maven-plugin does) from the compiled samples in
 * {@code org.symphainy.sdk.sample.*} and checks the exact capability headers the SDK's annotations generate.
 */
class IntentCapabilityAnnotationsTest {

    @Test
    void providesIntentGeneratesTheIntentCapability() throws Exception {
        Built bundle = build(IngestHandler.class.getPackageName());

        assertEquals(List.of(), bundle.errors);
        assertEquals("symphainy.intent;symphainy.intent=\"content.ingest\";version:Version=\"1.0.0\"",
                bundle.header("Provide-Capability"));
        assertNull(bundle.header("Require-Capability"));
    }

    @Test
    void aPayloadSchemaBecomesTheCapabilitysSchemaAttribute() throws Exception {
        Built bundle = build(org.symphainy.sdk.sample.schema.ValidatedHandler.class.getPackageName());

        assertEquals(List.of(), bundle.errors);
        assertEquals("symphainy.intent;symphainy.intent=\"content.classify\";version:Version=\"2.1.0\";"
                + "schema=\"schemas/content.classify.json\"", bundle.header("Provide-Capability"));
    }

    @Test
    void requiresIntentGeneratesAFilterOnTheIntentType() throws Exception {
        Built bundle = build(OnboardingSolution.class.getPackageName());

        assertEquals(List.of(), bundle.errors);
        assertEquals("symphainy.intent;filter:=\"(symphainy.intent=content.ingest)\"",
                bundle.header("Require-Capability"));
        assertNull(bundle.header("Provide-Capability"));
    }

    @Test
    void requiresIntentWithAVersionAddsTheRangeToTheFilter() throws Exception {
        Built bundle = build("org.symphainy.sdk.sample.versioned");

        assertEquals(List.of(), bundle.errors);
        assertEquals("symphainy.intent;filter:=\"(&(symphainy.intent=insights.analyze)"
                + "(&(version>=1.2.0)(!(version>=3.0.0))))\","
                + "symphainy.intent;filter:=\"(&(symphainy.intent=outcomes.propose)"
                + "(&(version>=1.1.0)(!(version>=2.0.0))))\"", bundle.header("Require-Capability"));
    }

    @Test
    void aVersionThatIsNotOneFailsTheBundleBuild() throws Exception {
        Built bundle = build("org.symphainy.sdk.sample.badversion");

        assertFalse(bundle.errors.isEmpty(), "bnd must refuse @RequiresIntent(version = \"latest\")");
        assertTrue(bundle.errors.get(0).contains("is neither a version nor a version range"), bundle.errors.get(0));
    }

    @Test
    void providesIntentIsReadableAtRunTimeForTheCurator() {
        ProvidesIntent declared = IngestHandler.class.getAnnotation(ProvidesIntent.class);

        assertEquals("content.ingest", declared.value());
        assertEquals("1.0.0", declared.version());
    }

    @Test
    void aSagaDefinitionBecomesTheCapabilitysSagaAttribute() throws Exception {
        Built bundle = build(org.symphainy.sdk.sample.saga.OrderSaga.class.getPackageName());

        assertEquals(List.of(), bundle.errors);
        assertEquals("symphainy.intent;symphainy.intent=\"orders.place\";version:Version=\"1.0.0\";"
                + IntentNamespace.SAGA_ATTRIBUTE + "=\"sagas/orders.place.json\"", bundle.header("Provide-Capability"));
    }

    @Test
    void theNamespaceConstantsMatchTheGeneratedHeaders() {
        assertEquals("symphainy.intent", IntentNamespace.NAMESPACE);
        assertEquals(IntentNamespace.NAMESPACE, IntentNamespace.INTENT_ATTRIBUTE);
        assertEquals("version", IntentNamespace.VERSION_ATTRIBUTE);
        assertTrue(ProvidesIntent.class.isAnnotation());
    }

    private record Built(Attributes manifest, List<String> errors) {
        String header(String name) {
            return manifest.getValue(name);
        }
    }

    private static Built build(String samplePackage) throws Exception {
        try (Builder builder = new Builder()) {
            builder.setProperty("Bundle-SymbolicName", samplePackage);
            builder.setProperty("-includepackage", samplePackage);
            builder.setProperty("-noee", "true");
            builder.addClasspath(location(ProvidesIntent.class));
            builder.addClasspath(location(IngestHandler.class));
            Jar jar = builder.build();
            return new Built(jar.getManifest().getMainAttributes(), List.copyOf(builder.getErrors()));
        }
    }

    private static File location(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
