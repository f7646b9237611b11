package org.symphainy.itest.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.symphainy.sdk.governance.CityManager;
import org.symphainy.sdk.governance.DataSteward;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.SecurityGuard;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.governance.TrafficCop;
import org.symphainy.sdk.health.IntentHealth;
import org.symphainy.sdk.health.IntentStatus;
import org.symphainy.sdk.health.Readiness;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.ledger.Ledger;
import org.symphainy.sdk.ledger.LedgerRecord;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.RetryPolicies;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaRefusal;
import org.symphainy.sdk.saga.Sagas;

/**
 * Sagas in the real container: the saga {@code itest.order.place} of one bundle (itest/saga-bundle) over the step
 * intents of another (itest/saga-steps-bundle), checked by the real Conductor when they were deployed, run by the
 * Runtime, retried with the per-step policies of the definition and the real Nurse's policies (for compensations),
 * payloads validated by the real Librarian; the WAL read back through the {@link Ledger}. The other governance roles
 * are allow-all stand-ins: these tests are about sagas, not policy. Each step handler is steered by the saga input's
 * {@code behaviour} object ({@code "<step>": "fail-<n>" | "fail-always" | "pause-<millis>"}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SagaIT {

    private static final String SAGA = "itest.order.place";
    private static final String SAGA_BUNDLE = "org.symphainy.itest.saga";
    private static final String CANCEL = "platform.execution.cancel";
    /** The Nurse's policy for the test intents: two attempts, 50 ms apart; compensations retry by it. */
    private static final String NURSE_POLICY = "itest.*=maxAttempts:2,initialInterval:50ms,maxInterval:100ms,jitter:0";
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern STEP = Pattern.compile("\"step\":(\\d+)");

    @Inject
    private BundleContext context;

    private ContainerServices container;
    private final List<ServiceRegistration<?>> roles = new ArrayList<>();

    /** The distribution's container and the two saga bundles, built with the SDK. */
    @Configuration
    public Option[] configuration() throws IOException {
        return options(Distribution.container(), bundle(location("symphainy.itest.saga.steps")).start(),
                bundle(location("symphainy.itest.saga")).start());
    }

    @Before
    public void prepare() throws Exception {
        container = new ContainerServices(context);
        allowEveryStageButTheLibrarian();
        configureTheNurse();
    }

    @After
    public void withdrawRoles() {
        container.close();
        roles.forEach(ServiceRegistration::unregister);
        roles.clear();
    }

    @Test
    public void aSagaAcrossTwoBundlesCompletesWithPayloadsMappedFromTheInputAndEarlierSteps() throws Exception {
        Sagas sagas = container.service(Sagas.class);
        ContainerServices.await(() -> sagas.definition(SAGA).isPresent(), "the Conductor to accept " + SAGA
                + " (refusals now: " + sagas.refusals() + ")");
        SagaDefinition definition = sagas.definition(SAGA).orElseThrow();
        assertEquals(List.of("reserve", "charge", "ship"),
                definition.steps().stream().map(step -> step.name()).collect(Collectors.toList()));

        Execution saga = run(order("o-1", "{}"));

        assertEquals(describe(saga), "COMPLETED", saga.state().name());
        String reservation = artifact(saga, "itest.reservation");
        String charge = artifact(saga, "itest.charge");
        String shipment = artifact(saga, "itest.shipment");
        String reservationId = id(reservation);
        String chargeId = id(charge);
        assertTrue(reservation, reservation.contains("\"order\":\"o-1\",\"sku\":\"sku-9\""));
        assertTrue("charge's payload maps the input's amount and reserve's artifact id: " + charge,
                charge.contains("\"amount\":42.5") && charge.contains("\"reservationId\":\"" + reservationId + "\""));
        assertTrue("ship's payload maps both earlier artifacts: " + shipment,
                shipment.contains("\"reservationId\":\"" + reservationId + "\"")
                        && shipment.contains("\"chargeId\":\"" + chargeId + "\""));
        assertEquals(describe(saga), List.of("itest.stock.reserve", "itest.payment.charge", "itest.shipping.ship"),
                saga.steps().stream().map(step -> step.intentType()).collect(Collectors.toList()));
        List<String> types = types(saga.id());
        assertEquals(types.toString(), "IntentAccepted", types.get(0));
        assertEquals(types.toString(), 3, count(types, "StepCompleted"));
        assertEquals(types.toString(), 0, count(types, "StepFailed"));
        assertFalse(types.toString(), types.stream().anyMatch(type -> type.startsWith("Compensation")));
    }

    @Test
    public void eachStepDrawsRandomNumbersOfItsOwn() throws Exception {
        Execution saga = run(order("o-12", "{}"));

        String reservation = id(artifact(saga, "itest.reservation")).substring(2);
        String charge = id(artifact(saga, "itest.charge")).substring(2);
        assertFalse("reserve and charge drew the same first number (" + reservation + ") from RuntimeContext.random(): "
                + "every step's recorded seed is the saga's; mix the step number into each step's seed",
                reservation.equals(charge));
    }

    @Test
    public void aStepThatFailsTwiceIsRetriedByItsOwnPolicyAndTheSagaCompletes() throws Exception {
        Execution saga = run(order("o-2", "{\"charge\":\"fail-2\"}"));

        assertEquals(describe(saga), "COMPLETED", saga.state().name());
        assertTrue("the third attempt of charge completed: " + artifact(saga, "itest.charge"),
                artifact(saga, "itest.charge").contains("\"attempt\":3"));
        List<String> types = types(saga.id());
        assertEquals(types.toString(), 2, count(types, "StepFailed"));
        assertEquals(types.toString(), 3, count(types, "StepCompleted"));
        assertEquals(describe(saga), 3, saga.steps().stream().filter(step -> step.intentType().equals("itest.payment.charge"))
                .mapToInt(step -> step.attempts()).max().orElse(0));
    }

    @Test
    public void aStepThatFailsForGoodCompensatesTheCompletedStepsInReverseOrder() throws Exception {
        Execution saga = run(order("o-3", "{\"ship\":\"fail-always\"}"));

        assertEquals(describe(saga), "COMPENSATED", saga.state().name());
        assertNotNull(describe(saga), saga.failure());
        assertTrue(describe(saga), saga.failure().message().contains("ship"));
        List<LedgerRecord> records = container.service(Ledger.class).execution(saga.id());
        assertEquals("ship tried its three attempts: " + summary(records), 3, count(typesOf(records), "StepFailed"));
        assertEquals("refund (charge) first, then release (reserve): " + summary(records),
                List.of("itest.payment.refund", "itest.stock.release"), compensations(records, "CompensationCompleted"));
        assertFalse(summary(records), typesOf(records).contains("CompensationFailed"));
    }

    @Test
    public void aStepReturningAnUndeclaredArtifactKindFailsClearlyWithoutRetryAndTheSagaCompensates() throws Exception {
        Execution saga = run(order("o-11", "{\"charge\":\"undeclared-kind\"}"));

        assertEquals(describe(saga), "COMPENSATED", saga.state().name());
        assertEquals(describe(saga), ErrorCode.ARTIFACT_REJECTED, saga.failure().code());
        assertTrue("the failure names the step and the kind: " + saga.failure().message(),
                saga.failure().message().contains("charge") && saga.failure().message().contains("itest.undeclared"));
        List<LedgerRecord> records = container.service(Ledger.class).execution(saga.id());
        assertEquals("not retried: the same input gives the same artifacts: " + summary(records), 1,
                count(typesOf(records), "StepFailed"));
        assertEquals("only reserve completed, so only it is compensated: " + summary(records),
                List.of("itest.stock.release"), compensations(records, "CompensationCompleted"));
    }

    @Test
    public void aCompensationThatKeepsFailingLeavesCompensationFailedWithWhatIsLeftToUndo() throws Exception {
        Execution saga = run(order("o-4", "{\"ship\":\"fail-always\",\"refund\":\"fail-always\"}"));

        assertEquals(describe(saga), "COMPENSATION_FAILED", saga.state().name());
        List<LedgerRecord> records = container.service(Ledger.class).execution(saga.id());
        assertEquals("the refund tried the Nurse's two attempts: " + summary(records),
                List.of("itest.payment.refund", "itest.payment.refund"), compensations(records, "CompensationFailed"));
        assertEquals("nothing was compensated, release was not attempted: " + summary(records),
                List.of(), compensations(records, "CompensationCompleted"));
        assertNotNull(describe(saga), saga.failure());
        String left = saga.failure().message();
        assertTrue("the failure names what an operator must undo by hand (charge and reserve): " + left,
                left.contains("charge") && left.contains("reserve"));
    }

    @Test
    public void cancellingARunningSagaThroughThePlatformIntentCompensatesWhatItDid() throws Exception {
        Runtime runtime = container.service(Runtime.class);
        String id = runtime.submit(order("o-5", "{\"charge\":\"pause-2000\"}")).executionId();
        awaitStep(runtime, id, 2, "the charge step to start");

        Execution cancel = container.awaitEnd(runtime.submit(cancel(id, "the customer changed their mind")).executionId());
        Execution saga = container.awaitEnd(id);

        assertEquals(describe(cancel), "COMPLETED", cancel.state().name());
        assertEquals(describe(saga), "COMPENSATED", saga.state().name());
        assertEquals(describe(saga), "CANCELLED", saga.failure().code().name());
        assertTrue(describe(saga), saga.failure().message().contains("changed their mind"));
        List<LedgerRecord> records = container.service(Ledger.class).execution(id);
        assertEquals("ship never ran: " + summary(records), 2, count(typesOf(records), "StepCompleted"));
        assertEquals(summary(records), List.of("itest.payment.refund", "itest.stock.release"),
                compensations(records, "CompensationCompleted"));
        assertFalse("an ended saga cannot be cancelled again", "COMPLETED".equals(outcome(runtime, cancel(id, "again"))));
    }

    @Test
    public void aCancellationAcknowledgedWhileTheLastStepRunsIsNotLost() throws Exception {
        Runtime runtime = container.service(Runtime.class);
        String id = runtime.submit(order("o-9", "{\"ship\":\"pause-2000\"}")).executionId();
        awaitStep(runtime, id, 3, "the ship step to start");

        String cancel = outcome(runtime, cancel(id, "too late?"));
        Execution saga = container.awaitEnd(id);

        assertTrue("the cancellation was acknowledged as " + cancel + ", yet the saga ended " + describe(saga)
                + ": refuse it (NOT_CANCELLABLE) or compensate once the step ends",
                !"COMPLETED".equals(cancel) || "COMPENSATED".equals(saga.state().name()));
    }

    @Test
    public void aSagaNamingAnUnknownIntentIsRefusedAtDeployTimeAndCannotBeSubmitted() throws Exception {
        Bundle broken = context.installBundle("itest-broken-saga", Files.newInputStream(brokenSagaJar()));
        try {
            broken.start();
            Sagas sagas = container.service(Sagas.class);
            ContainerServices.await(() -> sagas.refusals().stream().anyMatch(r -> r.intentType().equals("itest.order.teleport")),
                    "the Conductor to refuse itest.order.teleport");
            SagaRefusal refusal = sagas.refusals().stream().filter(r -> r.intentType().equals("itest.order.teleport"))
                    .findFirst().orElseThrow();
            assertEquals("org.symphainy.itest.saga.broken", refusal.bundle());
            assertTrue(refusal.problems().toString(), refusal.problems().stream().anyMatch(problem -> "beam".equals(problem.step())
                    && problem.code().equals("UNKNOWN_INTENT") && problem.message().contains("itest.transporter.beam")));
            assertTrue(sagas.definition("itest.order.teleport").isEmpty());

            IntentException refused = assertThrows(IntentException.class,
                    () -> container.service(Runtime.class).submit(intent("itest.order.teleport", "{}")));
            assertTrue(refused.getMessage(), refused.code() != ErrorCode.DENIED);
        } finally {
            broken.uninstall();
        }
    }

    @Test
    public void theNurseReportsTheSagaIntentReadyWithItsCompletedAndCompensatedExecutions() throws Exception {
        run(order("o-6", "{}"));
        run(order("o-7", "{\"ship\":\"fail-always\"}"));
        IntentHealth health = container.service(IntentHealth.class);

        ContainerServices.await(() -> health.intent(SAGA).map(s -> s.executions().completed() >= 1
                && s.executions().failed() >= 1).orElse(false), "the Nurse to count the saga's executions: "
                + health.intent(SAGA));

        IntentStatus status = health.intent(SAGA).orElseThrow();
        assertEquals(status.detail(), Readiness.READY, status.readiness());
        assertTrue("a compensated saga counts as a failure: " + status, status.executions().failureRate() > 0);
        assertTrue(status.toString(), status.executions().failureCodes().stream()
                .anyMatch(count -> count.code() == ErrorCode.HANDLER_FAILED));
        for (String step : List.of("itest.stock.reserve", "itest.payment.charge", "itest.shipping.ship")) {
            assertEquals(step, Readiness.READY, health.intent(step).orElseThrow().readiness());
        }
    }

    @Test
    public void theAdminConsolesBulkReplayReplaysCompletedSagasIdentically() throws Exception {
        run(order("o-8", "{\"charge\":\"fail-1\"}"));
        configureTheRestWhiteboard();
        String key = Files.readString(Path.of(context.getProperty("symphainy.data"), "admin.key")).trim();
        HttpRequest replay = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + context.getProperty("org.osgi.service.http.port") + "/admin/v1/replay"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"" + SAGA + "\",\"limit\":50}")).build();
        HttpClient http = HttpClient.newHttpClient();
        ContainerServices.await(() -> send(http, replay).statusCode() != 404, "the admin API to be served");
        HttpResponse<String> answer = send(http, replay);

        assertEquals(answer.body(), 200, answer.statusCode());
        Matcher replayed = Pattern.compile("\"replayed\":(\\d+),\"identical\":(\\d+),\"changed\":0,\"failed\":0")
                .matcher(answer.body());
        assertTrue(answer.body(), replayed.find());
        assertTrue(answer.body(), Integer.parseInt(replayed.group(1)) >= 1);
        assertEquals(answer.body(), replayed.group(1), replayed.group(2));
    }

    /** Submits {@code intent} and waits for its execution to end. */
    private Execution run(Intent intent) throws InterruptedException {
        return container.awaitEnd(container.service(Runtime.class).submit(intent).executionId());
    }

    /** Waits until step {@code number} of saga {@code id} has started. */
    private static void awaitStep(Runtime runtime, String id, int number, String what) throws InterruptedException {
        ContainerServices.await(() -> runtime.execution(id).map(e -> e.steps().size() >= number).orElse(false), what);
    }

    private static Intent cancel(String executionId, String reason) {
        return intent(CANCEL, "{\"executionId\":\"" + executionId + "\",\"reason\":\"" + reason + "\"}");
    }

    /** The end state of the execution {@code intent} starts, or the code it was refused with. */
    private String outcome(Runtime runtime, Intent intent) throws InterruptedException {
        try {
            return container.awaitEnd(runtime.submit(intent).executionId()).state().name();
        } catch (IntentException e) {
            return e.code().name();
        }
    }

    private static Intent order(String order, String behaviour) {
        return intent(SAGA, "{\"order\":\"" + order + "\",\"sku\":\"sku-9\",\"amount\":42.5,\"behaviour\":" + behaviour + "}");
    }

    private static Intent intent(String type, String payload) {
        return Intent.builder(type).tenant("acme").session("s-1").actor("alice").payload(Json.of(payload))
                .correlationId("saga-it").build();
    }

    /** The JSON content of the saga's artifact of {@code kind}. */
    private static String artifact(Execution saga, String kind) {
        return saga.artifacts().stream().filter(artifact -> artifact.kind().equals(kind)).map(Artifact::text).findFirst()
                .orElseThrow(() -> new AssertionError("no artifact " + kind + " in " + describe(saga)));
    }

    private static String id(String artifact) {
        Matcher id = ID.matcher(artifact);
        assertTrue(artifact, id.find());
        return id.group(1);
    }

    private List<String> types(String executionId) {
        try {
            return typesOf(container.service(Ledger.class).execution(executionId));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> typesOf(List<LedgerRecord> records) {
        return records.stream().map(LedgerRecord::type).collect(Collectors.toList());
    }

    /** The compensation intents of the records of {@code type}, in WAL order, by their step (1 reserve, 2 charge). */
    private static List<String> compensations(List<LedgerRecord> records, String type) {
        List<String> intents = new ArrayList<>();
        for (LedgerRecord record : records) {
            if (record.type().equals(type)) {
                Matcher step = STEP.matcher(record.json());
                assertTrue(record.json(), step.find());
                intents.add(switch (step.group(1)) {
                    case "1" -> "itest.stock.release";
                    case "2" -> "itest.payment.refund";
                    default -> "step " + step.group(1) + " has no compensation: " + record.json();
                });
            }
        }
        return intents;
    }

    private static long count(List<String> types, String type) {
        return types.stream().filter(type::equals).count();
    }

    private static String summary(List<LedgerRecord> records) {
        return records.stream().map(record -> record.type() + " " + record.json()).collect(Collectors.joining("\n", "\n", ""));
    }

    private static String describe(Execution execution) {
        return execution.id() + " " + execution.state() + " failure " + execution.failure() + " steps " + execution.steps();
    }

    /** A bundle whose saga's second step names an intent no bundle provides. */
    private Path brokenSagaJar() throws IOException {
        return sagaJar("org.symphainy.itest.saga.broken", "itest.order.teleport", "{\"steps\": [{\"name\": \"reserve\", "
                + "\"intent\": \"itest.stock.reserve\", \"payload\": {\"/order\": \"/input/order\"}},"
                + " {\"name\": \"beam\", \"intent\": \"itest.transporter.beam\", \"payload\": {\"/to\": \"/input/to\"}}]}");
    }

    /** A bundle {@code symbolicName} that declares the saga {@code intentType} by {@code definition}, and no handler. */
    private Path sagaJar(String symbolicName, String intentType, String definition) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Provide-Capability", "symphainy.intent;symphainy.intent=\"" + intentType + "\";"
                + "version:Version=\"1.0.0\";saga=\"sagas/saga.json\"");
        Path jar = Files.createTempFile(Distribution.home().resolveSibling("pax-exam"), symbolicName + "-", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            zip.putNextEntry(new JarEntry("sagas/saga.json"));
            zip.write(definition.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The REST whiteboard at the root of the HTTP server, as the distribution's etc/ configures it. */
    private void configureTheRestWhiteboard() throws Exception {
        org.osgi.service.cm.Configuration whiteboard = container.service(ConfigurationAdmin.class)
                .getConfiguration("JakartarsServletWhiteboardRuntimeComponent", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("jersey.context.path", "/");
        properties.put("jersey.jakartars.whiteboard.name", "Symphainy REST");
        whiteboard.update(properties);
    }

    /** Compensations retry by the Nurse's policy of their intent type: short waits for the test intents. */
    private void configureTheNurse() throws Exception {
        org.osgi.service.cm.Configuration nurse = container.service(ConfigurationAdmin.class)
                .getConfiguration("org.symphainy.nurse", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("policies", new String[] {NURSE_POLICY});
        properties.put("healthPollInterval", "200ms");
        nurse.update(properties);
        RetryPolicies policies = container.service(RetryPolicies.class);
        ContainerServices.await(() -> policies.forIntent("itest.payment.refund").maxAttempts() == 2,
                "the Nurse to take up " + NURSE_POLICY);
    }

    /** Allow-all stand-ins outranking the container's roles, but for the Librarian, which checks the real schemas. */
    private void allowEveryStageButTheLibrarian() {
        roles.add(context.registerService(TrafficCop.class, (intent, ctx) -> Decision.allow(Stage.TRAFFIC_COP, "test"), outranking()));
        roles.add(context.registerService(SecurityGuard.class, (intent, ctx) -> Decision.allow(Stage.SECURITY_GUARD, "test"), outranking()));
        roles.add(context.registerService(CityManager.class, (intent, ctx) -> Decision.allow(Stage.CITY_MANAGER, "test"), outranking()));
        roles.add(context.registerService(DataSteward.class, (intent, ctx) -> Decision.allow(Stage.DATA_STEWARD, "test"), outranking()));
    }

    private static Hashtable<String, Object> outranking() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(org.osgi.framework.Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        return properties;
    }

    private static String location(String property) {
        return Path.of(Distribution.required(property)).toUri().toString();
    }
}
