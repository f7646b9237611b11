import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
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
 * Bundle-Version) at a third of the run, sent over 64 keep-alive connections; every 202 is followed to its end; prints
 * acknowledged, failed acknowledged, and the p50/p99 latency to 202 (from the time each request was due) overall and in
 * the swap window.
 */
public final class DeployBench {

    private static final Pattern EXECUTION_ID = Pattern.compile("\"executionId\":\"([^\"]+)\"");
    private static final Pattern BUNDLE_VERSION = Pattern.compile("\"bundleVersion\":\"([^\"]+)\"");
    /** Keep-alive connections (one sending thread each) that carry the update run's load. */
    private static final int CONNECTIONS = 64;
    /** The first seconds of the update run, reported apart: the container's request path is still being compiled. */
    private static final int WARMUP_SECONDS = 5;
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
        // open loop: a pacer hands out each request's scheduled time when it is due; CONNECTIONS threads, each on its
        // own keep-alive connection, send them. A late answer delays nothing else, and its latency counts from the
        // time it was due (a request waiting for a free connection is charged for it).
        BlockingQueue<Long> due = new LinkedBlockingQueue<>();
        long total = (long) rate * seconds;
        AtomicLong issued = new AtomicLong();
        long start = System.nanoTime();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            long by = Math.min(total, (now - start) * rate / 1_000_000_000L);
            for (long n = issued.get(); n < by; n++) {
                due.add(start + n * 1_000_000_000L / rate);
            }
            issued.set(Math.max(issued.get(), by));
        }, 0, 1, TimeUnit.MILLISECONDS);
        List<Thread> senders = new ArrayList<>();
        byte[] greet = GREET.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < CONNECTIONS; i++) {
            Thread sender = new Thread(() -> {
                try (Connection connection = new Connection()) {
                    while (true) {
                        long scheduled = due.take();
                        if (scheduled == Long.MIN_VALUE) {
                            return;
                        }
                        try {
                            Connection.Answer answer = connection.send("POST", "/api/v1/intents", greet);
                            if (answer.status() == 202) {
                                acked.add(new Sent(scheduled, System.nanoTime(), group(EXECUTION_ID, answer.body())));
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load-" + i);
            sender.start();
            senders.add(sender);
        }
        Thread.sleep(seconds * 1000L / 3);
        long swapStart = System.nanoTime();
        upload(next);
        while (issued.get() < total) {
            Thread.sleep(10);
        }
        pacer.shutdownNow();
        for (int i = 0; i < CONNECTIONS; i++) {
            due.add(Long.MIN_VALUE);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        long elapsed = System.nanoTime() - start;

        List<Sent> all = new ArrayList<>(acked);
        Map<String, String> versions = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService checkers = Executors.newFixedThreadPool(32);
        ThreadLocal<Connection> checkConnection = ThreadLocal.withInitial(Connection::new);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (Sent sent : all) {
            pending.add(CompletableFuture.runAsync(() -> {
                try {
                    String end = awaitEnd(checkConnection.get(), sent.executionId());
                    if (!end.contains("\"state\":\"COMPLETED\",\"tenant\"")) {
                        failed.add(sent.executionId());
                    }
                    Matcher version = BUNDLE_VERSION.matcher(end);
                    versions.put(sent.executionId(), version.find() ? version.group(1) : "?");
                } catch (Exception e) {
                    failed.add(sent.executionId() + " " + e);
                }
            }, checkers));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        checkers.shutdownNow();
        long swapEnd = all.stream().filter(s -> "9.9.9".equals(versions.get(s.executionId())))
                .mapToLong(Sent::ackedAt).min().orElse(Long.MAX_VALUE);
        List<Double> overall = new ArrayList<>();
        List<Double> window = new ArrayList<>();
        List<Double> warmup = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        long warm = start + WARMUP_SECONDS * 1_000_000_000L;
        for (Sent sent : all) {
            double ms = (sent.ackedAt() - sent.sentAt()) / 1e6;
            overall.add(ms);
            if (sent.sentAt() >= swapStart && sent.sentAt() <= swapEnd) {
                window.add(ms);
            } else if (sent.sentAt() < warm) {
                warmup.add(ms);
            } else {
                (sent.sentAt() < swapStart ? before : after).add(ms);
            }
        }
        for (List<Double> latencies : List.of(overall, window, warmup, before, after)) {
            Collections.sort(latencies);
        }
        System.out.printf("update_offered_rate_per_s: %d (%d connections)%n", rate, CONNECTIONS);
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
        System.out.printf("update_first_%ds_ack_p50_ms: %.2f (cold JIT)%nupdate_first_%ds_ack_p99_ms: %.2f%n",
                WARMUP_SECONDS, pct(warmup, 50), WARMUP_SECONDS, pct(warmup, 99));
        System.out.printf("update_before_swap_ack_p50_ms: %.2f%nupdate_before_swap_ack_p99_ms: %.2f%n", pct(before, 50),
                pct(before, 99));
        System.out.printf("update_after_swap_ack_p50_ms: %.2f%nupdate_after_swap_ack_p99_ms: %.2f%n", pct(after, 50),
                pct(after, 99));
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

    /** The execution's JSON once it is COMPLETED or FAILED, read over {@code connection}. */
    private static String awaitEnd(Connection connection, String id) throws Exception {
        for (int i = 0; i < 60_000; i++) {
            String body = connection.send("GET", "/api/v1/executions/" + id, null).body();
            if (body.contains("\"state\":\"COMPLETED\",\"tenant\"") || body.contains("\"state\":\"FAILED\",\"tenant\"")) {
                return body;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("execution " + id + " did not end");
    }

    /**
     * One keep-alive HTTP/1.1 connection to the container, used by one thread: a request written, its answer read
     * (Content-Length or chunked), reconnecting when the server closes. The JDK's client, asynchronous, could not offer
     * 1,000 requests/s here beside the container on two cores; this does, with a fixed number of connections.
     */
    private static final class Connection implements AutoCloseable {

        record Answer(int status, String body) {
        }

        private final URI root = URI.create(base.replaceAll("/api/v1$", ""));
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Answer send(String method, String path, byte[] body) throws IOException {
            try {
                return exchange(method, path, body);
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private Answer exchange(String method, String path, byte[] body) throws IOException {
            if (socket == null) {
                socket = new Socket(root.getHost(), root.getPort());
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            }
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(root.getHost()).append(':').append(root.getPort()).append("\r\n")
                    .append("Authorization: Bearer ").append(token).append("\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.split(" ", 3)[1]);
            int length = 0;
            boolean chunked = false;
            boolean closes = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closes = true;
                }
            }
            byte[] content;
            if (chunked) {
                java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    chunks.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
                content = chunks.toByteArray();
            } else {
                content = in.readNBytes(length);
            }
            if (closes) {
                close();
            }
            return new Answer(code, new String(content, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
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
