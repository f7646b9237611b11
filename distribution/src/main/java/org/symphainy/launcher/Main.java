package org.symphainy.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import org.symphainy.launcher.client.ClientCommand;

/** {@code bin/symphainy}: starts the container in the foreground, or runs {@code bench} (see {@link BenchRun}). */
public final class Main {

    static final String HELP = String.join("\n",
            "Usage: symphainy [--clean] [--help] [--version]",
            "       symphainy bench [--mode fsync|async|all] [--seconds N] [--concurrency N] [--help]",
            "       symphainy intent submit TYPE [PAYLOAD|@FILE|-] [--version RANGE] [--idempotency-key K] [--wait]",
            "       symphainy executions list [--state S] [--type T] [--limit N] [--cursor C]",
            "       symphainy executions show ID",
            "       symphainy bundles list",
            "       symphainy deploy FILE.jar [--reason TEXT] [--wait]",
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
            "Commands:",
            "  bench       measure the runtime kernel in a temporary container and print its figures, one",
            "              'name: value' line each; symphainy bench --help explains them",
            "  intent, executions, bundles, deploy",
            "              the client: one request to the running container over its REST API, printed as a",
            "              table (--json: the answer as JSON); --wait follows the execution until it ends (exit 0",
            "              if it completed). Options: --url URL (default SYMPHAINY_URL, else this installation's",
            "              HTTP address), --key-file FILE (default SYMPHAINY_API_KEY, else data/admin.key when",
            "              readable), --timeout SECONDS (30). Exit codes: 0 done, 1 refused or failed (the problem",
            "              is printed), 2 bad usage, 3 no container answers or no API key",
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

    static final String BENCH_HELP = String.join("\n",
            "Usage: symphainy bench [--mode fsync|async|all] [--seconds N] [--concurrency N] [--help]",
            "",
            "Measures the runtime kernel, like pgbench: starts the container on a temporary data directory (under",
            "SYMPHAINY_DATA, deleted afterwards) with a free HTTP port, installs the bench bundle of lib/bench/, drives",
            "the built-in intent platform.echo through the Runtime service and prints one 'name: value' line per figure;",
            "lines starting with '#' are notes. etc/*.cfg and deploy/ are not used: the kernel runs with its defaults,",
            "each scenario on a WAL of its own. Until the Smart City role bundles exist, the bench registers stand-in",
            "roles that allow every intent, in its temporary container only, and says so.",
            "",
            "Options:",
            "  --mode M         fsync: durable throughput and latency, governance, sagas; async: async throughput, then",
            "                   recovery, heap and replay on a WAL filled in async mode; all (default): both",
            "  --seconds N      length of each timed scenario (default 10, at most 3600)",
            "  --concurrency N  closed-loop submitters and replayers (default 64, at most 4096)",
            "  --help           print this help and exit",
            "",
            "Figures (targets are printed beside them, not enforced):",
            "  durable_intents_per_s     fsync, closed loop: submissions acknowledged per second (target >= 10000)",
            "  durable_completed_per_s   the same run: executions completed per second",
            "  durable_submit_p50_ms     fsync, 2000 intents/s offered (open loop), from each submission's scheduled",
            "  durable_submit_p99_ms       time: until its acceptance is durable, 50th and 99th percentile",
            "  durable_complete_p50_ms     ... until its execution has completed",
            "  durable_complete_p99_ms",
            "  governance_p50_us         the governance pipeline (five Smart City roles) for one intent with a payload",
            "  governance_p99_us           schema and 1000 policy rules, on one thread, in microseconds (target < 50)",
            "  governed_vs_bare_throughput_ratio  fsync throughput through the real roles / with allow-all stand-ins",
            "  saga3_per_s               fsync, closed loop: 3-step sagas (bench.saga.three) completed per second,",
            "                              end to end (target >= 3000)",
            "  saga3_p50_ms              fsync, 1000 sagas/s offered (open loop): from each submission's scheduled time",
            "  saga3_p99_ms                until the saga has COMPLETED, 50th and 99th percentile (target p50 < 5)",
            "  async_intents_per_s       async, closed loop: submissions acknowledged per second (target >= 50000)",
            "  async_completed_per_s     the same run: executions completed per second",
            "  recovery_1m_records_s     seconds for the kernel to reopen a WAL of 1,000,000 records and serve again",
            "                            (target < 10)",
            "  heap_bytes_per_execution  heap after GC per completed execution the kernel holds",
            "  replay_records_per_s      executions replayed per second (Runtime.replay)",
            "",
            "Exit codes: 0 the bench ran, 1 it failed (the message says why), 2 bad usage, 3 environment problem");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        if (args.length > 0 && args[0].equals("bench")) {
            return bench(Arrays.copyOfRange(args, 1, args.length), env);
        }
        if (args.length > 0 && ClientCommand.COMMANDS.contains(args[0])) {
            return client(args, env);
        }
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

    /** {@code symphainy intent|executions|bundles|deploy ...}: the client, aimed at this installation's container. */
    private static int client(String[] args, Map<String, String> env) {
        URI url = URI.create("http://127.0.0.1:8080/");
        Path data = env.get("SYMPHAINY_DATA") == null ? null : Path.of(env.get("SYMPHAINY_DATA"));
        try {
            Settings settings = Settings.load(env, System.getProperty(Settings.HOME));
            String host = settings.httpHost();
            host = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
            url = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + settings.httpPort() + "/");
            data = settings.data();
        } catch (LaunchException e) {
            // no installation around the client: the defaults above, or --url and --key-file
        }
        return ClientCommand.run(args, env, url, data, System.out, System.err, System.in);
    }

