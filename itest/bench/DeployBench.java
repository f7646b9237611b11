import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hot-deployment figures against a running container (see deploy-bench.sh, which starts it):
 *
 * <pre>
 *   java DeployBench.java drop   BASE TOKEN DEPLOY_DIR HANDLER_JAR LOG RUNS
 *   java DeployBench.java admin  BASE TOKEN HANDLER_JAR LOG RUNS
 *   java DeployBench.java update BASE TOKEN HANDLER_JAR RATE SECONDS
 * </pre>
 *
 * drop/admin: the time from the jar landing (an atomic move into deploy/, or the start of POST /admin/v1/bundles)
 * to the first test.greet answered 202 and then COMPLETED over REST, each run undeployed again; prints every run with
 * where its time went (from the container's log timestamps) and the median. update: RATE test.greet intents per second
 * (open loop) for SECONDS, with an update of the handler bundle (POST /admin/v1/bundles, a jar of another
 * Bundle-Version) at a third of the run; every 202 is followed to its end; prints acknowledged, failed acknowledged,
 * and the p50/p99 latency to 202 overall and in the swap window.
 */
public final class DeployBench {

    private static final Pattern EXECUTION_ID = Pattern.compile("\"executionId\":\"([^\"]+)\"");
    private static final Pattern BUNDLE_VERSION = Pattern.compile("\"bundleVersion\":\"([^\"]+)\"");
    /** Most requests in flight at once (each an HTTP/1.1 connection): beyond it the offered load waits its turn. */
    private static final int OUTSTANDING = 256;
    private static final String GREET = "{\"type\":\"test.greet\",\"payload\":{\"name\":\"bench\"}}";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(16)).build();

    private static String base;
    private static String token;

    public static void main(String[] args) throws Exception {
        base = args[1];
        token = args[2];
        switch (args[0]) {
            case "drop" -> latency(true, Path.of(args[3]), Path.of(args[4]), Path.of(args[5]), Integer.parseInt(args[6]));
            case "admin" -> latency(false, null, Path.of(args[3]), Path.of(args[4]), Integer.parseInt(args[5]));
            case "update" -> update(Path.of(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("mode: drop, admin or update");
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- drop-to-intent-callable

    private static void latency(boolean drop, Path deploy, Path jar, Path log, int runs) throws Exception {
        String door = drop ? "drop" : "admin";
        List<Double> totals = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            awaitUncallable();
            Thread.sleep(300);
            long logFrom = Files.size(log);
            long t0Wall;
            long t0;
            if (drop) {
                Path staged = deploy.getParent().resolve(".bench-handler.jar.tmp");
                Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
                t0Wall = System.currentTimeMillis();
                t0 = System.nanoTime();
                Files.move(staged, deploy.resolve("bench-handler.jar"), StandardCopyOption.ATOMIC_MOVE);
            } else {
                t0Wall = System.currentTimeMillis();
                t0 = System.nanoTime();
                HttpResponse<String> upload = HTTP.send(authorized("/admin/v1/bundles?fileName=bench-handler.jar")
                        .header("Content-Type", "application/java-archive")
                        .POST(HttpRequest.BodyPublishers.ofFile(jar)).build(), HttpResponse.BodyHandlers.ofString());
                if (upload.statusCode() != 202) {
                    throw new IllegalStateException("upload answered " + upload.statusCode() + ": " + upload.body());
                }
            }
            long acked;
            String id;
            while (true) {
                HttpResponse<String> answer = submit();
                if (answer.statusCode() == 202) {
                    acked = System.nanoTime();
                    id = group(EXECUTION_ID, answer.body());
                    break;
                }
                Thread.sleep(1);
            }
            String end = awaitEnd(id);
            long done = System.nanoTime();
            if (!end.contains("\"state\":\"COMPLETED\",\"tenant\"")) {
                throw new IllegalStateException("the first test.greet did not complete: " + end);
            }
            double total = (done - t0) / 1e6;
            totals.add(total);
            String text = Files.readString(log).substring((int) logFrom);
            System.out.printf("%s_run_%d_ms: %.1f  (%s; first 202 at %.1f, COMPLETED at %.1f)%n", door, run, total,
                    phases(text, t0Wall), (acked - t0) / 1e6, total);
            undeploy(drop, deploy);
        }
        Collections.sort(totals);
        System.out.printf("%s_to_callable_median_ms: %.1f%n", door, median(totals));
        System.out.printf("%s_to_callable_min_ms: %.1f%n", door, totals.get(0));
        System.out.printf("%s_to_callable_max_ms: %.1f%n", door, totals.get(totals.size() - 1));
    }

    /** When, after the landing, each milestone of the container's log was printed (ms). */
    private static String phases(String log, long t0Wall) {
        Map<String, String> milestones = new java.util.LinkedHashMap<>();
        milestones.put("staged", "staged ");
        milestones.put("install intent", "platform.bundle.install");
        milestones.put("installed", "bundle installed org.symphainy.itest.handler");
        milestones.put("started", "bundle started org.symphainy.itest.handler");
        milestones.put("registered", "intent test.greet 1.0.0 served by");
        StringBuilder out = new StringBuilder();
        milestones.forEach((name, phrase) -> {
            for (String line : log.split("\n")) {
                if (line.contains(phrase) && line.length() > 29) {
                    try {
                        long at = OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant().toEpochMilli();
                        out.append(out.length() == 0 ? "" : ", ").append(name).append(" at ").append(at - t0Wall);
                    } catch (RuntimeException notATimestamp) {
                        continue;
                    }
                    break;
                }
            }
        });
        return out.length() == 0 ? "no milestones in the log" : out.toString();
    }

    private static void undeploy(boolean drop, Path deploy) throws Exception {
        if (drop) {
            Files.delete(deploy.resolve("bench-handler.jar"));
        } else {
            String bundles = HTTP.send(authorized("/admin/v1/bundles").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher id = Pattern.compile("\\{\"id\":(\\d+),\"symbolicName\":\"org.symphainy.itest.handler\"").matcher(bundles);
            while (id.find()) {
                HTTP.send(authorized("/admin/v1/bundles/" + id.group(1)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            }
        }
        awaitUncallable();
    }

    private static void awaitUncallable() throws Exception {
        for (int i = 0; i < 3000; i++) {
            if (submit().statusCode() != 202) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("test.greet is still served 30 s after the undeploy");
    }

    // ---------------------------------------------------------------- update under load

    private record Sent(long sentAt, long ackedAt, String executionId) {
    }

    private static void update(Path jar, int rate, int seconds) throws Exception {
        Path next = withVersion(jar, "9.9.9");
        upload(jar);
        while (submit().statusCode() != 202) {
            Thread.sleep(5);
        }
        ConcurrentLinkedQueue<Sent> acked = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Semaphore outstanding = new Semaphore(OUTSTANDING);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        AtomicLong issued = new AtomicLong();
        pacer.scheduleAtFixedRate(() -> { // open loop: every millisecond, the intents due by now
            long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
            while (issued.get() < due && outstanding.tryAcquire()) {
                issued.incrementAndGet();
                long sent = System.nanoTime();
                HTTP.sendAsync(authorized("/api/v1/intents").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(GREET)).build(), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> {
                            outstanding.release();
                            if (failure != null) {
                                errors.incrementAndGet();
                            } else if (response.statusCode() == 202) {
                                acked.add(new Sent(sent, System.nanoTime(), group(EXECUTION_ID, response.body())));
                            } else {
                                refused.incrementAndGet();
                            }
                        });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        Thread.sleep(seconds * 1000L / 3);
        long swapStart = System.nanoTime();
        upload(next);
        Thread.sleep(seconds * 1000L - seconds * 1000L / 3);
        while (issued.get() < total || outstanding.availablePermits() < OUTSTANDING) {
            Thread.sleep(10);
        }
        pacer.shutdownNow();
        long elapsed = System.nanoTime() - start;

        List<Sent> all = new ArrayList<>(acked);
        Map<String, String> versions = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        Semaphore checks = new Semaphore(32);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (Sent sent : all) {
            checks.acquire();
            pending.add(CompletableFuture.runAsync(() -> {
                try {
                    String end = awaitEnd(sent.executionId());
                    if (!end.contains("\"state\":\"COMPLETED\",\"tenant\"")) {
                        failed.add(sent.executionId());
                    }
                    Matcher version = BUNDLE_VERSION.matcher(end);
                    versions.put(sent.executionId(), version.find() ? version.group(1) : "?");
                } catch (Exception e) {
                    failed.add(sent.executionId() + " " + e);
                } finally {
                    checks.release();
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        long swapEnd = all.stream().filter(s -> "9.9.9".equals(versions.get(s.executionId())))
                .mapToLong(Sent::ackedAt).min().orElse(Long.MAX_VALUE);
        List<Double> overall = new ArrayList<>();
        List<Double> window = new ArrayList<>();
        for (Sent sent : all) {
            double ms = (sent.ackedAt() - sent.sentAt()) / 1e6;
            overall.add(ms);
            if (sent.sentAt() >= swapStart && sent.sentAt() <= swapEnd) {
                window.add(ms);
            }
        }
        Collections.sort(overall);
        Collections.sort(window);
        System.out.printf("update_offered_rate_per_s: %d%n", rate);
        System.out.printf("update_achieved_rate_per_s: %.0f%n", all.size() / (elapsed / 1e9));
        System.out.printf("update_acknowledged: %d%n", all.size());
        System.out.printf("update_failed_acknowledged: %d%n", failed.size());
        System.out.printf("update_not_acknowledged: %d (refused %d, transport errors %d)%n", refused.get() + errors.get(),
                refused.get(), errors.get());
        System.out.printf("update_ran_on_new_revision: %d%n", versions.values().stream().filter("9.9.9"::equals).count());
        System.out.printf("update_ack_p50_ms: %.2f%nupdate_ack_p99_ms: %.2f%n", pct(overall, 50), pct(overall, 99));
        System.out.printf("update_swap_window_ms: %.0f%n", swapEnd == Long.MAX_VALUE ? -1 : (swapEnd - swapStart) / 1e6);
        System.out.printf("update_swap_window_requests: %d%n", window.size());
        System.out.printf("update_swap_ack_p50_ms: %.2f%nupdate_swap_ack_p99_ms: %.2f%n", pct(window, 50), pct(window, 99));
        if (!failed.isEmpty()) {
            System.out.println("failed: " + failed.subList(0, Math.min(10, failed.size())));
        }
    }

    private static void upload(Path jar) throws Exception {
        HttpResponse<String> answer = HTTP.send(authorized("/admin/v1/bundles?fileName=" + jar.getFileName())
                .header("Content-Type", "application/java-archive").POST(HttpRequest.BodyPublishers.ofFile(jar)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** The jar with another Bundle-Version: the next revision of the same bundle. */
    private static Path withVersion(Path source, String version) throws IOException {
        Path target = Files.createTempFile("handler-" + version + "-", ".jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    // ---------------------------------------------------------------- HTTP

    private static HttpResponse<String> submit() throws Exception {
        return HTTP.send(authorized("/api/v1/intents").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GREET)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The execution's JSON once it is COMPLETED or FAILED. */
    private static String awaitEnd(String id) throws Exception {
        for (int i = 0; i < 60_000; i++) {
            String body = HTTP.send(authorized("/api/v1/executions/" + id).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"state\":\"COMPLETED\",\"tenant\"") || body.contains("\"state\":\"FAILED\",\"tenant\"")) {
                return body;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("execution " + id + " did not end");
    }

    private static HttpRequest.Builder authorized(String path) {
        String root = base.replaceAll("/api/v1$", "");
        return HttpRequest.newBuilder(URI.create(path.startsWith("/admin") ? root + path : root + path))
                .header("Authorization", "Bearer " + token);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double pct(List<Double> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
