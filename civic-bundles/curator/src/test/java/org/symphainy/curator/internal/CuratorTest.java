package org.symphainy.curator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.registry.AdmittedHandler;
import org.symphainy.sdk.registry.RegisteredIntent;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaRefusal;
import org.symphainy.sdk.saga.SagaStep;
import org.symphainy.sdk.saga.Sagas;
import org.symphainy.sdk.testkit.SdkPackages;

/** The Curator in a real Felix: bundles declare intents in their manifests and register handler services. */
class CuratorTest {

    @TempDir
    Path cache;

    private Felix felix;
    private Curator curator;

    @BeforeEach
    void start() throws BundleException {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString(),
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SdkPackages.systemPackagesExtra()));
        felix.start();
        curator = new Curator(felix.getBundleContext());
    }

    @AfterEach
    void stop() throws Exception {
        curator.deactivate();
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    void admitsAHandlerForAnIntentItsBundleDeclares() throws Exception {
        Bundle bundle = solution("org.acme.echo", "test.echo;version=1.0.0");
        register(bundle, new EchoV1());

        AdmittedHandler admitted = curator.resolve("test.echo", null).orElseThrow();

        assertEquals("org.acme.echo", admitted.ref().bundleSymbolicName());
        assertEquals("1.0.0", admitted.ref().intentVersion());
        assertTrue(admitted.handler() instanceof EchoV1);
        assertEquals(List.of(true), curator.intents().stream().map(RegisteredIntent::ready).toList());
    }

    @Test
    void refusesAHandlerForAnUndeclaredIntent() throws Exception {
        Bundle bundle = solution("org.acme.sneaky", null);
        register(bundle, new EchoV1());

        assertEquals(Optional.empty(), curator.resolve("test.echo", null));
        assertEquals(1, curator.refusals().size());
        assertTrue(curator.refusals().get(0).reason().contains("does not declare intent test.echo 1.0.0"),
                curator.refusals().get(0).reason());
    }

    @Test
    void refusesAHandlerWithoutProvidesIntent() throws Exception {
        register(solution("org.acme.plain", "test.echo;version=1.0.0"), (intent, context) -> Result.empty());

        assertTrue(curator.refusals().get(0).reason().contains("has no @ProvidesIntent"), curator.refusals().toString());
    }

    @Test
    void reportsADeclaredIntentWithoutAHandler() throws Exception {
        solution("org.acme.lazy", "test.echo;version=1.0.0");

        RegisteredIntent intent = curator.intents().get(0);

        assertFalse(intent.ready());
        assertTrue(intent.detail().contains("no handler is registered"), intent.detail());
    }

    @Test
    void aDeclaredSagaNeedsNoHandlerAndCountsAsReady() throws Exception {
        solution("org.acme.orders", "test.saga;version=1.0.0");
        assertFalse(curator.intents().get(0).ready(), "not a saga the Conductor checked yet");

        SagaDefinition definition = SagaDefinition.builder("test.saga")
                .step(SagaStep.builder("echo", "test.echo").build()).build();
        felix.getBundleContext().registerService(Sagas.class, new Sagas() {
            @Override
            public Optional<SagaDefinition> definition(String intentType) {
                return "test.saga".equals(intentType) ? Optional.of(definition) : Optional.empty();
            }

            @Override
            public List<String> intentTypes() {
                return List.of("test.saga");
            }

            @Override
            public List<SagaRefusal> refusals() {
                return List.of();
            }
        }, null);

        RegisteredIntent intent = curator.intents().get(0);
        assertTrue(intent.ready(), intent.detail());
        assertFalse(intent.handler(), "ready without a handler of its own");
        assertTrue(intent.detail().contains("a saga"), intent.detail());
        assertEquals(Optional.empty(), curator.resolve("test.saga", null), "still no handler to call");
    }

    @Test
    void resolvesTheHighestVersionInsideTheRange() throws Exception {
        register(solution("org.acme.v1", "test.echo;version=1.0.0"), new EchoV1());
        register(solution("org.acme.v15", "test.echo;version=1.5.0"), new EchoV15());
        register(solution("org.acme.v2", "test.echo;version=2.0.0"), new EchoV2());

        assertEquals("1.5.0", curator.resolve("test.echo", "[1.0,2.0)").orElseThrow().ref().intentVersion());
        assertEquals("2.0.0", curator.resolve("test.echo", null).orElseThrow().ref().intentVersion());
        assertEquals("1.0.0", curator.resolve("test.echo", "[1.0,1.5)").orElseThrow().ref().intentVersion());
        assertEquals(Optional.empty(), curator.resolve("test.echo", "[3.0,4.0)"));
        assertEquals(Optional.empty(), curator.resolve("test.other", null));
    }

    @Test
    void aSecondProviderOfTheSameVersionWaitsUntilTheFirstLeaves() throws Exception {
        Bundle first = solution("org.acme.first", "test.echo;version=1.0.0");
        register(first, new EchoV1());
        register(solution("org.acme.second", "test.echo;version=1.0.0"), new EchoV1());
        assertTrue(curator.refusals().get(0).reason().contains("already served by org.acme.first 1.0.0"),
                curator.refusals().toString());

        first.stop();

        assertEquals("org.acme.second", curator.resolve("test.echo", null).orElseThrow().ref().bundleSymbolicName());
        assertEquals(List.of(), curator.refusals());
    }

    @Test
    void aStoppedBundleTakesItsIntentsAlong() throws Exception {
        Bundle bundle = solution("org.acme.echo", "test.echo;version=1.0.0");
        register(bundle, new EchoV1());

        bundle.stop();

        assertEquals(Optional.empty(), curator.resolve("test.echo", null));
        assertEquals(List.of(), curator.intents());
    }

    private void register(Bundle bundle, IntentHandler handler) {
        bundle.getBundleContext().registerService(IntentHandler.class, handler, null);
    }

    /** A started bundle that imports the SDK and declares {@code intent} ("type;version=x"), or nothing. */
    private Bundle solution(String symbolicName, String intent) throws IOException, BundleException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        main.putValue(Constants.IMPORT_PACKAGE, "org.symphainy.sdk.intent");
        if (intent != null) {
            String[] parts = intent.split(";version=");
            main.putValue(Constants.PROVIDE_CAPABILITY,
                    "symphainy.intent;symphainy.intent=\"" + parts[0] + "\";version:Version=\"" + parts[1] + "\"");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.flush();
        }
        Bundle bundle = felix.getBundleContext().installBundle("test:" + symbolicName, new ByteArrayInputStream(bytes.toByteArray()));
        bundle.start();
        return bundle;
    }

    @ProvidesIntent(value = "test.echo", version = "1.0.0")
    static final class EchoV1 implements IntentHandler {
        @Override
        public Result handle(org.symphainy.sdk.intent.Intent intent, org.symphainy.sdk.intent.RuntimeContext context) {
            return Result.empty();
        }
    }

    @ProvidesIntent(value = "test.echo", version = "1.5.0")
    static final class EchoV15 implements IntentHandler {
        @Override
        public Result handle(org.symphainy.sdk.intent.Intent intent, org.symphainy.sdk.intent.RuntimeContext context) {
            return Result.empty();
        }
    }

    @ProvidesIntent(value = "test.echo", version = "2.0.0")
    static final class EchoV2 implements IntentHandler {
        @Override
        public Result handle(org.symphainy.sdk.intent.Intent intent, org.symphainy.sdk.intent.RuntimeContext context) {
            return Result.empty();
        }
    }
}
