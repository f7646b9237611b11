import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SSE fan-out of one execution's updates: N subscribers follow an execution held for approval; a second administrator
 * (signed in with a JWT) approves it; each subscriber's time from the approval request to its COMPLETED event is its
 * fan-out latency. Run by sse-fanout-bench.sh: java SseFanout.java PORT ADMIN_KEY_FILE HMAC_SECRET_BASE64 SUBSCRIBERS CONTAINER_PID
 */
public final class SseFanout {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern EXECUTION_ID = Pattern.compile("\"executionId\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String api = "http://127.0.0.1:" + args[0] + "/api/v1";
        String key = Files.readString(Path.of(args[1])).strip();
        byte[] secret = Base64.getDecoder().decode(args[2]);
        int subscribers = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();

        String submitter = signIn(http, api, key);
        String approver = signIn(http, api, jwt(secret));
        String accepted = post(http, api + "/intents", submitter,
                "{\"type\":\"platform.echo\",\"payload\":{\"hold\":true,\"bench\":\"sse\"}}");
        String id = group(EXECUTION_ID, accepted);

        CountDownLatch connected = new CountDownLatch(subscribers);
        CountDownLatch finished = new CountDownLatch(subscribers);
        long[] completedAt = new long[subscribers];
        AtomicInteger broken = new AtomicInteger();
        List<CompletableFuture<?>> streams = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            int index = i;
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/executions/" + id + "/events"))
                    .header("Authorization", "Bearer " + submitter).header("Accept", "text/event-stream").GET().build();
            boolean[] first = {true};
            streams.add(http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
                public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }
                public void onNext(String line) {
                    if (!line.startsWith("data:")) {
                        return;
                    }
                    if (first[0]) {
                        first[0] = false;
                        connected.countDown();
                    }
                    if (line.contains("\"state\":\"COMPLETED\"") && completedAt[index] == 0) {
                        completedAt[index] = System.nanoTime();
                        finished.countDown();
                    }
                }
                public void onError(Throwable t) {
                    broken.incrementAndGet();
                }
                public void onComplete() {
                }
            })));
        }
        if (!connected.await(120, TimeUnit.SECONDS)) {
            System.out.println("# only " + (subscribers - connected.getCount()) + " subscribers got the current state");
        }
        String rss = Files.readAllLines(Path.of("/proc/" + args[4] + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("VmRSS: 0 kB").replaceAll("\\D", "");
        long approvedAt = System.nanoTime();
        post(http, api + "/intents", approver, "{\"type\":\"platform.execution.approve\",\"payload\":{\"executionId\":\""
                + id + "\",\"reason\":\"sse fan-out bench\"}}");
        finished.await(120, TimeUnit.SECONDS);

        double[] millis = Arrays.stream(completedAt).filter(t -> t != 0).mapToDouble(t -> (t - approvedAt) / 1e6).sorted()
                .toArray();
        System.out.println("sse_subscribers: " + subscribers);
        System.out.println("sse_connected: " + (subscribers - connected.getCount()));
        System.out.println("sse_all_delivered: " + millis.length);
        System.out.println("sse_broken_streams: " + broken.get());
        System.out.println("container_rss_mb: " + Long.parseLong(rss) / 1024 + " (with the subscribers connected)");
        if (millis.length > 0) {
            System.out.printf("sse_fanout_p50_ms: %.1f%n", millis[(int) Math.ceil(millis.length * 0.50) - 1]);
            System.out.printf("sse_fanout_p99_ms: %.1f%n", millis[(int) Math.ceil(millis.length * 0.99) - 1]);
            System.out.printf("sse_fanout_max_ms: %.1f%n", millis[millis.length - 1]);
        }
        System.exit(0);
    }

    private static String signIn(HttpClient http, String api, String credential) throws Exception {
        return group(TOKEN, post(http, api + "/sessions", credential, null));
    }

    private static String post(HttpClient http, String url, String bearer, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer);
        request = json == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** An HS256 JWT for a second administrator of tenant system, valid for an hour. */
    private static String jwt(byte[] secret) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"approver\",\"tenant\":\"system\",\"roles\":[\"admin\"],\"iat\":"
                + now + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String signature = b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + claims + "." + signature;
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return m.group(1);
    }
}
