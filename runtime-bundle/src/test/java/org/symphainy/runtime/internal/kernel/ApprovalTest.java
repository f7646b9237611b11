package org.symphainy.runtime.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.allowing;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.awaitEnd;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.config;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.intent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.runtime.internal.record.RecordType;
import org.symphainy.runtime.internal.wal.WalOptions;
import org.symphainy.runtime.internal.wal.WriteAheadLog;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.GovernanceRole;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.PlatformIntents;

/** Escalation: an intent a stage allows only on approval waits, durably, for a second principal. */
class ApprovalTest {

    @TempDir
    Path dir;

    private final AtomicInteger transfers = new AtomicInteger();
    private final List<Integer> inFlightSeen = new CopyOnWriteArrayList<>();
    private final KernelFixtures.Registry registry = new KernelFixtures.Registry()
            .serve("platform.echo", new EchoHandler())
            .serve("test.transfer", (intent, context) -> {
                transfers.incrementAndGet();
                return Result.empty();
            })
            .serve(PlatformIntents.APPROVE, new ApprovalHandler())
            .serve(PlatformIntents.REJECT, new RejectionHandler());
    private final List<Kernel> kernels = new ArrayList<>();

    @AfterEach
    void close() {
        kernels.forEach(Kernel::close);
    }

    @Test
    void aHeldIntentRunsOnlyOnceASecondPrincipalApprovesIt() throws Exception {
        Kernel kernel = start(86_400);
        String transfer = kernel.submit(intent("test.transfer", "{\"amount\":50000}")).executionId();

        assertEquals(ExecutionState.AWAITING_APPROVAL, kernel.execution(transfer).orElseThrow().state());
        Thread.sleep(50);
        assertEquals(0, transfers.get(), "a held execution does not run");

        IntentException self = assertThrows(IntentException.class, () -> kernel.submit(approve("alice", transfer, "mine")));
        assertEquals(ErrorCode.FORBIDDEN, self.code());
        assertTrue(self.getMessage().contains("alice submitted execution " + transfer + " and cannot approve it"), self.getMessage());

        String approval = kernel.submit(approve("bob", transfer, "checked the invoice")).executionId();

        assertEquals(ExecutionState.COMPLETED, awaitEnd(kernel, transfer).state());
        assertEquals(1, transfers.get());
        Execution recorded = awaitEnd(kernel, approval);
        assertEquals(PlatformIntents.APPROVAL_ARTIFACT, recorded.artifacts().get(0).kind());
        assertEquals("{\"executionId\":\"" + transfer + "\",\"verdict\":\"approved\",\"approver\":\"bob\","
                + "\"reason\":\"checked the invoice\"}", recorded.artifacts().get(0).text());
        assertEquals(ErrorCode.NOT_AWAITING_APPROVAL,
                assertThrows(IntentException.class, () -> kernel.submit(approve("carol", transfer, "again"))).code());
        stopAll();
        List<Integer> types = walTypes();
        assertEquals(RecordType.INTENT_HELD.code(), types.get(0));
        assertEquals(List.of(RecordType.INTENT_ACCEPTED.code(), RecordType.EXECUTION_APPROVED.code()), types.subList(1, 3),
                "the approval is recorded, then the move it makes, before the approver hears back");
    }

    @Test
    void aRejectedIntentFailsWithTheApproverAndReasonAndNeverRuns() throws Exception {
        Kernel kernel = start(86_400);
        String transfer = kernel.submit(intent("test.transfer", "{\"amount\":50000}")).executionId();

        kernel.submit(reject("bob", transfer, "no invoice"));

        Execution failed = awaitEnd(kernel, transfer);
        assertEquals(ExecutionState.FAILED, failed.state());
        assertEquals(ErrorCode.APPROVAL_REJECTED, failed.failure().code());
        assertTrue(failed.failure().message().startsWith("rejected by bob (execution "), failed.failure().message());
        assertTrue(failed.failure().message().endsWith("): no invoice"), failed.failure().message());
        assertEquals(0, transfers.get());
    }

    @Test
    void anotherTenantCannotSeeNorApproveTheExecution() throws Exception {
        Kernel kernel = start(86_400);
        String transfer = kernel.submit(intent("test.transfer", "{}")).executionId();

        IntentException foreign = assertThrows(IntentException.class,
                () -> kernel.submit(approve("bob", transfer, "ok").toBuilder().tenant("globex").build()));

        assertEquals(ErrorCode.UNKNOWN_EXECUTION, foreign.code());
        assertEquals(ExecutionState.AWAITING_APPROVAL, kernel.execution(transfer).orElseThrow().state());
        IntentException malformed = assertThrows(IntentException.class,
                () -> kernel.submit(intent(PlatformIntents.APPROVE, "{\"id\":\"x\"}").toBuilder().actor("bob").build()));
        assertEquals(ErrorCode.PAYLOAD_INVALID, malformed.code());
    }

