package org.symphainy.foundations.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

class ResolutionDiagnosisTest {

    @TempDir
    Path cache;

    private Felix felix;
    private BundleContext context;

    @BeforeEach
    void startFramework() throws BundleException {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        context = felix.getBundleContext();
    }

    @AfterEach
    void stopFramework() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    void namesAMissingPackageAndSaysNobodyProvidesIt() throws Exception {
        Bundle bundle = install("org.acme.needy", "1.0.0", Map.of(
                Constants.IMPORT_PACKAGE, "org.nowhere.api;version=\"[1.0,2.0)\""));

        BundleException failure = assertThrows(BundleException.class, bundle::start);

        assertEquals("cannot resolve: it imports package org.nowhere.api version >=1.0.0 <2.0.0, which no installed bundle provides",
                ResolutionDiagnosis.explain(context, bundle, failure));
    }

    @Test
    void namesTheVersionsThatAreThereWhenTheRangeMissesThem() throws Exception {
        install("org.acme.provider", "3.1.0", Map.of(Constants.EXPORT_PACKAGE, "org.acme.api;version=3.1.0"));
        Bundle needy = install("org.acme.needy", "1.0.0", Map.of(
                Constants.IMPORT_PACKAGE, "org.acme.api;version=\"[1.0,2.0)\""));

        List<String> missing = ResolutionDiagnosis.missingRequirements(context, needy);

        assertEquals(List.of("imports package org.acme.api version >=1.0.0 <2.0.0, which is available only as "
                + "version 3.1.0 from org.acme.provider 3.1.0"), missing);
    }

    @Test
    void listsEveryMissingRequirementAndIgnoresOptionalOnes() throws Exception {
        Bundle bundle = install("org.acme.needy", "1.0.0", Map.of(
                Constants.IMPORT_PACKAGE, "org.gone.one, org.gone.two;resolution:=optional",
                Constants.REQUIRE_BUNDLE, "org.gone.bundle;bundle-version=\"[2,3)\""));

        List<String> missing = ResolutionDiagnosis.missingRequirements(context, bundle);

        assertEquals(2, missing.size(), missing.toString());
        assertTrue(missing.contains("imports package org.gone.one, which no installed bundle provides"), missing.toString());
        assertTrue(missing.contains("requires bundle org.gone.bundle version >=2.0.0 <3.0.0, which no installed bundle provides"),
                missing.toString());
    }

    @Test
    void aSatisfiedBundleHasNothingMissing() throws Exception {
        install("org.acme.provider", "1.0.0", Map.of(Constants.EXPORT_PACKAGE, "org.acme.api;version=1.2.0"));
        Bundle consumer = install("org.acme.consumer", "1.0.0", Map.of(
                Constants.IMPORT_PACKAGE, "org.acme.api;version=\"[1.0,2.0)\", org.osgi.framework"));

        assertEquals(List.of(), ResolutionDiagnosis.missingRequirements(context, consumer));
        consumer.start();
        assertEquals(Bundle.ACTIVE, consumer.getState());
    }

    @Test
    void describesOtherNamespacesInWords() {
        assertEquals("needs the extender osgi.serviceloader.processor version >=1.0.0 <2.0.0",
                RequirementText.describe("osgi.extender",
                        "(&(osgi.extender=osgi.serviceloader.processor)(version>=1.0.0)(!(version>=2.0.0)))"));
        assertEquals("needs the execution environment JavaSE version =17",
                RequirementText.describe("osgi.ee", "(&(osgi.ee=JavaSE)(version=17))"));
        assertEquals("requires capability symphainy.intent matching (symphainy.intent=content.ingest)",
                RequirementText.describe("symphainy.intent", "(symphainy.intent=content.ingest)"));
    }

    @Test
    void flattensACauseChainIntoOneLine() {
        Exception failure = new BundleException("Activator start error in bundle org.acme 1.0.0",
                new IllegalStateException("database\nunreachable"));

        assertEquals("Activator start error in bundle org.acme 1.0.0: database unreachable", ResolutionDiagnosis.oneLine(failure));
    }

    private Bundle install(String symbolicName, String version, Map<String, String> headers) throws IOException, BundleException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, version);
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.flush();
        }
        return context.installBundle("test:" + symbolicName, new ByteArrayInputStream(bytes.toByteArray()));
    }
}
