package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new solution author does: the bundle that the solution archetype's integration test generated with
 * {@code mvn archetype:generate} and built with {@code mvn verify} is dropped into {@code deploy/} of the real
 * {@code bin/symphainy}; once its intent is callable, it is called over REST and its artifact checked.
 */
class SolutionArchetypeIT {

    /** The execution's own state: a step's "state" is followed by "attempts", the execution's by "tenant". */
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z_]+)\",\"tenant\"");
    private static final Pattern CONTENT = Pattern.compile("\"content\":\"([^\"]+)\"");

    /** The policy a new solution needs: by default nothing but the administrator's platform intents is allowed. */
    private static final String ALLOW_ACME = "{\"type\":\"platform.policy.set\",\"payload\":{\"reason\":\"the hello "
            + "solution\",\"policy\":{\"rules\":[{\"id\":\"admins\",\"effect\":\"allow\",\"intent\":\"platform.*\","
            + "\"tenant\":\"system\",\"when\":\"'admin' in principal.roles\"},{\"id\":\"hello\",\"effect\":\"allow\","
            + "\"intent\":\"acme.*\",\"tenant\":\"system\"}]}}}";

    @TempDir
    Path work;

    @Test
    void theGeneratedSolutionDeploysAndItsIntentAnswersOverRest() throws Exception {
        Path solution = Path.of(System.getProperty("symphainy.itest.solution",
                "../solution-templates/archetype/target/test-classes/projects/hello/project/hello-solution/target/"
                        + "hello-solution-1.0.0.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(solution), "the archetype's integration test did not build " + solution);
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));

        try (ContainerProcess container = ContainerProcess.start(home, work.resolve("data"), Map.of())) {
            container.awaitReady();
            ApiClient api = ApiClient.signIn(container);
            HttpResponse<String> policy = api.submit(ALLOW_ACME);
            assertEquals(202, policy.statusCode(), policy.body());
            container.deploy(solution, "hello-solution.jar");

            HttpResponse<String> accepted = submitWhenCallable(api, container,
                    "{\"type\":\"acme.hello\",\"payload\":{\"name\":\"Ada\"}}");
            String execution = awaitCompleted(api, container, ApiClient.group(ApiClient.EXECUTION_ID, accepted.body()));
            assertTrue(execution.contains("\"kind\":\"acme.hello.greeting\""), execution);
            assertTrue(execution.contains("\"handler\":{\"bundle\":\"org.acme.hello-solution\""), execution);

            HttpResponse<String> artifact = api.get(URI.create(ApiClient.group(CONTENT, execution)));
            assertEquals(200, artifact.statusCode(), artifact.body());
            assertTrue(artifact.body().matches("\\{\"greeting\":\"Hello, Ada!\",\"at\":\"[^\"]+\",\"luckyNumber\":\\d{1,2}}"),
                    artifact.body());

            HttpResponse<String> invalid = api.submit("{\"type\":\"acme.hello\",\"payload\":{\"nom\":\"Ada\"}}");
            assertEquals(422, invalid.statusCode(), invalid.body());
            assertTrue(invalid.body().contains("payload-invalid"), invalid.body());
        }
    }

    /**
     * Submits {@code body} until the deployed intent is callable (202): the bundle is admitted and the policy applied;
     * failing after {@link ContainerProcess#PATIENCE}.
     */
    private static HttpResponse<String> submitWhenCallable(ApiClient api, ContainerProcess container, String body)
            throws Exception {
        long deadline = System.nanoTime() + ContainerProcess.PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> response = api.submit(body);
            if (response.statusCode() == 202) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                fail("the deployed intent never became callable; last answer " + response.statusCode() + " "
                        + response.body() + "\noutput:\n" + container.output());
            }
            Thread.sleep(100);
        }
    }

    private static String awaitCompleted(ApiClient api, ContainerProcess container, String id) throws Exception {
        long deadline = System.nanoTime() + ContainerProcess.PATIENCE.toNanos();
        while (true) {
            String execution = api.get("/executions/" + id).body();
            String state = ApiClient.group(STATE, execution);
            if (state.equals("COMPLETED")) {
                return execution;
            }
            if (state.equals("FAILED") || System.nanoTime() > deadline) {
                fail("execution " + id + " is " + state + ": " + execution + "\noutput:\n" + container.output());
            }
            Thread.sleep(100);
        }
    }
}