    @Test
    void aHeldExecutionStillWaitsAfterARestartAndCanBeApprovedThen() throws Exception {
        String transfer = start(86_400).submit(intent("test.transfer", "{}")).executionId();
        stopAll();

        Kernel restarted = start(86_400);
        assertEquals(ExecutionState.AWAITING_APPROVAL, restarted.execution(transfer).orElseThrow().state());
        Thread.sleep(50);
        assertEquals(0, transfers.get(), "recovery does not run a held execution");
        restarted.submit(approve("bob", transfer, "ok"));

        assertEquals(ExecutionState.COMPLETED, awaitEnd(restarted, transfer).state());
        assertEquals(1, transfers.get());
    }

    @Test
    void anExecutionNobodyApprovesInTimeExpiresAlsoAcrossARestart() throws Exception {
        Kernel kernel = start(1);
        String live = kernel.submit(intent("test.transfer", "{}")).executionId();
        Execution expired = awaitEnd(kernel, live);
        assertEquals(ErrorCode.APPROVAL_EXPIRED, expired.failure().code());
        assertTrue(expired.failure().message().contains("within 1 s (approvalTimeoutSeconds"), expired.failure().message());
        stopAll();

        String waiting = start(86_400).submit(intent("test.transfer", "{}")).executionId();
        stopAll();
        Thread.sleep(1_100);
        Kernel restarted = start(1);
        assertEquals(ErrorCode.APPROVAL_EXPIRED, awaitEnd(restarted, waiting).failure().code(),
                "the deadline counts from acceptance, not from the restart");
        assertEquals(0, transfers.get());
    }

    @Test
    void theStagesSeeHowManyExecutionsTheTenantHasInFlightNotCountingHeldOnes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        registry.serve("test.blocked", (intent, context) -> {
            release.await();
            return Result.empty();
        });
        Kernel kernel = start(86_400);
        kernel.submit(intent("test.transfer", "{}")); // held: not in flight
        String first = kernel.submit(intent("test.blocked", "{}")).executionId();
        String second = kernel.submit(intent("test.blocked", "{}")).executionId();
        kernel.submit(intent("platform.echo", "{}").toBuilder().tenant("globex").build());

        awaitEnd(kernel, kernel.submit(intent("platform.echo", "{}")).executionId());
        release.countDown();
        awaitEnd(kernel, first);
        awaitEnd(kernel, second);
        awaitEnd(kernel, kernel.submit(intent("platform.echo", "{}")).executionId());

        assertEquals(List.of(0, 0, 1, 0, 2, 0), inFlightSeen,
                "acme: 0 (held), 0, 1, globex 0, acme 2 while both block, then 0 once they ended");
    }

    private Kernel start(long approvalTimeoutSeconds) {
        Kernel kernel = new Kernel(dir.resolve("wal"), config(10_000, "fsync", 1_000, approvalTimeoutSeconds), registry,
                stage -> stage == Stage.CITY_MANAGER ? cityManager() : allowing(stage));
        kernels.add(kernel);
        return kernel;
    }

    /** Transfers need a second principal; the manager notes the tenant's in-flight count it was told. */
    private GovernanceRole cityManager() {
        return new GovernanceRole() {
            @Override
            public Stage stage() {
                return Stage.CITY_MANAGER;
            }

            @Override
            public Decision decide(Intent intent, GovernanceContext context) {
                inFlightSeen.add(context.tenantInFlight());
                return intent.type().equals("test.transfer")
                        ? Decision.allowOnApproval(Stage.CITY_MANAGER, "transfers need a second principal")
                        : Decision.allow(Stage.CITY_MANAGER, "test allows");
            }
        };
    }

    private static Intent approve(String actor, String executionId, String reason) {
        return intent(PlatformIntents.APPROVE, "{\"executionId\":\"" + executionId + "\",\"reason\":\"" + reason + "\"}")
                .toBuilder().actor(actor).build();
    }

    private static Intent reject(String actor, String executionId, String reason) {
        return intent(PlatformIntents.REJECT, "{\"executionId\":\"" + executionId + "\",\"reason\":\"" + reason + "\"}")
                .toBuilder().actor(actor).build();
    }

    private void stopAll() {
        kernels.forEach(Kernel::close);
        kernels.clear();
    }

    private List<Integer> walTypes() {
        List<Integer> types = new ArrayList<>();
        try (WriteAheadLog wal = WriteAheadLog.open(dir.resolve("wal"), WalOptions.defaults())) {
            wal.read(1, record -> types.add(record.type()));
        }
        return types;
    }
}
