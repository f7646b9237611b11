package org.symphainy.itest.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The two bundles of {@link CrashRecoveryIT}, compiled here against the distribution's OSGi framework and SDK jars.
 * <ul>
 * <li>The <em>load</em> bundle submits {@code platform.echo} intents from {@value #LOAD_THREADS} threads until it is
 * stopped or its process is killed, each with idempotency key {@code crash-<n>} and payload {@code {"n":<n>}}, and
 * after every {@code submit} returns (the acknowledgement: the acceptance is durable) appends {@code <n> <executionId>}
 * and a newline to the file named by {@value #ACKS}, in one write.</li>
 * <li>The <em>check</em> bundle reads that file after the restart and writes what it found about every acknowledged
 * execution to the file named by {@value #RESULT}: {@code key=value} lines, {@code problem=} lines, then {@code DONE}.</li>
 * </ul>
 * Each registers test stand-ins for the five governance roles that allow every intent (the kernel denies every intent
 * while a role is missing). A bundle whose property is not set does nothing at all, so the load bundle, still in the
 * framework cache when the killed container starts again, stays idle until the deploy folder removes it.
 */
final class CrashBundles {

    /** The system property (passed through JAVA_OPTS) naming the load bundle's acknowledgement file. */
    static final String ACKS = "crash.load.acks";
    /** The system properties naming the check bundle's input (the acknowledgement file) and its result file. */
    static final String CHECK_ACKS = "crash.check.acks";
    static final String RESULT = "crash.check.result";
    static final String LOAD = "org.symphainy.itest.crash.load";
    static final String CHECK = "org.symphainy.itest.crash.check";
    static final int LOAD_THREADS = 8;
    /** How long the check bundle waits, overall, for the acknowledged executions to end. */
    static final int CHECK_PATIENCE_SECONDS = 60;
    /** The check bundle submits every this many acknowledged intents again and expects their first execution back. */
    static final int RESUBMIT_EVERY = 10;

    private static final String IMPORTS = "org.osgi.framework;version=\"[1.8,2)\","
            + "org.osgi.util.tracker;version=\"[1.5,2)\","
            + "org.symphainy.sdk.governance;version=\"[1.0,2)\","
            + "org.symphainy.sdk.intent;version=\"[1.0,2)\","
            + "org.symphainy.sdk.runtime;version=\"[1.0,2)\"";

    private CrashBundles() {
    }

    static Path load(Path dir) throws IOException {
        return build(dir, LOAD, LOAD_ACTIVATOR);
    }

    static Path check(Path dir) throws IOException {
        return build(dir, CHECK, CHECK_ACTIVATOR);
    }

    private static Path build(Path dir, String pkg, String activator) throws IOException {
        Map<String, String> sources = Map.of(
                pkg + ".Activator", inPackage(pkg, activator),
                pkg + ".StandInRoles", inPackage(pkg, STAND_IN_ROLES),
                pkg + ".EchoIntents", inPackage(pkg, ECHO_INTENTS));
        Path dist = ContainerProcess.distribution();
        return TestBundles.compiledBundle(dir, pkg, pkg + ".Activator", IMPORTS, sources,
                List.of(dist.resolve("lib/org.apache.felix.framework.jar"), sdkJar(dist)));
    }

    /** The SDK bundle of the distribution, in {@code system/15/}. */
    static Path sdkJar(Path dist) throws IOException {
        try (Stream<Path> jars = Files.list(dist.resolve("system/15"))) {
            return jars.filter(jar -> jar.getFileName().toString().contains("sdk")).findFirst()
                    .orElseThrow(() -> new IOException("no SDK bundle in " + dist.resolve("system/15")));
        }
    }

    private static String inPackage(String pkg, String source) {
        return source.replace("@PACKAGE@", pkg)
                .replace("@ACKS@", ACKS).replace("@CHECK_ACKS@", CHECK_ACKS).replace("@RESULT@", RESULT)
                .replace("@LOAD_THREADS@", Integer.toString(LOAD_THREADS))
                .replace("@CHECK_PATIENCE_SECONDS@", Integer.toString(CHECK_PATIENCE_SECONDS))
                .replace("@RESUBMIT_EVERY@", Integer.toString(RESUBMIT_EVERY));
    }

    /** The same intent for the same n, in both bundles: what the load submits is what the check submits again. */
    private static final String ECHO_INTENTS = """
            package @PACKAGE@;

            import org.symphainy.sdk.intent.Intent;
            import org.symphainy.sdk.intent.Json;

            /** The test's platform.echo intent number n: idempotency key crash-<n>, payload {"n":<n>}. */
            final class EchoIntents {

                private EchoIntents() {
                }

                static String payload(int n) {
                    return "{\\"n\\":" + n + "}";
                }

                static Intent echo(int n) {
                    return Intent.builder("platform.echo").tenant("crash-test").session("crash-session")
                            .actor("crash-test-driver").correlationId("crash-" + n).idempotencyKey("crash-" + n)
                            .payload(Json.of(payload(n))).build();
                }
            }
            """;

    static final String STAND_IN_ROLES = """
            package @PACKAGE@;

            import java.util.Hashtable;
            import java.util.List;

            import org.osgi.framework.BundleContext;
            import org.osgi.framework.Constants;
            import org.osgi.framework.ServiceRegistration;
            import org.symphainy.sdk.governance.CityManager;
            import org.symphainy.sdk.governance.DataSteward;
            import org.symphainy.sdk.governance.Decision;
            import org.symphainy.sdk.governance.Librarian;
            import org.symphainy.sdk.governance.SecurityGuard;
            import org.symphainy.sdk.governance.Stage;
            import org.symphainy.sdk.governance.TrafficCop;

            /** TEST STAND-INS, not a policy: the five governance roles, each allowing every intent, so the kernel admits the test's. */
            final class StandInRoles {

                private StandInRoles() {
                }

                static List<ServiceRegistration<?>> register(BundleContext context, String owner) {
                    return List.of(
                            register(context, TrafficCop.class, (intent, c) -> allow(Stage.TRAFFIC_COP, owner)),
                            register(context, SecurityGuard.class, (intent, c) -> allow(Stage.SECURITY_GUARD, owner)),
                            register(context, CityManager.class, (intent, c) -> allow(Stage.CITY_MANAGER, owner)),
                            register(context, Librarian.class, (intent, c) -> allow(Stage.LIBRARIAN, owner)),
                            register(context, DataSteward.class, (intent, c) -> allow(Stage.DATA_STEWARD, owner)));
                }

                private static Decision allow(Stage stage, String owner) {
                    return Decision.allow(stage, "test stand-in " + stage.roleName() + " of the " + owner + ": allows all");
                }

                private static <T> ServiceRegistration<T> register(BundleContext context, Class<T> role, T service) {
                    Hashtable<String, Object> properties = new Hashtable<>();
                    properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE); // outranks the container's roles: this test is about the WAL
                    properties.put(Constants.SERVICE_DESCRIPTION, "test stand-in " + role.getSimpleName() + " (allows all)");
                    return context.registerService(role, service, properties);
                }
            }
            """;

    private static final String LOAD_ACTIVATOR = """
            package @PACKAGE@;

            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.nio.charset.StandardCharsets;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.atomic.AtomicInteger;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;
            import org.osgi.framework.ServiceRegistration;
            import org.osgi.util.tracker.ServiceTracker;
            import org.symphainy.sdk.runtime.Runtime;
            import org.symphainy.sdk.runtime.Submission;

            /** Submits echo intents from several threads until stopped; appends "<n> <executionId>" once submit returned. */
            public final class Activator implements BundleActivator {

                private final List<Thread> threads = new ArrayList<>();
                private List<ServiceRegistration<?>> roles = List.of();
                private ServiceTracker<Runtime, Runtime> tracker;
                private FileOutputStream acks;
                private volatile boolean stopping;

                @Override
                public void start(BundleContext context) throws IOException {
                    String ackFile = context.getProperty("@ACKS@");
                    if (ackFile == null) {
                        System.out.println("crash load: idle, no @ACKS@ property");
                        return;
                    }
                    roles = StandInRoles.register(context, "crash load");
                    tracker = new ServiceTracker<>(context, Runtime.class, null);
                    tracker.open();
                    acks = new FileOutputStream(ackFile, true);
                    AtomicInteger next = new AtomicInteger();
                    for (int i = 0; i < @LOAD_THREADS@; i++) {
                        Thread thread = new Thread(() -> submitUntilStopped(next), "crash-load-" + i);
                        threads.add(thread);
                        thread.start();
                    }
                    System.out.println("crash load: submitting from " + threads.size() + " threads");
                }

                private void submitUntilStopped(AtomicInteger next) {
                    try {
                        Runtime runtime = tracker.waitForService(60_000);
                        if (runtime == null) {
                            throw new IllegalStateException("no Runtime service within 60 s");
                        }
                        while (!stopping) {
                            int n = next.incrementAndGet();
                            Submission submission = runtime.submit(EchoIntents.echo(n));
                            // one write of the whole line, newline last: a kill leaves whole lines, or an unterminated tail
                            byte[] line = (n + " " + submission.executionId() + "\\n").getBytes(StandardCharsets.US_ASCII);
                            synchronized (acks) {
                                acks.write(line);
                            }
                        }
                    } catch (Exception e) {
                        if (!stopping) {
                            System.out.println("crash load failed: " + e);
                        }
                    }
                }

                @Override
                public void stop(BundleContext context) throws Exception {
                    stopping = true; // no interrupt: it would reach into the kernel's durable write under submit
                    for (Thread thread : threads) {
                        thread.join(10_000);
                    }
                    if (tracker != null) {
                        tracker.close();
                    }
                    if (acks != null) {
                        acks.close();
                    }
                    roles.forEach(ServiceRegistration::unregister);
                }
            }
            """;

    private static final String CHECK_ACTIVATOR = """
            package @PACKAGE@;

            import java.nio.charset.StandardCharsets;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardCopyOption;
            import java.util.ArrayList;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import java.util.concurrent.TimeUnit;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;
            import org.osgi.framework.ServiceRegistration;
            import org.osgi.util.tracker.ServiceTracker;
            import org.symphainy.sdk.runtime.Execution;
            import org.symphainy.sdk.runtime.ExecutionState;
            import org.symphainy.sdk.runtime.Runtime;
            import org.symphainy.sdk.runtime.Step;
            import org.symphainy.sdk.runtime.Submission;

            /** Checks every acknowledged execution after the restart and writes the counts, the first problems and DONE. */
            public final class Activator implements BundleActivator {

                private static final int PROBLEMS_SHOWN = 10;

                private List<ServiceRegistration<?>> roles = List.of();
                private ServiceTracker<Runtime, Runtime> tracker;
                private Thread checker;

                @Override
                public void start(BundleContext context) {
                    String acks = context.getProperty("@CHECK_ACKS@");
                    String result = context.getProperty("@RESULT@");
                    if (acks == null || result == null) {
                        System.out.println("crash check: idle, no @CHECK_ACKS@ or @RESULT@ property");
                        return;
                    }
                    roles = StandInRoles.register(context, "crash check");
                    tracker = new ServiceTracker<>(context, Runtime.class, null);
                    tracker.open();
                    checker = new Thread(() -> checkAndReport(Path.of(acks), Path.of(result)), "crash-check");
                    checker.start();
                }

                @Override
                public void stop(BundleContext context) throws Exception {
                    if (checker != null) {
                        checker.join(10_000);
                    }
                    if (tracker != null) {
                        tracker.close();
                    }
                    roles.forEach(ServiceRegistration::unregister);
                }

                private void checkAndReport(Path acks, Path result) {
                    StringBuilder report = new StringBuilder();
                    try {
                        check(acks, report);
                    } catch (Exception e) {
                        report.append("error=").append(e).append('\\n');
                    }
                    report.append("DONE\\n");
                    try {
                        Path temp = result.resolveSibling(result.getFileName() + ".tmp");
                        Files.writeString(temp, report);
                        Files.move(temp, result, StandardCopyOption.ATOMIC_MOVE);
                    } catch (Exception e) {
                        System.out.println("crash check could not write " + result + ": " + e);
                    }
                }

                private void check(Path ackFile, StringBuilder report) throws Exception {
                    Runtime runtime = tracker.waitForService(60_000);
                    if (runtime == null) {
                        throw new IllegalStateException("no Runtime service within 60 s");
                    }
                    Map<Integer, String> acked = acknowledged(ackFile);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(@CHECK_PATIENCE_SECONDS@);
                    int completed = 0, missing = 0, notCompleted = 0, overAttempted = 0, retried = 0, maxAttempts = 0;
                    int wrongArtifacts = 0, resubmitted = 0, idempotencyMismatches = 0;
                    List<String> problems = new ArrayList<>();
                    for (Map.Entry<Integer, String> ack : acked.entrySet()) {
                        int n = ack.getKey();
                        String id = ack.getValue();
                        String name = "crash-" + n + " (execution " + id + ")";
                        Optional<Execution> found = awaitEnd(runtime, id, deadline);
                        if (found.isEmpty()) {
                            missing++;
                            problems.add(name + " was acknowledged but the restarted runtime does not know it");
                            continue;
                        }
                        Execution execution = found.get();
                        if (execution.state() == ExecutionState.COMPLETED) {
                            completed++;
                        } else {
                            notCompleted++;
                            problems.add(name + " is " + execution.state()
                                    + (execution.failure() == null ? "" : ": " + execution.failure()));
                        }
                        int attempts = execution.steps().stream().mapToInt(Step::attempts).max().orElse(0);
                        maxAttempts = Math.max(maxAttempts, attempts);
                        if (attempts == 2) {
                            retried++;
                        }
                        if (execution.state() == ExecutionState.COMPLETED && (attempts < 1 || attempts > 2)) {
                            overAttempted++;
                            problems.add(name + " has steps " + execution.steps() + ": one attempt before the kill and"
                                    + " at most one after it allow 1 or 2");
                        }
                        String payload = EchoIntents.payload(n);
                        if (execution.state() == ExecutionState.COMPLETED && (execution.artifacts().size() != 1
                                || !payload.equals(execution.artifacts().get(0).text()))) {
                            wrongArtifacts++;
                            problems.add(name + " echoed " + execution.artifacts() + ", not one artifact " + payload);
                        }
                        if (n % @RESUBMIT_EVERY@ == 0) {
                            resubmitted++;
                            Submission again = runtime.submit(EchoIntents.echo(n));
                            if (!again.duplicate() || !again.executionId().equals(id)) {
                                idempotencyMismatches++;
                                problems.add(name + " submitted again returned " + again
                                        + ", not the first execution as a duplicate");
                            }
                        }
                    }
                    report.append("acknowledged=").append(acked.size()).append('\\n')
                            .append("completed=").append(completed).append('\\n')
                            .append("missing=").append(missing).append('\\n')
                            .append("notCompleted=").append(notCompleted).append('\\n')
                            .append("overAttempted=").append(overAttempted).append('\\n')
                            .append("retried=").append(retried).append('\\n')
                            .append("maxAttempts=").append(maxAttempts).append('\\n')
                            .append("wrongArtifacts=").append(wrongArtifacts).append('\\n')
                            .append("resubmitted=").append(resubmitted).append('\\n')
                            .append("idempotencyMismatches=").append(idempotencyMismatches).append('\\n');
                    problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> report.append("problem=").append(p).append('\\n'));
                }

                /** The execution once it has ended, or as it is at the deadline; empty if the runtime does not know it. */
                private static Optional<Execution> awaitEnd(Runtime runtime, String id, long deadline)
                        throws InterruptedException {
                    while (true) {
                        Optional<Execution> execution = runtime.execution(id);
                        if (execution.map(e -> e.state().isTerminal()).orElse(false) || System.nanoTime() - deadline > 0) {
                            return execution;
                        }
                        Thread.sleep(20);
                    }
                }

                /** The newline-terminated "<n> <executionId>" lines; an unterminated tail is a write the kill cut off. */
                private static Map<Integer, String> acknowledged(Path ackFile) throws Exception {
                    String text = Files.readString(ackFile, StandardCharsets.US_ASCII);
                    Map<Integer, String> acked = new LinkedHashMap<>();
                    for (String line : text.substring(0, text.lastIndexOf('\\n') + 1).split("\\n")) {
                        String[] fields = line.split(" ");
                        if (fields.length == 2) {
                            acked.put(Integer.parseInt(fields[0]), fields[1]);
                        }
                    }
                    return acked;
                }
            }
            """;
}
