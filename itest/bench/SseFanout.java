import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSE fan-out client of itest/bench/sse-fanout-bench.sh: submits one test.pause execution, opens N subscribers on
 * its /events from one JVM (asynchronous bodies, no thread per subscriber), and prints, one "name: value" line each:
 *   sse_subscribers            subscribers whose stream opened and sent the current state while the execution ran
 *   sse_all_delivered          subscribers that then received every update, sequence by sequence, up to COMPLETED
 *   sse_fanout_p50_ms / _p99_ms  per subscriber, from the COMPLETED update's recorded time ("at", the server's clock,
 *                              the same host) to that subscriber reading its event
 *   sse_connect_ms             from the submission to the last subscriber's first event
 *   sse_container_rss_mb       the container's resident memory (VmRSS) with every subscriber connected
 *
 *   java SseFanout.java API_BASE TOKEN SUBSCRIBERS PAUSE_MILLIS CONTAINER_PID
 */
public class SseFanout {

    static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");
    static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
    static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");

    /** One subscriber's stream: the sequences it read, and when it read the terminal update. */
    static final class Subscriber implements Flow.Subscriber<String> {
        final CountDownLatch first, done;
        final List<Long> sequences = new ArrayList<>();
        volatile String firstState, lastState;
        volatile Instant terminalAt, terminalReceived;

        Subscriber(CountDownLatch first, CountDownLatch done) {
            this.first = first;
            this.done = done;
        }

        public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }

        public void onNext(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            Instant now = Instant.now();
            Matcher seq = SEQUENCE.matcher(line), state = STATE.matcher(line);
            if (!seq.find() || !state.find()) {
                return;
            }
            synchronized (this) {
                sequences.add(Long.parseLong(seq.group(1)));
            }
            lastState = state.group(1);
            if (firstState == null) {
                firstState = lastState;
                first.countDown();
            }
            if (lastState.equals("COMPLETED") || lastState.equals("FAILED")) {
                Matcher at = AT.matcher(line);
                terminalAt = at.find() ? Instant.parse(at.group(1)) : null;
                terminalReceived = now;
            }
        }

        public void onError(Throwable t) { finish(); }

        public void onComplete() { finish(); }

        private void finish() {
            if (firstState == null) {
                first.countDown();
            }
            done.countDown();
        }

        /** Every update from the first one read to the terminal one, in order, none missing. */
        synchronized boolean gotEvery() {
            if (!"COMPLETED".equals(lastState) || firstState.equals("COMPLETED")) {
                return false;
            }
            for (int i = 1; i < sequences.size(); i++) {
                if (sequences.get(i) != sequences.get(i - 1) + 1) {
                    return false;
                }
            }
            return true;
        }
    }

    public static void main(String[] args) throws Exception {
        String api = args[0], token = args[1];
        int n = Integer.parseInt(args[2]);
        long pause = Long.parseLong(args[3]);
        long pid = Long.parseLong(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        long submitted = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(api + "/intents"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"test.pause\",\"payload\":{\"millis\":" + pause + "}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"executionId\":\"([^\"]+)\"").matcher(accepted.body());
        if (accepted.statusCode() != 202 || !id.find()) {
            throw new IllegalStateException("submit answered " + accepted.statusCode() + " " + accepted.body());
        }
        HttpRequest events = HttpRequest.newBuilder(URI.create(api + "/executions/" + id.group(1) + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        CountDownLatch first = new CountDownLatch(n), done = new CountDownLatch(n);
        List<Subscriber> subscribers = new ArrayList<>();
        List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Subscriber s = new Subscriber(first, done);
            subscribers.add(s);
            responses.add(http.sendAsync(events, HttpResponse.BodyHandlers.fromLineSubscriber(s))
                    .whenComplete((r, e) -> { if (e != null) s.onError(e); }));
        }
        first.await(120, TimeUnit.SECONDS);
        long connectMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitted);
        String rss = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("VmRSS: ? kB").replaceAll("\\D+", " ").trim();
        done.await(pause + 120_000, TimeUnit.MILLISECONDS);

        int opened = 0, every = 0;
        List<Double> latencies = new ArrayList<>();
        for (Subscriber s : subscribers) {
            if (s.firstState != null && !s.firstState.equals("COMPLETED")) {
                opened++;
            }
            if (s.gotEvery()) {
                every++;
            }
            if (s.terminalAt != null && s.terminalReceived != null) {
                latencies.add(Duration.between(s.terminalAt, s.terminalReceived).toNanos() / 1e6);
            }
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("sse_subscribers: %d%n", opened);
        System.out.printf("sse_all_delivered: %d%n", every);
        System.out.printf("sse_fanout_p50_ms: %.1f%n", percentile(sorted, 50));
        System.out.printf("sse_fanout_p99_ms: %.1f%n", percentile(sorted, 99));
        System.out.printf("sse_connect_ms: %d%n", connectMs);
        System.out.printf("sse_container_rss_mb: %d%n", Long.parseLong(rss) / 1024);
        if (connectMs >= pause) {
            System.out.println("warning: subscribing took longer than the pause (" + pause + " ms): raise it");
        }
        System.exit(0);
    }

    static double percentile(double[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
