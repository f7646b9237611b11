package org.symphainy.librarian.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * A real Felix for the tests, and small solution bundles built in memory: a manifest declaring intents
 * ({@code Provide-Capability: symphainy.intent}, with a {@code schema} attribute where given) and resources.
 */
final class TestBundles implements AutoCloseable {

    private final Felix felix;

    TestBundles(Path cache) throws BundleException {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
    }

    /** The framework. */
    Felix felix() {
        return felix;
    }

    /** A bundle to build and start in this framework: version 1.0.0 unless told otherwise. */
    Jar bundle(String symbolicName) {
        return new Jar(symbolicName, "1.0.0").in(felix.getBundleContext());
    }

    @Override
    public void close() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
    }

    /** A bundle jar built in memory; {@link #start()} installs and starts it. */
    static final class Jar {

        private final String symbolicName;
        private String version;
        private BundleContext context;
        private final List<String> capabilities = new ArrayList<>();
        private final Map<String, String> resources = new LinkedHashMap<>();

        Jar(String symbolicName, String version) {
            this.symbolicName = symbolicName;
            this.version = version;
        }

        /** Sets the framework {@link #start()} installs into. */
        Jar in(BundleContext context) {
            this.context = context;
            return this;
        }

        /** Sets the bundle version. */
        Jar version(String version) {
            this.version = version;
            return this;
        }

        /** Declares intent {@code type} in {@code intentVersion} with the schema at {@code schemaPath} (null: none). */
        Jar intent(String type, String intentVersion, String schemaPath) {
            capabilities.add("symphainy.intent;symphainy.intent=\"" + type + "\";version:Version=\"" + intentVersion + "\""
                    + (schemaPath == null ? "" : ";schema=\"" + schemaPath + "\""));
            return this;
        }

        /** Declares intent {@code type} 1.0.0, no payload schema, returning the artifact kinds {@code kinds}. */
        Jar intentWithArtifacts(String type, String... kinds) {
            capabilities.add("symphainy.intent;symphainy.intent=\"" + type + "\";version:Version=\"1.0.0\";artifacts:List<String>=\""
                    + String.join(",", kinds) + "\"");
            return this;
        }

        /** Adds a resource with UTF-8 {@code content}. */
        Jar resource(String path, String content) {
            resources.put(path, content);
            return this;
        }

        /** Installs and starts the bundle in the framework set with {@link #in}. */
        Bundle start() throws IOException, BundleException {
            return installAndStart(context);
        }

        /** Installs and starts the bundle in the framework of {@code target}. */
        Bundle installAndStart(BundleContext target) throws IOException, BundleException {
            Bundle bundle = target.installBundle("test:" + symbolicName + ":" + System.nanoTime(),
                    new ByteArrayInputStream(bytes()));
            bundle.start();
            return bundle;
        }

        /** Replaces {@code bundle}'s content with this jar (same symbolic name expected); the framework restarts it. */
        void updates(Bundle bundle) throws IOException, BundleException {
            bundle.update(new ByteArrayInputStream(bytes()));
        }

        /** The jar's bytes. */
        byte[] bytes() throws IOException {
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
            main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
            main.putValue(Constants.BUNDLE_VERSION, version);
            if (!capabilities.isEmpty()) {
                main.putValue(Constants.PROVIDE_CAPABILITY, String.join(",", capabilities));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
                for (Map.Entry<String, String> resource : resources.entrySet()) {
                    jar.putNextEntry(new JarEntry(resource.getKey()));
                    jar.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                    jar.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
    }
}
