package org.symphainy.itest.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The two bundles of {@link SagaCrashRecoveryIT}, compiled here against the distribution's OSGi framework and SDK jars,
 * as {@link CrashBundles} does for plain intents.
 * <ul>
 * <li>The <em>load</em> bundle submits sagas {@code itest.order.place} from {@value #LOAD_THREADS} threads until it is
 * stopped or its process is killed, saga number n with idempotency key {@code saga-crash-<n>} and a behaviour by
 * {@code n % 3}: 0 runs straight through, 1 fails its charge once (a durable backoff wait, then a retry), 2 fails its
 * ship for good (three attempts with backoff waits, then both compensations). After every {@code submit} returns it
 * appends {@code <n> <executionId>} and a newline to the file named by {@value #ACKS}, in one write.</li>
 * <li>The <em>check</em> bundle reads that file after the restart, waits for every acknowledged saga to end, reads its
 * records through the {@code Ledger} and writes what it found to the file named by {@value #RESULT}: {@code key=value}
 * lines, {@code problem=} lines, then {@code DONE}.</li>
 * </ul>
 */
final class SagaCrashBundles {

    static final String ACKS = "sagacrash.load.acks";
    static final String CHECK_ACKS = "sagacrash.check.acks";
    static final String RESULT = "sagacrash.check.result";
    static final String LOAD = "org.symphainy.itest.sagacrash.load";
    static final String CHECK = "org.symphainy.itest.sagacrash.check";
    static final int LOAD_THREADS = 8;
    static final int CHECK_PATIENCE_SECONDS = 120;

    private static final String IMPORTS = "org.osgi.framework;version=\"[1.8,2)\","
            + "org.osgi.util.tracker;version=\"[1.5,2)\","
            + "org.symphainy.sdk.governance;version=\"[1.0,2)\","
            + "org.symphainy.sdk.intent;version=\"[1.0,2)\","
            + "org.symphainy.sdk.ledger;version=\"[1.0,2)\","
            + "org.symphainy.sdk.runtime;version=\"[1.0,2)\"";

    private SagaCrashBundles() {
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
                pkg + ".StandInRoles", inPackage(pkg, CrashBundles.STAND_IN_ROLES),
                pkg + ".Orders", inPackage(pkg, ORDERS));
        Path dist = ContainerProcess.distribution();
        return TestBundles.compiledBundle(dir, pkg, pkg + ".Activator", IMPORTS, sources,
                List.of(dist.resolve("lib/org.apache.felix.framework.jar"), CrashBundles.sdkJar(dist)));
    }

    private static String inPackage(String pkg, String source) {
        return source.replace("@PACKAGE@", pkg).replace("@ACKS@", ACKS).replace("@CHECK_ACKS@", CHECK_ACKS)
                .replace("@RESULT@", RESULT).replace("@LOAD_THREADS@", Integer.toString(LOAD_THREADS))
                .replace("@CHECK_PATIENCE_SECONDS@", Integer.toString(CHECK_PATIENCE_SECONDS));
    }

    /** The same saga for the same n in both bundles, and the state it must end in. */
    private static final String ORDERS = """
            package @PACKAGE@;

            import org.symphainy.sdk.intent.Intent;
            import org.symphainy.sdk.intent.Json;

            /** Saga number n: itest.order.place with key saga-crash-<n>, steered by n % 3. */
            final class Orders {

                private Orders() {
                }

                static Intent order(int n) {
                    String behaviour = switch (n % 3) {
                        case 0 -> "{}";
                        case 1 -> "{\\"charge\\":\\"fail-1\\"}";
                        default -> "{\\"ship\\":\\"fail-always\\"}";
                    };
                    return Intent.builder("itest.order.place").tenant("crash-test").session("crash-session")
                            .actor("crash-test-driver").correlationId("saga-crash-" + n).idempotencyKey("saga-crash-" + n)
                            .payload(Json.of("{\\"order\\":\\"o-" + n + "\\",\\"sku\\":\\"sku-1\\",\\"amount\\":10,"
                                    + "\\"behaviour\\":" + behaviour + "}")).build();
                }

                /** The state saga n must end in. */
                static String expected(int n) {
                    return n % 3 == 2 ? "COMPENSATED" : "COMPLETED";
                }
            }
            """;

    private static final String LOAD_ACTIVATOR = """
            package @PACKAGE@;

            import java.io.FileOutputStream;
            import java.nio.charset.StandardCharsets;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.atomic.AtomicInteger;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;
            import org.osgi.framework.ServiceRegistration;
            import org.osgi.util.tracker.ServiceTracker;
            import org.symphainy.sdk.intent.ErrorCode;
            import org.symphainy.sdk.intent.IntentException;
            import org.symphainy.sdk.runtime.Runtime;

            /** Submits sagas until stopped or killed, recording each acknowledgement. */
            public final class Activator implements BundleActivator {

                private final List<Thread> threads = new ArrayList<>();
                private final AtomicInteger next = new AtomicInteger();
                private volatile boolean stopping;
                private List<ServiceRegistration<?>> roles = List.of();
                private ServiceTracker<Runtime, Runtime> tracker;
                private FileOutputStream acks;

                @Override
                public void start(BundleContext context) throws Exception {
                    String file = context.getProperty("@ACKS@");
                    if (file == null) {
                        System.out.println("saga crash load: idle, no @ACKS@ property");
                        return;
                    }
                    roles = StandInRoles.register(context, "saga crash load");
                    acks = new FileOutputStream(file, true);
                    tracker = new ServiceTracker<>(context, Runtime.class, null);
                    tracker.open();
                    for (int i = 0; i < @LOAD_THREADS@; i++) {
                        Thread thread = new Thread(this::submitUntilStopped, "saga-crash-load-" + i);
                        threads.add(thread);
                        thread.start();
                    }
                    System.out.println("saga crash load: submitting from @LOAD_THREADS@ threads");
                }

                private void submitUntilStopped() {
                    try {
                        Runtime runtime = tracker.waitForService(60_000);
                        if (runtime == null) {
                            throw new IllegalStateException("no Runtime service within 60 s");
                        }
                        while (!stopping) {
                            int n = next.incrementAndGet();
                            String id = submit(runtime, n);
                            byte[] line = (n + " " + id + "\\n").getBytes(StandardCharsets.US_ASCII);
                            synchronized (acks) {
                                acks.write(line);
                            }
                        }
                    } catch (Exception e) {
                        if (!stopping) {
                            System.out.println("saga crash load failed: " + e);
                        }
                    }
                }

                /** Submits saga n; while the saga's bundles are still coming up (not admitted yet), tries again. */
                private String submit(Runtime runtime, int n) throws InterruptedException {
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    while (true) {
                        try {
                            return runtime.submit(Orders.order(n)).executionId();
                        } catch (IntentException e) {
                            boolean comingUp = e.code() == ErrorCode.UNKNOWN_INTENT || e.code() == ErrorCode.HANDLER_UNAVAILABLE;
                            if (!comingUp || System.nanoTime() - deadline > 0) {
                                throw e;
                            }
                            Thread.sleep(50);
                        }
                    }
                }

                @Override
                public void stop(BundleContext context) throws Exception {
                    stopping = true;
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
            import java.util.HashMap;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import java.util.Set;
            import java.util.concurrent.TimeUnit;
            import java.util.regex.Matcher;
            import java.util.regex.Pattern;

            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;
            import org.osgi.framework.ServiceRegistration;
            import org.osgi.util.tracker.ServiceTracker;
            import org.symphainy.sdk.ledger.Ledger;
            import org.symphainy.sdk.ledger.LedgerRecord;
            import org.symphainy.sdk.runtime.Execution;
            import org.symphainy.sdk.runtime.Runtime;

            /** Checks every acknowledged saga after the restart and writes the counts, the first problems and DONE. */
            public final class Activator implements BundleActivator {

                private static final int PROBLEMS_SHOWN = 10;
                private static final Set<String> ENDS = Set.of("ExecutionCompleted", "ExecutionFailed", "SagaCompensated",
                        "SagaCompensationFailed");
                private static final Pattern STEP = Pattern.compile("\\"step\\":(\\\\d+)");

                private List<ServiceRegistration<?>> roles = List.of();
                private ServiceTracker<Runtime, Runtime> runtimes;
                private ServiceTracker<Ledger, Ledger> ledgers;
                private Thread checker;

                @Override
                public void start(BundleContext context) {
                    String acks = context.getProperty("@CHECK_ACKS@");
                    String result = context.getProperty("@RESULT@");
                    if (acks == null || result == null) {
                        System.out.println("saga crash check: idle, no @CHECK_ACKS@ or @RESULT@ property");
                        return;
                    }
                    roles = StandInRoles.register(context, "saga crash check");
                    runtimes = new ServiceTracker<>(context, Runtime.class, null);
                    runtimes.open();
                    ledgers = new ServiceTracker<>(context, Ledger.class, null);
                    ledgers.open();
                    checker = new Thread(() -> checkAndReport(Path.of(acks), Path.of(result)), "saga-crash-check");
                    checker.start();
                }

                @Override
                public void stop(BundleContext context) throws Exception {
                    if (checker != null) {
                        checker.join(10_000);
                    }
                    if (runtimes != null) {
                        runtimes.close();
                        ledgers.close();
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
                        System.out.println("saga crash check could not write " + result + ": " + e);
                    }
                }

                private void check(Path ackFile, StringBuilder report) throws Exception {
                    Runtime runtime = runtimes.waitForService(60_000);
                    Ledger ledger = ledgers.waitForService(60_000);
                    if (runtime == null || ledger == null) {
                        throw new IllegalStateException("no Runtime or Ledger service within 60 s");
                    }
                    Map<Integer, String> acked = acknowledged(ackFile);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(@CHECK_PATIENCE_SECONDS@);
                    int missing = 0, wrongState = 0, endedTwice = 0, stepTwice = 0, wrongOrder = 0;
                    int completed = 0, compensated = 0, retried = 0;
                    List<String> problems = new ArrayList<>();
                    for (Map.Entry<Integer, String> ack : acked.entrySet()) {
                        int n = ack.getKey();
                        String id = ack.getValue();
                        String name = "saga-crash-" + n + " (execution " + id + ")";
                        Optional<Execution> found = awaitEnd(runtime, id, deadline);
                        if (found.isEmpty()) {
                            missing++;
                            problems.add(name + " was acknowledged but the restarted runtime does not know it");
                            continue;
                        }
                        Execution saga = found.get();
                        String state = saga.state().name();
                        if (!state.equals(Orders.expected(n))) {
                            wrongState++;
                            problems.add(name + " is " + state + ", not " + Orders.expected(n) + ": " + saga.failure());
                        }
                        completed += state.equals("COMPLETED") ? 1 : 0;
                        compensated += state.equals("COMPENSATED") ? 1 : 0;
                        List<LedgerRecord> records = ledger.execution(id);
                        long ends = records.stream().filter(r -> ENDS.contains(r.type())).count();
                        if (ends != 1) {
                            endedTwice++;
                            problems.add(name + " has " + ends + " end records: " + types(records));
                        }
                        Map<String, Integer> done = new HashMap<>();
                        List<Integer> compensatedSteps = new ArrayList<>();
                        for (LedgerRecord record : records) {
                            if (record.type().equals("StepCompleted") || record.type().equals("CompensationCompleted")) {
                                Matcher step = STEP.matcher(record.json());
                                String key = record.type() + " " + (step.find() ? step.group(1) : "?");
                                if (done.merge(key, 1, Integer::sum) > 1) {
                                    stepTwice++;
                                    problems.add(name + " recorded " + key + " twice: " + types(records));
                                }
                                if (record.type().equals("CompensationCompleted")) {
                                    compensatedSteps.add(Integer.parseInt(step.group(1)));
                                }
                            }
                        }
                        if (state.equals("COMPENSATED") && !compensatedSteps.equals(List.of(2, 1))) {
                            wrongOrder++;
                            problems.add(name + " compensated steps " + compensatedSteps + ", not [2, 1]");
                        }
                        if (records.stream().anyMatch(r -> r.type().equals("StepFailed"))) {
                            retried++;
                        }
                    }
                    report.append("acknowledged=").append(acked.size()).append('\\n')
                            .append("missing=").append(missing).append('\\n')
                            .append("wrongState=").append(wrongState).append('\\n')
                            .append("endedTwice=").append(endedTwice).append('\\n')
                            .append("stepTwice=").append(stepTwice).append('\\n')
                            .append("wrongOrder=").append(wrongOrder).append('\\n')
                            .append("completed=").append(completed).append('\\n')
                            .append("compensated=").append(compensated).append('\\n')
                            .append("retried=").append(retried).append('\\n');
                    problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> report.append("problem=").append(p).append('\\n'));
                }

                private static String types(List<LedgerRecord> records) {
                    StringBuilder types = new StringBuilder();
                    records.forEach(r -> types.append(r.type()).append(' '));
                    return types.toString();
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