    /** {@code symphainy bench ...}: parses the options and hands over to {@link BenchRun}. */
    private static int bench(String[] args, Map<String, String> env) {
        BenchRun.Options options;
        try {
            options = benchOptions(args);
        } catch (LaunchException e) {
            System.err.println("symphainy bench: " + e.getMessage());
            return e.exitCode();
        }
        if (options == null) {
            System.out.println(BENCH_HELP);
            return 0;
        }
        return BenchRun.run(options, env, System.getProperty(Settings.HOME));
    }

    /** The options of {@code bench} ({@code --name value} or {@code --name=value}); null if help was asked for. */
    static BenchRun.Options benchOptions(String[] args) throws LaunchException {
        String mode = "all";
        int seconds = 10;
        int concurrency = 64;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            boolean inline = arg.startsWith("--") && equals > 0;
            String name = inline ? arg.substring(0, equals) : arg;
            if (name.equals("--help") || name.equals("-h")) {
                return null;
            }
            if (!name.equals("--mode") && !name.equals("--seconds") && !name.equals("--concurrency")) {
                throw new LaunchException(LaunchException.USAGE, "unknown option '" + arg + "'; see symphainy bench --help");
            }
            String value = inline ? arg.substring(equals + 1) : i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new LaunchException(LaunchException.USAGE, name + " needs a value; see symphainy bench --help");
            }
            switch (name) {
                case "--mode" -> mode = benchMode(value);
                case "--seconds" -> seconds = wholeNumber(name, value, 3600);
                default -> concurrency = wholeNumber(name, value, 4096);
            }
        }
        return new BenchRun.Options(mode, seconds, concurrency);
    }

    private static String benchMode(String value) throws LaunchException {
        if (!value.equals("fsync") && !value.equals("async") && !value.equals("all")) {
            throw new LaunchException(LaunchException.USAGE, "--mode is '" + value + "'; use fsync, async or all");
        }
        return value;
    }

    private static int wholeNumber(String name, String value, int max) throws LaunchException {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException(LaunchException.USAGE, name + " is '" + value + "'; use a whole number from 1 to " + max);
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

    /** Configures slf4j-simple from the {@code org.slf4j.*} settings; before anything logs. */
    static void useLoggingSettings(Settings settings) {
        settings.properties().forEach((key, value) -> {
            if (key.startsWith("org.slf4j.")) {
                System.setProperty(key, value);
            }
        });
    }

    private static void startLogging(Settings settings) throws LaunchException {
        useLoggingSettings(settings);
        try {
            ConsoleLog.teeTo(settings.data().resolve("log").resolve("symphainy.log"),
                    Long.parseLong(settings.get("symphainy.log.maxFileBytes", "10485760")),
                    Integer.parseInt(settings.get("symphainy.log.maxFiles", "5")));
            JulBridge.install();
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
