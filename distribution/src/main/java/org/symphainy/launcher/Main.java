package org.symphainy.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** {@code bin/symphainy}: starts the container in the foreground. */
public final class Main {

    static final String HELP = String.join("\n",
            "Usage: symphainy [--clean] [--help] [--version]",
            "",
            "Starts the Symphainy container in the foreground and prints one line when it is ready:",
            "  Symphainy <version> ready in <N> ms (<B> bundles active)",
            "Stop it with Ctrl-C or SIGTERM: bundles stop in reverse start order and the process exits 0.",
            "",
            "Options:",
            "  --clean     start with an empty framework cache (data/cache); bundles in deploy/ are installed again",
            "  --version   print the version and exit",
            "  --help      print this help and exit",
            "",
            "Environment:",
            "  SYMPHAINY_HOME       the installation: bin/, etc/, system/, deploy/ (default: the folder above bin/)",
            "  SYMPHAINY_DATA       framework cache, state and logs (default: $SYMPHAINY_HOME/data)",
            "  SYMPHAINY_HTTP_PORT  HTTP port (default: symphainy.http.port in etc/symphainy.properties, 8080)",
            "  JAVA_HOME, JAVA_OPTS the Java runtime (17 or later) and its options",
            "",
            "Layout:",
            "  etc/symphainy.properties  container and framework properties; etc/*.cfg go to ConfigAdmin",
            "  system/<start level>/     platform bundles, installed at that start level",
            "  deploy/                   hot deploy: drop a bundle jar in (atomically: copy, then rename), replace it",
            "                            to update it, delete it to uninstall it",
            "  data/log/symphainy.log    everything printed to the console, rotated by size",
            "",
            "Exit codes: 0 stopped cleanly, 1 a system bundle failed, 2 bad usage or configuration,",
            "            3 environment problem (data directory, lock, HTTP port)");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        Instant launched = launchTime();
        boolean clean = false;
        for (String arg : args) {
            switch (arg) {
                case "--help", "-h" -> {
                    System.out.println(HELP);
                    return 0;
                }
                case "--version" -> {
                    System.out.println("Symphainy " + version());
                    return 0;
                }
                case "--clean" -> clean = true;
                default -> {
                    System.err.println("symphainy: unknown option '" + arg + "'; see symphainy --help");
                    return LaunchException.USAGE;
                }
            }
        }
        Container container = null;
        try {
            Settings settings = Settings.load(env, System.getProperty(Settings.HOME));
            Preflight.checkDataDirectory(settings.data());
            FileChannel lock = Preflight.lockDataDirectory(settings.data());
            startLogging(settings);
            Preflight.checkPort(settings.httpHost(), settings.httpPort());
            SystemBundles system = SystemBundles.scan(settings.system());
            ShutdownSignal signal = ShutdownSignal.install();
            container = new Container(settings);
            int active = container.start(system, clean);
            long readyMs = Duration.between(launched, Instant.now()).toMillis();
            LifecycleLog.LOG.info("Symphainy {} ready in {} ms ({} bundles active)", version(), readyMs, active);
            container.awaitStop(signal.requested());
            long stopStart = System.nanoTime();
            boolean stopped = container.stop();
            LifecycleLog.LOG.info("Symphainy {} in {} ms", stopped ? "stopped" : "did not stop cleanly",
                    (System.nanoTime() - stopStart) / 1_000_000);
            lock.close();
            return stopped ? 0 : 1;
        } catch (LaunchException e) {
            markClassArchiveFailed();
            report(e.getMessage(), container != null);
            if (container != null) {
                container.stop();
            }
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException e) {
            report("I/O error: " + e.getMessage(), false);
            return LaunchException.ENVIRONMENT;
        }
    }

    /**
     * A start that failed must not leave its class-data archive behind: it would hold only the classes of the failure.
     * {@code bin/symphainy} removes a marked archive and records a new one at the next start.
     */
    private static void markClassArchiveFailed() {
        String recording = System.getProperty("symphainy.cds.recording");
        if (recording != null) {
            try {
                Files.writeString(Path.of(recording + ".failed"), "start failed; the next start records the archive again\n");
            } catch (IOException | RuntimeException e) {
                // best effort: the archive is only an optimisation
            }
        }
    }

    /** The version of this distribution, from the launcher jar's manifest. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static void startLogging(Settings settings) throws LaunchException {
        settings.properties().forEach((key, value) -> {
            if (key.startsWith("org.slf4j.")) {
                System.setProperty(key, value);
            }
        });
        try {
            ConsoleLog.teeTo(settings.data().resolve("log").resolve("symphainy.log"),
                    Long.parseLong(settings.get("symphainy.log.maxFileBytes", "10485760")),
                    Integer.parseInt(settings.get("symphainy.log.maxFiles", "5")));
        } catch (IOException e) {
            throw new LaunchException(LaunchException.ENVIRONMENT, "cannot open the log file in " + settings.data().resolve("log")
                    + ": " + e.getMessage() + ": point SYMPHAINY_DATA at a writable directory");
        } catch (NumberFormatException e) {
            throw new LaunchException(LaunchException.USAGE, "symphainy.log.maxFileBytes and symphainy.log.maxFiles in "
                    + "etc/symphainy.properties must be numbers: " + e.getMessage());
        }
    }

    private static void report(String message, boolean logging) {
        if (logging) {
            LifecycleLog.LOG.error(message);
        } else {
            ConsoleLog.early("ERROR", "container", message);
        }
    }

    /** When {@code bin/symphainy} was launched (it passes the time), else when this JVM started. */
    private static Instant launchTime() {
        try {
            return Instant.ofEpochMilli(Long.parseLong(System.getProperty("symphainy.launched", "")));
        } catch (NumberFormatException e) {
            return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        }
    }
}
