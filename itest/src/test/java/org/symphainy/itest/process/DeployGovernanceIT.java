package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governed deployer behind both doors of the real distribution: a trial resolve that refuses an unresolvable
 * upload with the missing requirement and the candidates (problem+json members), an uninstall of a bundle others
 * require refused (deploy folder and admin API) with its blast radius, a file still being written installed once and
 * whole, a duplicate intent refused naming both bundles, and an update whose activation throws rolled back to the
 * previous revision through a recorded intent — the container running throughout.
 */
class DeployGovernanceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path work;

    private String root;
    private String adminKey;

    @Test
    void refusesWhatWouldBreakTheRunningSystemAndRollsBackWhatDoesNotBecomeReady() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        Path files = Files.createDirectories(work.resolve("files"));
        Path api = TestBundles.bundle(files, "org.acme.api", "1.0.0", "Export-Package", "org.acme.api;version=1.0.0");
        Path user = TestBundles.bundle(files, "org.acme.user", "1.0.0", "Import-Package", "org.acme.api;version=\"[1,2)\"");
        Path needy = TestBundles.bundle(files, "org.acme.needy", "1.0.0", "Import-Package", "org.acme.api;version=\"[2,3)\"");

        try (ContainerProcess container = ContainerProcess.start(home, work.resolve("data"), Map.of())) {
            container.awaitReady();
            root = "http://127.0.0.1:" + container.port();
            adminKey = Files.readString(container.data().resolve("admin.key")).trim();

            // a file that needs what is not deployed yet waits for it, and is deployed once it comes
            container.deploy(user, "user.jar");
            container.await("ERROR deploy - user\\.jar: rejected for now: .*would not resolve against the running system: "
                    + "nothing installed provides osgi\\.wiring\\.package.*; it is tried again each time another bundle "
                    + "is installed");
            container.deploy(api, "api.jar");
            container.await("INFO deploy - user\\.jar: trying again now that org\\.acme\\.api 1\\.0\\.0 is "
                    + "resolved");
            String install = container.awaitAnywhere("INFO deploy - user\\.jar: platform\\.bundle\\.install org\\.acme\\.user "
                    + "1\\.0\\.0 submitted as execution (\\S+)").group(1);
            container.await("installed org\\.acme\\.user 1\\.0\\.0 as bundle \\d+ \\(execution " + install
                    + " by deploy-folder@system\\): dropped into deploy/ as user\\.jar");
            container.await("bundle started org\\.acme\\.user 1\\.0\\.0");
            // the install's execution tells what came of it in the framework, recorded beside it in the WAL
            assertTrue(Pattern.compile("\"effects\":\\[\\{\"by\":\"org\\.symphainy\\.curator\",\"at\":\"[^\"]+\","
                    + "\"applied\":true,\"summary\":\"installed org\\.acme\\.user 1\\.0\\.0 as bundle \\d+; started and ready\"}]")
                    .matcher(effectsOf(install)).find(), effectsOf(install));

            // trial resolve: refused before the framework is touched, with the requirement and the candidates
            HttpResponse<String> refused = eventually(() -> send(authorized("/admin/v1/bundles?fileName=needy.jar")
                    .header("Content-Type", "application/java-archive")
                    .POST(HttpRequest.BodyPublishers.ofFile(needy))), 422);
            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertTrue(refused.body().contains("\"type\":\"https://symphainy.org/problems/deploy-refused\""), refused.body());
            assertTrue(refused.body().contains("\"refusal\":\"unresolved\""), refused.body());
            assertTrue(refused.body().contains("\"namespace\":\"osgi.wiring.package\""), refused.body());
            assertTrue(refused.body().contains("(osgi.wiring.package=org.acme.api)"), refused.body());
            assertTrue(refused.body().contains("\"candidates\":[\"org.acme.api 1.0.0 from org.acme.api 1.0.0\"]"),
                    refused.body());

            // a bundle others require: removing its file is refused, and so is DELETE, with the blast radius
            container.undeploy("api.jar");
            container.await("ERROR deploy - api\\.jar: platform\\.bundle\\.uninstall refused \\(execution \\S+\\): .*"
                    + "FORBIDDEN.*org\\.acme\\.api 1\\.0\\.0 is required by \\[org\\.acme\\.user 1\\.0\\.0\\].*"
                    + "; org\\.acme\\.api 1\\.0\\.0 keeps running");
            String apiId = bundleId("org.acme.api");
            HttpResponse<String> radius = send(authorized("/admin/v1/bundles/" + apiId + "/blast-radius").GET());
            assertEquals(200, radius.statusCode(), radius.body());
            assertTrue(radius.body().contains("\"dependants\":[\"org.acme.user 1.0.0\"]"), radius.body());
            assertTrue(radius.body().contains("\"platformBundles\":[]"), radius.body());
            HttpResponse<String> delete = send(authorized("/admin/v1/bundles/" + apiId).DELETE());
            assertEquals(409, delete.statusCode(), delete.body());
            assertTrue(delete.body().contains("\"refusal\":\"required-by-dependants\""), delete.body());
            assertTrue(delete.body().contains("\"dependants\":[\"org.acme.user 1.0.0\"]"), delete.body());

            // a file still being written is waited for and installed once, whole
            writeSlowly(TestBundles.bundle(files, "org.acme.slow", "1.0.0", "Bundle-Description", "x".repeat(60_000)),
                    home.resolve("deploy").resolve("slow.jar"));
            container.await("bundle started org\\.acme\\.slow 1\\.0\\.0");

            // a duplicate intent at the same version is refused naming both bundles
            container.deploy(Path.of(System.getProperty("symphainy.itest.handler")), "greet.jar");
            container.await("bundle started org\\.symphainy\\.itest\\.handler ");
            container.deploy(TestBundles.bundle(files, "org.acme.copycat", "1.0.0", "Provide-Capability",
                    "symphainy.intent;symphainy.intent=\"test.greet\";version:Version=\"1.0.0\""), "copycat.jar");
            container.await("ERROR deploy - copycat\\.jar: rejected: 'copycat\\.jar' \\(org\\.acme\\.copycat 1\\.0\\.0\\) "
                    + "declares intent test\\.greet 1\\.0\\.0, which org\\.symphainy\\.itest\\.handler \\S+ already provides");

            // a saga without a handler of its own passes the readiness gate once the Conductor checked it
            container.deploy(TestBundles.bundleWithResources(files, "org.acme.twice", "1.0.0",
                    Map.of("sagas/acme.greet.twice.json", "{\"steps\": [{\"name\": \"first\", \"intent\": \"test.greet\"},"
                            + " {\"name\": \"second\", \"intent\": \"test.greet\"}]}"),
                    "Provide-Capability", "symphainy.intent;symphainy.intent=\"acme.greet.twice\";version:Version=\"1.0.0\";"
                            + "saga=\"sagas/acme.greet.twice.json\""), "twice.jar");
            container.await("INFO deploy - started org\\.acme\\.twice 1\\.0\\.0 \\(execution \\S+ by deploy-folder@system\\)");
            Pattern sagaReady = Pattern.compile("\"acme.greet.twice\"[^}]*\"handler\":false,\"ready\":true");
            HttpResponse<String> intents = send(authorized("/admin/v1/intents").GET());
            for (int i = 0; i < 100 && !sagaReady.matcher(intents.body()).find(); i++) {
                Thread.sleep(50); // the Conductor checks the definition as the bundle starts
                intents = send(authorized("/admin/v1/intents").GET());
            }
            assertTrue(sagaReady.matcher(intents.body()).find(), intents.body());

            // an update whose activation throws is rolled back to the previous revision, recorded in the WAL
            container.deploy(TestBundles.bundle(files, "org.acme.good", "1.0.0"), "good.jar");
            container.await("bundle started org\\.acme\\.good 1\\.0\\.0");
            container.deploy(TestBundles.failingActivator(files, "org.acme.good", "1.1.0", "no license key"), "good.jar");
            String update = container.awaitAnywhere("INFO deploy - good\\.jar: platform\\.bundle\\.update org\\.acme\\.good "
                    + "1\\.1\\.0 submitted as execution (\\S+)").group(1);
            container.await("org\\.acme\\.good 1\\.1\\.0 failed its readiness gate \\(.*no license key.*\\); rolling it back");
            // the previous revision is started inside the drain, before the update is reported done
            container.await("bundle started org\\.acme\\.good 1\\.0\\.0");
            Matcher rollback = container.await("INFO deploy - updated org\\.acme\\.good from 1\\.1\\.0 to 1\\.0\\.0 "
                    + "\\(execution (\\S+) by deployer@system\\): rolled back: org\\.acme\\.good 1\\.1\\.0 was not ready");
            HttpResponse<String> execution = send(authorized("/admin/v1/executions/" + rollback.group(1)).GET());
            assertEquals(200, execution.statusCode(), execution.body());
            assertTrue(execution.body().contains("platform.bundle.update") && execution.body().contains("rolled back"),
                    execution.body());
            // the update COMPLETED as a decision; its effect says it did not take, and which execution undid it
            String updated = effectsOf(update);
            assertTrue(updated.contains("\"applied\":false,\"summary\":\"updated org.acme.good from 1.0.0 to 1.1.0, but it "
                    + "was not ready ("), updated);
            assertTrue(updated.contains("no license key"), updated);
            assertTrue(updated.contains("; rolled back through platform.bundle.update (execution " + rollback.group(1) + ")\"}]"),
                    updated);
            assertTrue(effectsOf(rollback.group(1)).contains("\"applied\":true,\"summary\":\"updated org.acme.good from 1.1.0 "
                    + "to 1.0.0; started\"}]"), effectsOf(rollback.group(1)));
            HttpResponse<String> bundles = send(authorized("/admin/v1/bundles").GET());
            assertTrue(Pattern.compile("\"symbolicName\":\"org.acme.good\",\"version\":\"1.0.0\",\"state\":\"ACTIVE\"")
                    .matcher(bundles.body()).find(), bundles.body());
            assertFalse(bundles.body().contains("org.acme.needy") || bundles.body().contains("org.acme.copycat"),
                    "refused bundles are never installed: " + bundles.body());

            assertEquals(0, container.terminate(), container.output());
            assertFalse(container.output().contains("slow.jar: rejected"), "a growing file is never read half:\n"
                    + container.output());
            assertFalse(container.output().contains("org.acme.twice 1.0.0 failed its readiness gate"), container.output());
        }
    }

    /** Writes {@code jar} into {@code target} in pieces, a moment apart, as a slow copy does. */
    private static void writeSlowly(Path jar, Path target) throws IOException, InterruptedException {
        byte[] bytes = Files.readAllBytes(jar);
        int piece = bytes.length / 5 + 1;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int from = 0; from < bytes.length; from += piece) {
                out.write(bytes, from, Math.min(piece, bytes.length - from));
                out.flush();
                Thread.sleep(120);
            }
        }
    }

    private String bundleId(String symbolicName) throws IOException, InterruptedException {
        HttpResponse<String> bundles = send(authorized("/admin/v1/bundles").GET());
        Matcher id = Pattern.compile("\\{\"id\":(\\d+),\"symbolicName\":\"" + Pattern.quote(symbolicName) + "\"")
                .matcher(bundles.body());
        assertTrue(id.find(), bundles.body());
        return id.group(1);
    }

    /** Asks until the answer has {@code status} (the admin API comes up a moment after the ready line). */
    /** The execution's JSON once it shows its effects (the deployer records them after it applied the change). */
    private String effectsOf(String executionId) throws Exception {
        long deadline = System.nanoTime() + ContainerProcess.PATIENCE.toNanos();
        HttpResponse<String> response = send(authorized("/admin/v1/executions/" + executionId).GET());
        while (!response.body().contains("\"effects\"") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = send(authorized("/admin/v1/executions/" + executionId).GET());
        }
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private HttpResponse<String> eventually(java.util.concurrent.Callable<HttpResponse<String>> ask, int status)
            throws Exception {
        long deadline = System.nanoTime() + ContainerProcess.PATIENCE.toNanos();
        HttpResponse<String> response = ask.call();
        while (response.statusCode() != status && response.statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = ask.call();
        }
        return response;
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminKey);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
