package org.symphainy.itest.container;

import static org.ops4j.pax.exam.Constants.EXAM_FAIL_ON_UNRESOLVED_KEY;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Constants;

/**
 * The unpacked distribution as Pax Exam options: the jars of {@code system/<start level>/} at their start levels, the
 * system packages and beginning start level of its {@code etc/symphainy.properties}, a fresh deploy folder, data
 * directory and HTTP port — the container every Pax Exam test boots.
 */
final class Distribution {

    private Distribution() {
    }

    /** The container, with its own folders under {@code target/pax-exam/}. */
    static Option container() throws IOException {
        Properties container = containerProperties();
        Path work = Files.createDirectories(home().resolveSibling("pax-exam"));
        return composite(
                systemBundles(),
                systemPackage(property(container, Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA)),
                frameworkStartLevel(Integer.parseInt(property(container, Constants.FRAMEWORK_BEGINNING_STARTLEVEL))),
                frameworkProperty("symphainy.deploy").value(Files.createTempDirectory(work, "deploy-").toString()),
                frameworkProperty("symphainy.data").value(Files.createTempDirectory(work, "data-").toString()),
                frameworkProperty("felix.fileinstall.dir").value(Files.createTempDirectory(work, "etc-").toString()),
                frameworkProperty("org.osgi.service.http.port").value(String.valueOf(freePort())),
                frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"),
                systemProperty(EXAM_FAIL_ON_UNRESOLVED_KEY).value("true"),
                systemProperty("org.ops4j.pax.url.mvn.localRepository").value(required("maven.repo.local")),
                systemProperty("org.ops4j.pax.url.mvn.repositories").value(""),
                junitBundles());
    }

    /** The unpacked distribution (system property {@code symphainy.dist}). */
    static Path home() {
        return Path.of(required("symphainy.dist"));
    }

    /** The jars of {@code system/<start level>/}, in start order. */
    static List<Path> systemJars() {
        try (Stream<Path> files = Files.walk(home().resolve("system"), 2)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The location a jar is installed under: its file URL. */
    static String location(Path jar) {
        return jar.toUri().toString();
    }

    /** A system property failsafe sets (see itest/pom.xml). */
    static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is not set: run the test through mvn verify");
        }
        return value;
    }

    private static Option systemBundles() {
        List<Path> jars = systemJars();
        if (jars.isEmpty()) {
            throw new IllegalStateException("no bundles in " + home().resolve("system") + ": the distribution is incomplete");
        }
        return composite(jars.stream().map(Distribution::provision).toArray(Option[]::new));
    }

    /** A jar of system/, installed at its folder's start level and started, unless it is a fragment. */
    private static Option provision(Path jar) {
        return bundle(location(jar)).startLevel(Integer.parseInt(jar.getParent().getFileName().toString())).start(!isFragment(jar));
    }

    private static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties containerProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(home().resolve("etc").resolve("symphainy.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    private static String property(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is missing from etc/symphainy.properties");
        }
        return value.trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
