package org.symphainy.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.symphainy.foundations.osgi.ResolutionDiagnosis;

/**
 * {@code bin/symphainy bench}: the container, as a normal run starts it, on a temporary data directory under the data
 * directory (so the WAL sits on the same file system as the real one) with a free HTTP port; then the bench bundle(s)
 * of {@code lib/bench/}, which run the kernel's scenarios, print the figures and stop the framework. The bundle reports
 * its outcome through a {@link CompletableFuture} service registered here. The temporary directory is deleted at the end.
 */
final class BenchRun {

    /** The bench's options, handed to the bench bundle as framework properties. */
    record Options(String mode, int seconds, int concurrency) {
        Map<String, String> properties() {
            return Map.of("symphainy.bench.mode", mode, "symphainy.bench.seconds", Integer.toString(seconds),
                    "symphainy.bench.concurrency", Integer.toString(concurrency));
        }
    }

    static final String OUTCOME_PROPERTY = "symphainy.bench.outcome";
    private static final String LOCATION_PREFIX = "symphainy:bench/";

    private BenchRun() {
    }

    /** Runs the bench; returns the process exit code. */
    static int run(Options options, Map<String, String> env, String homeProperty) {
        Path temporary = null;
        try {
            Settings installed = Settings.load(env, homeProperty);
            List<Path> benchJars = benchJars(installed.home().resolve("lib").resolve("bench"));
            temporary = temporaryDirectory(installed.data());
            Settings settings = settings(env, homeProperty, temporary, options);
            Main.useLoggingSettings(settings);
            return runContainer(settings, benchJars);
        } catch (LaunchException e) {
            ConsoleLog.early("ERROR", "bench", e.getMessage());
            return e.exitCode();
        } finally {
            delete(temporary);
        }
    }

    private static int runContainer(Settings settings, List<Path> benchJars) throws LaunchException {
        FileChannel lock = Preflight.lockDataDirectory(settings.data());
        try {
            return runContainer(settings, benchJars, SystemBundles.scan(settings.system()));
        } finally {
            close(lock);
        }
    }

    private static int runContainer(Settings settings, List<Path> benchJars, SystemBundles system) throws LaunchException {
        ShutdownSignal signal = ShutdownSignal.install();
        Container container = new Container(settings);
        try {
            container.start(system, false);
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            BundleContext context = container.bundleContext();
            Hashtable<String, Object> properties = new Hashtable<>(Map.of(OUTCOME_PROPERTY, "true"));
            context.registerService(CompletableFuture.class, outcome, properties);
            for (Bundle bundle : install(context, benchJars)) {
                start(context, bundle);
            }
            container.awaitStop(signal.requested());
            container.stop();
            return exitCode(outcome);
        } catch (LaunchException e) {
            container.stop();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            container.stop();
            return LaunchException.BUNDLE_FAILURE;
        }
    }

    /** 0 if the bench reported success; 1 with its reason if it failed or never finished. */
    private static int exitCode(CompletableFuture<Object> outcome) {
        if (!outcome.isDone()) {
            LifecycleLog.LOG.error("the bench did not finish: the container stopped first (Ctrl-C or SIGTERM?)");
            return LaunchException.BUNDLE_FAILURE;
        }
        try {
            outcome.get();
            return 0;
        } catch (ExecutionException e) {
            LifecycleLog.LOG.error("the bench failed: {}", e.getCause().getMessage());
            return LaunchException.BUNDLE_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LaunchException.BUNDLE_FAILURE;
        }
    }

    /**
     * The container's settings for the bench: the temporary data directory and a free port; quieter logging (warnings
     * and errors still show); no etc/ watcher, so neither etc/*.cfg nor deploy/ reach the temporary container; the
     * bench's options.
     */
    private static Settings settings(Map<String, String> env, String homeProperty, Path data, Options options)
            throws LaunchException {
        Map<String, String> benchEnv = new HashMap<>(env);
        benchEnv.put("SYMPHAINY_DATA", data.toString());
        Settings settings = Settings.load(benchEnv, homeProperty);
        benchEnv.put("SYMPHAINY_HTTP_PORT", Integer.toString(freePort(settings.httpHost())));
        Map<String, String> overrides = new HashMap<>(options.properties());
        overrides.put("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        overrides.put("felix.fileinstall.dir", createDirectory(data.resolve("etc")).toString());
        return Settings.load(benchEnv, homeProperty).with(overrides);
    }

    private static List<Path> benchJars(Path folder) throws LaunchException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jar")) {
            files.forEach(jars::add);
        } catch (IOException e) {
            // reported below
        }
        if (jars.isEmpty()) {
            throw new LaunchException(LaunchException.ENVIRONMENT, "no bench bundle in " + folder
                    + ": the installation is incomplete; unpack the distribution again");
        }
        jars.sort(Comparator.naturalOrder());
        return jars;
    }

    private static List<Bundle> install(BundleContext context, List<Path> jars) throws LaunchException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            try (InputStream in = Files.newInputStream(jar)) {
                bundles.add(context.installBundle(LOCATION_PREFIX + jar.getFileName(), in));
            } catch (IOException | BundleException e) {
                throw new LaunchException(LaunchException.BUNDLE_FAILURE, "bench bundle lib/bench/" + jar.getFileName()
                        + " cannot be installed: " + ResolutionDiagnosis.oneLine(e));
            }
        }
        return bundles;
    }

    private static void start(BundleContext context, Bundle bundle) throws LaunchException {
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new LaunchException(LaunchException.BUNDLE_FAILURE, "bench bundle " + ResolutionDiagnosis.name(bundle)
                    + " (lib/bench/) " + ResolutionDiagnosis.explain(context, bundle, e));
        }
    }

    private static Path temporaryDirectory(Path data) throws LaunchException {
        try {
            Files.createDirectories(data);
            return Files.createTempDirectory(data, "bench-");
        } catch (IOException | SecurityException e) {
            throw new LaunchException(LaunchException.ENVIRONMENT, "cannot create a temporary directory in " + data + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "): point SYMPHAINY_DATA at a writable directory");
        }
    }

    private static Path createDirectory(Path directory) throws LaunchException {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new LaunchException(LaunchException.ENVIRONMENT, "cannot create " + directory + ": " + e.getMessage());
        }
    }

    private static int freePort(String host) throws LaunchException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw Preflight.portUnusable(host, 0, e.toString());
        }
    }

    private static void close(FileChannel lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // the process ends anyway
        }
    }

    /** Deletes the temporary directory and everything in it, as far as it can. */
    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    // left behind; reported below
                }
            });
        } catch (IOException e) {
            // reported below
        }
        if (Files.exists(directory)) {
            ConsoleLog.early("WARN", "bench", "could not delete all of " + directory + "; delete it by hand");
        }
    }
}
