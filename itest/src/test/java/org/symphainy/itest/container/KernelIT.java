package org.symphainy.itest.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.symphainy.sdk.governance.CityManager;
import org.symphainy.sdk.governance.DataSteward;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.IntentDeniedException;
import org.symphainy.sdk.governance.Librarian;
import org.symphainy.sdk.governance.SecurityGuard;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.governance.TrafficCop;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.registry.RegisteredIntent;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.ledger.Ledger;
import org.symphainy.sdk.ledger.LedgerRecord;
import org.symphainy.sdk.runtime.Runtime;

/**
 * The kernel in the real container: a handler bundle built with the SDK (bnd turns its {@code @ProvidesIntent} into the
 * manifest capability), the Curator admitting its handler, the governance pipeline (role services registered here),
 * the WAL, and the execution — end to end through the {@link Runtime} service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KernelIT {

    private static final String HANDLER_BUNDLE = "org.symphainy.itest.handler";

    @Inject
    private BundleContext context;

    private ContainerServices container;

    @Before
    public void connect() {
        container = new ContainerServices(context);
    }

    private final List<ServiceRegistration<?>> roles = new ArrayList<>();

    /** The distribution's container and the test handler bundle. */
    @Configuration
    public Option[] configuration() throws IOException {
        return options(Distribution.container(), bundle(handlerLocation()).start());
    }

    @After
    public void withdrawRoles() {
        container.close();
        roles.forEach(ServiceRegistration::unregister);
        roles.clear();
    }

    @Test
    public void aGovernedIntentRunsThroughTheWholeContainer() throws Exception {
        allowEveryStage();

        String id = container.service(Runtime.class).submit(greet("{\"name\":\"ada\"}")).executionId();
        Execution execution = container.awaitEnd(id);

        assertEquals(ExecutionState.COMPLETED, execution.state());
        assertEquals(HANDLER_BUNDLE, execution.handler().bundleSymbolicName());
        assertEquals(5, execution.decisions().size());
        assertTrue(execution.artifacts().get(0).text(), execution.artifacts().get(0).text().contains("\"name\":\"ada\""));
    }

    @Test
    public void theLedgerServiceShowsAnExecutionsRecordsWithoutItsSession() throws Exception {
        allowEveryStage();
        String id = container.service(Runtime.class).submit(greet("{\"name\":\"grace\"}")).executionId();
        container.awaitEnd(id);

        Ledger ledger = container.service(Ledger.class);
        List<LedgerRecord> records = ledger.execution(id);

        assertEquals(List.of("IntentAccepted", "StepStarted", "StepCompleted", "ExecutionCompleted"),
                records.stream().map(LedgerRecord::type).collect(java.util.stream.Collectors.toList()));
        assertTrue(records.get(0).json(), records.get(0).json().contains("\"type\":\"test.greet\""));
        assertTrue(records.get(0).json(), records.get(0).json().contains("\"sessionSha256\""));
        for (LedgerRecord record : records) {
            assertFalse(record.json(), record.json().contains("\"s-1\""));
        }
        LedgerRecord last = records.get(records.size() - 1);
        assertEquals(last, ledger.range(last.sequence(), 1).get(0));
        assertTrue(ledger.lastSequence() >= last.sequence());
    }

    @Test
    public void aRoleWithoutAServiceDeniesEveryIntentNamingTheRole() throws Exception {
        allowEveryStage();
        roles.remove(roles.size() - 1).unregister(); // the Data Steward stand-in goes ...
        Bundle steward = container.installed("org.symphainy.data-steward");
        steward.stop(); // ... and so does the container's own Data Steward
        try {
            IntentDeniedException denied = assertThrows(IntentDeniedException.class,
                    () -> container.service(Runtime.class).submit(greet("{}")));

            assertEquals(Stage.DATA_STEWARD, denied.denial().stage());
            assertEquals(Decision.ROLE_UNAVAILABLE, denied.denial().code());
            assertTrue(denied.getMessage(), denied.getMessage().contains("no Data Steward service is registered"));
        } finally {
            steward.start();
        }
    }

    @Test
    public void theRuntimeBundleServesTheBuiltInEcho() throws Exception {
        RegisteredIntent echo = container.service(IntentRegistry.class).intents().stream()
                .filter(r -> r.declaredBy().intentType().equals("platform.echo")).findFirst().orElseThrow();

        assertTrue(echo.detail(), echo.ready());
        assertEquals("org.symphainy.runtime", echo.declaredBy().bundleSymbolicName());
    }

    @Test
    public void aHandlerBundleUninstalledWhileIdleAndInstalledAgainServesAgain() throws Exception {
        allowEveryStage();
        Runtime runtime = container.service(Runtime.class);
        IntentRegistry registry = container.service(IntentRegistry.class);
        Bundle handler = handlerBundle();

        handler.uninstall();
        assertEquals(Optional.empty(), registry.resolve("test.greet", null));
        IntentException unknown = assertThrows(IntentException.class, () -> runtime.submit(greet("{}")));
        assertEquals(ErrorCode.UNKNOWN_INTENT, unknown.code());

        context.installBundle(handlerLocation()).start();
        ContainerServices.await(() -> registry.resolve("test.greet", null).isPresent(), "test.greet to be served again");
        assertEquals(ExecutionState.COMPLETED, container.awaitEnd(runtime.submit(greet("{\"again\":true}")).executionId()).state());
    }

    private Intent greet(String payload) {
        return Intent.builder("test.greet").tenant("acme").session("s-1").actor("alice").payload(Json.of(payload))
                .correlationId("c-1").build();
    }

    /** Allow-all roles that outrank the container's own: these tests are about the kernel, not the policy. */
    private void allowEveryStage() {
        roles.add(context.registerService(TrafficCop.class, (intent, ctx) -> Decision.allow(Stage.TRAFFIC_COP, "test"), outranking()));
        roles.add(context.registerService(SecurityGuard.class, (intent, ctx) -> Decision.allow(Stage.SECURITY_GUARD, "test"), outranking()));
        roles.add(context.registerService(CityManager.class, (intent, ctx) -> Decision.allow(Stage.CITY_MANAGER, "test"), outranking()));
        roles.add(context.registerService(Librarian.class, (intent, ctx) -> Decision.allow(Stage.LIBRARIAN, "test"), outranking()));
        roles.add(context.registerService(DataSteward.class, (intent, ctx) -> Decision.allow(Stage.DATA_STEWARD, "test"), outranking()));
    }

    private static java.util.Dictionary<String, Object> outranking() {
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        properties.put(org.osgi.framework.Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        return properties;
    }

    private Bundle handlerBundle() {
        return container.installed(HANDLER_BUNDLE);
    }

    private static String handlerLocation() {
        return Path.of(Distribution.required("symphainy.itest.handler")).toUri().toString();
    }
}
