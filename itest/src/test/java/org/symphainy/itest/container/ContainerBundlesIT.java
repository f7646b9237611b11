package org.symphainy.itest.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.Constants.EXAM_FAIL_ON_UNRESOLVED_KEY;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots the distribution's bundle set in a real Felix (Pax Exam, native container) and checks that every bundle is
 * ACTIVE (a fragment RESOLVED), and that the runtime bundle registers the deploy folder's {@link ArtifactInstaller}.
 *
 * <p>The bundles are the jars of the unpacked distribution's {@code system/<start level>/} (system property
 * {@code symphainy.dist}, set by failsafe), each at its folder's start level; org.slf4j comes from the system bundle
 * through the distribution's own {@code org.osgi.framework.system.packages.extra} ({@code etc/symphainy.properties}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContainerBundlesIT {

    /** Symbolic name of the Symphainy runtime kernel bundle. */
    private static final String RUNTIME_BUNDLE = "org.symphainy.runtime";
    /** How long a service may take to appear before the test fails: a failure bound, not a timing check. */
    private static final long SERVICE_WAIT_MILLIS = 30_000;

    /** The probe's bundle context, injected by Pax Exam. */
    @Inject
    private BundleContext context;

    /** The framework: the distribution's system bundles and settings, with a fresh deploy folder and a free HTTP port. */
    @Configuration
    public Option[] configuration() throws IOException {
        Path dist = distribution();
        Properties container = containerProperties(dist);
        Path work = Files.createDirectories(dist.resolveSibling("pax-exam"));
        return options(
                systemBundles(dist),
                systemPackage(property(container, Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA)),
                frameworkStartLevel(Integer.parseInt(property(container, Constants.FRAMEWORK_BEGINNING_STARTLEVEL))),
                frameworkProperty("symphainy.deploy").value(Files.createTempDirectory(work, "deploy-").toString()),
                frameworkProperty("felix.fileinstall.dir").value(Files.createTempDirectory(work, "etc-").toString()),
                frameworkProperty("org.osgi.service.http.port").value(String.valueOf(freePort())),
                frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"),
                systemProperty(EXAM_FAIL_ON_UNRESOLVED_KEY).value("true"),
                systemProperty("org.ops4j.pax.url.mvn.localRepository").value(required("maven.repo.local")),
                systemProperty("org.ops4j.pax.url.mvn.repositories").value(""),
                junitBundles());
    }

    /** Every jar of system/ is installed, and every bundle in the framework is ACTIVE, or RESOLVED for a fragment. */
    @Test
    public void everyBundleIsActive() {
        List<String> problems = new ArrayList<>();
        for (Path jar : systemJars(distribution())) {
            if (context.getBundle(location(jar)) == null) {
                problems.add(jar + ": not installed");
            }
        }
        Arrays.stream(context.getBundles()).filter(bundle -> !isReady(bundle)).map(ContainerBundlesIT::describe)
                .forEach(problems::add);
        assertEquals("bundles not ACTIVE (fragments: not RESOLVED)", List.of(), problems);
    }

    /** The runtime bundle registers an ArtifactInstaller, and it claims a jar dropped into the deploy folder. */
    @Test
    public void runtimeBundleRegistersTheDeployFolderInstaller() throws InterruptedException {
        ServiceTracker<ArtifactInstaller, ArtifactInstaller> tracker = installersRegisteredBy(RUNTIME_BUNDLE);
        tracker.open();
        try {
            ArtifactInstaller installer = tracker.waitForService(SERVICE_WAIT_MILLIS);
            assertNotNull("no ArtifactInstaller service from " + RUNTIME_BUNDLE + " within " + SERVICE_WAIT_MILLIS
                    + " ms; " + RUNTIME_BUNDLE + ": " + describe(RUNTIME_BUNDLE) + "; ArtifactInstaller services: "
                    + installerRegistrations(), installer);
            File dropped = Path.of(context.getProperty("symphainy.deploy"), "dropped.jar").toFile();
            assertTrue("the installer does not claim " + dropped, installer.canHandle(dropped));
        } finally {
            tracker.close();
        }
    }

    /** Tracks the ArtifactInstaller services one bundle registers, and no others (FileInstall registers its own). */
    private ServiceTracker<ArtifactInstaller, ArtifactInstaller> installersRegisteredBy(String symbolicName) {
        return new ServiceTracker<>(context, ArtifactInstaller.class, null) {
            @Override
            public ArtifactInstaller addingService(ServiceReference<ArtifactInstaller> reference) {
                Bundle registrant = reference.getBundle();
                return registrant != null && symbolicName.equals(registrant.getSymbolicName())
                        ? super.addingService(reference) : null;
            }
        };
    }

    /** Each registered ArtifactInstaller service and the bundle that registered it, for failure messages. */
    private List<String> installerRegistrations() {
        try {
            return context.getServiceReferences(ArtifactInstaller.class, null).stream()
                    .map(reference -> reference.getProperty(Constants.SERVICE_ID) + " from " + describe(reference.getBundle()))
                    .collect(Collectors.toList());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The state of the bundle with this symbolic name, or that there is none. */
    private String describe(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .map(ContainerBundlesIT::describe).findFirst().orElse("not installed");
    }

    /** Name, version, id and state of a bundle, e.g. {@code org.symphainy.runtime 0.1.0.SNAPSHOT [12]: RESOLVED}. */
    private static String describe(Bundle bundle) {
        return bundle == null ? "(unregistered)"
                : bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]: " + state(bundle);
    }

    /** True if the bundle is where it should be: ACTIVE, or RESOLVED for a fragment. */
    private static boolean isReady(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        return bundle.getState() == (fragment ? Bundle.RESOLVED : Bundle.ACTIVE);
    }

    /** The name of a bundle's state. */
    private static String state(Bundle bundle) {
        switch (bundle.getState()) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "state " + bundle.getState();
        }
    }

    /** Every jar of system/, provisioned as the launcher does; none is an error. */
    private static Option systemBundles(Path dist) {
        List<Path> jars = systemJars(dist);
        if (jars.isEmpty()) {
            throw new IllegalStateException("no bundles in " + dist.resolve("system") + ": the distribution is incomplete");
        }
        return composite(jars.stream().map(ContainerBundlesIT::provision).toArray(Option[]::new));
    }

    /** A jar of system/, installed at its folder's start level and started, unless it is a fragment. */
    private static Option provision(Path jar) {
        return bundle(location(jar)).startLevel(startLevel(jar)).start(!isFragment(jar));
    }

    /** The jars of {@code system/<start level>/}, in start order. */
    private static List<Path> systemJars(Path dist) {
        try (Stream<Path> files = Files.walk(dist.resolve("system"), 2)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start level a jar's folder names. */
    private static int startLevel(Path jar) {
        return Integer.parseInt(jar.getParent().getFileName().toString());
    }

    /** True if the jar's manifest makes it a fragment. */
    private static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The location a jar is installed under: its file URL. */
    private static String location(Path jar) {
        return jar.toUri().toString();
    }

    /** The distribution's {@code etc/symphainy.properties}, as written (no {@code ${...}} resolved). */
    private static Properties containerProperties(Path dist) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(dist.resolve("etc").resolve("symphainy.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** A property of {@code etc/symphainy.properties} that must be there. */
    private static String property(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is missing from etc/symphainy.properties");
        }
        return value.trim();
    }

    /** The unpacked distribution (system property {@code symphainy.dist}). */
    private static Path distribution() {
        return Path.of(required("symphainy.dist"));
    }

    /** A system property failsafe sets (see itest/pom.xml). */
    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is not set: run the test through mvn verify");
        }
        return value;
    }

    /** A port nobody listens on now, for Jetty. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
