package org.symphainy.itest.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

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
import org.osgi.framework.BundleContext;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.IntentDeniedException;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.governance.Tenants;
import org.symphainy.sdk.identity.ApiKeys;
import org.symphainy.sdk.identity.AuthenticationException;
import org.symphainy.sdk.identity.Authenticator;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Sessions;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.ledger.Ledger;
import org.symphainy.sdk.ledger.LedgerRecord;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.PlatformIntents;
import org.symphainy.sdk.runtime.Runtime;

/**
 * The real governance pipeline in the distribution's container, with no stand-in: the Smart City role bundles of
 * {@code system/} decide every intent. Secure defaults: the bootstrap administrator (its key in {@code data/admin.key})
 * may run platform intents; a forged session, a credential that proves nothing, a tenant nobody created and a user whose
 * roles grant nothing are each refused with their own code, and every decision names the stage that took it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SmartCityIT {


    @Inject
    private BundleContext context;

    private ContainerServices container;

    @Before
    public void connect() {
        container = new ContainerServices(context);
    }

    /** The distribution's container, as it ships. */
    @After
    public void disconnect() {
        container.close();
    }

    @Configuration
    public Option[] configuration() throws IOException {
        return options(Distribution.container());
    }

    @Test
    public void theBootstrapAdministratorRunsAPlatformIntentThroughEveryRealRole() throws Exception {
        Principal admin = container.service(Authenticator.class).authenticate(bootstrapKey());
        assertEquals("system", admin.tenant());
        assertEquals("admin", admin.actor());
        assertTrue(admin.roles().toString(), admin.hasRole("admin"));

        String session = container.service(Sessions.class).open(admin).id();
        Execution execution = container.awaitEnd(container.service(Runtime.class).submit(echo(admin, session)).executionId());

        assertEquals(ExecutionState.COMPLETED, execution.state());
        List<Decision> decisions = execution.decisions();
        assertEquals(decisions.toString(), Stage.values().length, decisions.size());
        for (int i = 0; i < decisions.size(); i++) {
            assertEquals(Stage.values()[i], decisions.get(i).stage());
            assertTrue(decisions.get(i).toString(), decisions.get(i).allowed());
            assertFalse("a real role decided, not a stand-in: " + decisions.get(i),
                    decisions.get(i).toString().contains("stand-in"));
        }
    }

    @Test
    public void aForgedSessionIsUnauthenticatedAtTheTrafficCop() throws Exception {
        Principal admin = container.service(Authenticator.class).authenticate(bootstrapKey());

        IntentDeniedException denied = assertThrows(IntentDeniedException.class,
                () -> container.service(Runtime.class).submit(echo(admin, "ses_forged")));

        assertEquals(ErrorCode.UNAUTHENTICATED, denied.code());
        assertEquals(Stage.TRAFFIC_COP, denied.denial().stage());
    }

    @Test
    public void aCredentialThatProvesNothingIsRefused() throws Exception {
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> container.service(Authenticator.class).authenticate("sk_unknown_c2VjcmV0"));

        assertEquals(ErrorCode.UNAUTHENTICATED, refused.code());
        assertFalse(refused.getMessage(), refused.getMessage().contains("c2VjcmV0"));
    }

    @Test
    public void aUserWhoseRolesGrantNothingIsForbidden() throws Exception {
        container.service(Tenants.class).create("acme", "Acme Corporation");
        ApiKeys.IssuedKey key = container.service(ApiKeys.class).create("acme", "alice", Set.of("content-editor"), "integration test");
        Principal alice = container.service(Authenticator.class).authenticate(key.secret());

        IntentDeniedException denied = assertThrows(IntentDeniedException.class,
                () -> container.service(Runtime.class).submit(echo(alice, container.service(Sessions.class).open(alice).id())));

        assertEquals(ErrorCode.FORBIDDEN, denied.code());

        // the denial is in the WAL with every decision and its reasons, and the intent never ran
        Ledger ledger = container.service(Ledger.class);
        long last = ledger.lastSequence();
        LedgerRecord denial = ledger.range(Math.max(1, last - 50), 51).stream()
                .filter(r -> r.type().equals("IntentDenied") && r.json().contains("\"actor\":\"alice\""))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no IntentDenied of alice"));
        assertTrue(denial.json(), denial.json().contains("\"stage\":\"SECURITY_GUARD\",\"allowed\":false,\"code\":\"FORBIDDEN\""));
        assertTrue(denial.json(), denial.json().matches(".*\"allowed\":false,\"code\":\"FORBIDDEN\",\"reasons\":\\[\"[^\"]+.*"));
        assertEquals(List.of("IntentDenied"), ledger.execution(denial.executionId()).stream().map(LedgerRecord::type)
                .toList());
        assertTrue(container.service(Runtime.class).execution(denial.executionId()).isEmpty());
    }

    @Test
    public void aTenantNobodyCreatedIsUnknownAtTheCityManager() throws Exception {
        ApiKeys.IssuedKey key = container.service(ApiKeys.class).create("globex", "bob", Set.of("admin"), "integration test");
        Principal bob = container.service(Authenticator.class).authenticate(key.secret());

        IntentDeniedException denied = assertThrows(IntentDeniedException.class,
                () -> container.service(Runtime.class).submit(echo(bob, container.service(Sessions.class).open(bob).id())));

        assertEquals(ErrorCode.UNKNOWN_TENANT, denied.code());
        assertEquals(Stage.CITY_MANAGER, denied.denial().stage());
    }

    @Test
    public void aHigherRankedCustomerRoleReplacesTheDefaultWhileItIsThere() throws Exception {
        Principal admin = container.service(Authenticator.class).authenticate(bootstrapKey());
        String session = container.service(Sessions.class).open(admin).id();
        java.util.Hashtable<String, Object> ranking = new java.util.Hashtable<>();
        ranking.put(org.osgi.framework.Constants.SERVICE_RANKING, 100);
        org.osgi.framework.ServiceRegistration<org.symphainy.sdk.governance.SecurityGuard> customer = context.registerService(
                org.symphainy.sdk.governance.SecurityGuard.class, (intent, ctx) -> Decision.deny(Stage.SECURITY_GUARD,
                        Decision.FORBIDDEN, "the customer's own Security Guard allows nothing today"), ranking);
        try {
            IntentDeniedException denied = assertThrows(IntentDeniedException.class,
                    () -> container.service(Runtime.class).submit(echo(admin, session)));
            assertTrue(denied.getMessage(), denied.getMessage().contains("the customer's own Security Guard"));
        } finally {
            customer.unregister();
        }

        Execution execution = container.awaitEnd(container.service(Runtime.class).submit(echo(admin, session)).executionId());
        assertEquals("the default Security Guard is back", ExecutionState.COMPLETED, execution.state());
    }

    @Test
    public void aQuotaBreachSaysWhenToRetry() throws Exception {
        Principal admin = container.service(Authenticator.class).authenticate(bootstrapKey());
        String session = container.service(Sessions.class).open(admin).id();
        org.osgi.service.cm.Configuration quotas = container.service(org.osgi.service.cm.ConfigurationAdmin.class)
                .getConfiguration("org.symphainy.citymanager", "?");
        java.util.Hashtable<String, Object> tight = new java.util.Hashtable<>();
        tight.put("quotas", new String[] {"system=1/1"});
        quotas.update(tight);
        try {
            IntentDeniedException denied = null;
            long deadline = System.currentTimeMillis() + ContainerServices.WAIT_MILLIS;
            while (denied == null && System.currentTimeMillis() < deadline) { // until the City Manager has the update
                try {
                    container.service(Runtime.class).submit(echo(admin, session));
                } catch (IntentDeniedException e) {
                    denied = e;
                }
            }
            assertNotNull("no quota breach with a quota of 1 intent per second", denied);
            assertEquals(ErrorCode.QUOTA_EXCEEDED, denied.code());
            assertEquals(Stage.CITY_MANAGER, denied.denial().stage());
            assertTrue(denied.getMessage(), denied.getMessage().contains("retry after"));
        } finally {
            quotas.delete();
        }
    }

    @Test
    public void anApprovalGatedIntentWaitsForASecondPrincipal() throws Exception {
        Principal admin = container.service(Authenticator.class).authenticate(bootstrapKey());
        String adminSession = container.service(Sessions.class).open(admin).id();
        ApiKeys.IssuedKey bobKey = container.service(ApiKeys.class).create("system", "bob", Set.of("admin"), "second pair of eyes");
        Principal bob = container.service(Authenticator.class).authenticate(bobKey.secret());
        String bobSession = container.service(Sessions.class).open(bob).id();
        Path policy = Path.of(context.getProperty("symphainy.data"), "approval-policy.json");
        Files.writeString(policy, "{\"rules\": ["
                + "{\"id\": \"big-echoes\", \"effect\": \"approve\", \"intent\": \"platform.echo\", \"tenant\": \"system\","
                + " \"when\": \"has(payload.amount) && payload.amount > 1000\", \"reason\": \"large amounts need four eyes\"},"
                + "{\"id\": \"admins\", \"effect\": \"allow\", \"intent\": \"platform.*\", \"tenant\": \"system\","
                + " \"when\": \"'admin' in principal.roles\"}]}");
        org.osgi.service.cm.Configuration cityManager = container.service(org.osgi.service.cm.ConfigurationAdmin.class)
                .getConfiguration("org.symphainy.citymanager", "?");
        java.util.Hashtable<String, Object> settings = new java.util.Hashtable<>();
        settings.put("policyFile", policy.toString());
        cityManager.update(settings);
        try {
            Runtime runtime = container.service(Runtime.class);
            Intent large = echo(admin, adminSession).toBuilder().payload(Json.of("{\"amount\": 5000}")).build();
            String held = null;
            long deadline = System.currentTimeMillis() + ContainerServices.WAIT_MILLIS;
            while (held == null && System.currentTimeMillis() < deadline) { // until the City Manager reads the policy
                String id = runtime.submit(large).executionId();
                if (runtime.execution(id).orElseThrow().state() == ExecutionState.AWAITING_APPROVAL) {
                    held = id;
                } else {
                    Thread.sleep(50);
                }
            }
            assertNotNull("the policy's approve rule never held an intent", held);
            Thread.sleep(200);
            assertEquals("a held execution does not run", ExecutionState.AWAITING_APPROVAL, runtime.execution(held).orElseThrow().state());

            IntentDeniedException self = assertThrows(IntentDeniedException.class,
                    () -> runtime.submit(approval(admin, adminSession, heldId(runtime, large))));
            assertEquals(ErrorCode.FORBIDDEN, self.code());
            assertEquals(Stage.CITY_MANAGER, self.denial().stage());
            assertTrue(self.getMessage(), self.getMessage().contains("cannot approve it: a second principal"));

            String approvalId = runtime.submit(approval(bob, bobSession, held)).executionId();

            Execution approved = container.awaitEnd(held);
            assertEquals(ExecutionState.COMPLETED, approved.state());
            assertTrue(approved.decisions().toString(), approved.decisions().get(2).needsApproval());
            assertEquals("{\"amount\": 5000}", approved.artifacts().get(0).text());
            Execution approval = container.awaitEnd(approvalId);
            assertEquals(ExecutionState.COMPLETED, approval.state());
            assertTrue(approval.artifacts().get(0).text(), approval.artifacts().get(0).text().contains("\"approver\":\"bob\""));
        } finally {
            cityManager.delete();
        }
    }

    @Test
    public void tenantsChangeThroughRecordedPlatformIntentsAndABrokenPolicyIsRefusedWithItsPosition() throws Exception {
        Principal admin = container.service(Authenticator.class).authenticate(bootstrapKey());
        String session = container.service(Sessions.class).open(admin).id();
        Runtime runtime = container.service(Runtime.class);
        Tenants tenants = container.service(Tenants.class);

        String created = runtime.submit(platform(admin, session, "platform.tenant.create",
                "{\"tenant\": \"initech\", \"name\": \"Initech\"}")).executionId();
        assertEquals(ExecutionState.COMPLETED, container.awaitEnd(created).state());
        ContainerServices.await(() -> tenants.find("initech").isPresent(), "tenant initech to be applied from the WAL");
        assertEquals("Initech", tenants.find("initech").get().displayName());
        assertEquals("the attribution is recorded", admin, container.awaitEnd(created).principal());

        IntentDeniedException broken = assertThrows(IntentDeniedException.class, () -> runtime.submit(platform(admin, session,
                "platform.policy.set", "{\"policy\": {\"rules\": [{\"id\": \"x\", \"effect\": \"allow\", \"intent\": \"a.b\","
                        + " \"when\": \"1 +\"}]}}")));
        assertEquals(ErrorCode.PAYLOAD_INVALID, broken.code());
        assertEquals(Stage.CITY_MANAGER, broken.denial().stage());
        assertTrue(broken.getMessage(), broken.getMessage().contains("does not compile at line 1, column"));
    }

    @Test
    public void anApiKeyIsCreatedAndRevokedThroughRecordedIntentsWithoutItsSecretInTheWal() throws Exception {
        Principal admin = container.service(Authenticator.class).authenticate(bootstrapKey());
        String session = container.service(Sessions.class).open(admin).id();
        Runtime runtime = container.service(Runtime.class);
        Authenticator authenticator = container.service(Authenticator.class);
        ApiKeys.PreparedKey prepared = container.service(ApiKeys.class).prepare("system", "carol", Set.of("admin"),
                "created by intent");
        assertThrows("a prepared key works only once its intent is recorded",
                org.symphainy.sdk.identity.AuthenticationException.class, () -> authenticator.authenticate(prepared.secret()));

        String created = runtime.submit(platform(admin, session, ApiKeys.CREATE_INTENT, prepared.createPayload().text()))
                .executionId();
        Execution creation = container.awaitEnd(created);
        assertEquals(ExecutionState.COMPLETED, creation.state());
        assertFalse("the secret is not in the recorded intent", creation.intent().payload().text().contains(prepared.secret()));
        assertFalse("nor in its artifact", creation.artifacts().get(0).text().contains(prepared.secret()));
        ContainerServices.await(() -> signsIn(authenticator, prepared.secret()), "the key to be applied from the WAL");
        assertEquals("carol", authenticator.authenticate(prepared.secret()).actor());

        String revoked = runtime.submit(platform(admin, session, ApiKeys.REVOKE_INTENT,
                "{\"keyId\": \"" + prepared.keyId() + "\", \"reason\": \"integration test\"}")).executionId();
        assertEquals(ExecutionState.COMPLETED, container.awaitEnd(revoked).state());
        ContainerServices.await(() -> !signsIn(authenticator, prepared.secret()), "the revocation to be applied");
    }

    private static boolean signsIn(Authenticator authenticator, String credential) {
        try {
            authenticator.authenticate(credential);
            return true;
        } catch (org.symphainy.sdk.identity.AuthenticationException e) {
            return false;
        }
    }

    private static Intent platform(Principal principal, String session, String type, String payload) {
        return Intent.builder(type).tenant(principal.tenant()).actor(principal.actor()).session(session)
                .correlationId("smart-city-it").payload(Json.of(payload)).build();
    }

    /** A held execution of {@code intent}: submits it until one is held (the policy may be reloading). */
    private static String heldId(Runtime runtime, Intent intent) {
        String id = runtime.submit(intent).executionId();
        assertEquals(ExecutionState.AWAITING_APPROVAL, runtime.execution(id).orElseThrow().state());
        return id;
    }

    private static Intent approval(Principal approver, String session, String executionId) {
        return Intent.builder(PlatformIntents.APPROVE).tenant(approver.tenant()).actor(approver.actor()).session(session)
                .correlationId("smart-city-it").payload(Json.of("{\"executionId\": \"" + executionId
                        + "\", \"reason\": \"checked\"}")).build();
    }

    private static Intent echo(Principal principal, String session) {
        return Intent.builder("platform.echo").tenant(principal.tenant()).actor(principal.actor()).session(session)
                .correlationId("smart-city-it").payload(Json.of("{\"hello\":\"city\"}")).build();
    }

    /** The bootstrap administrator's key, which the Security Guard writes at the first start of a data directory. */
    private String bootstrapKey() throws Exception {
        Path file = Path.of(context.getProperty("symphainy.data"), "admin.key");
        ContainerServices.await(() -> Files.isReadable(file), file + " to be written");
        return Files.readString(file).trim();
    }
}
