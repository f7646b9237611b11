package org.symphainy.citymanager.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.foundations.projections.AppliedExecutions;
import org.symphainy.sdk.governance.CityManager;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.PolicyAdvisor;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.governance.Tenants;
import org.symphainy.sdk.governance.Tenants.Tenant;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.Projection;
import org.symphainy.sdk.runtime.Runtime;

/**
 * The City Manager role: decides whether a tenant may run an intent now. In order: the tenant must exist
 * ({@link Decision#UNKNOWN_TENANT}) and not be suspended ({@link Decision#FORBIDDEN}, with the suspension's reason);
 * its in-flight quota and its rate quota must have room ({@link Decision#QUOTA_EXCEEDED}, saying when to retry); an
 * approval or rejection must name an execution of the tenant that waits for one, submitted by someone else
 * ({@link ApprovalCheck}); then the first policy rule that matches decides — an {@code "approve"} rule allows on
 * condition of a second principal's approval — and no matching rule denies ({@link Decision#FORBIDDEN}). An
 * allowance names the rule.
 */
@Component(service = {CityManager.class, Projection.class, PolicyAdvisor.class}, configurationPid = CityManagerConfig.PID, property = {
        Projection.INTENT_TYPES + "=" + GovernanceIntents.TENANT_CREATE,
        Projection.INTENT_TYPES + "=" + GovernanceIntents.TENANT_SUSPEND,
        Projection.INTENT_TYPES + "=" + GovernanceIntents.TENANT_RESUME,
        Projection.INTENT_TYPES + "=" + GovernanceIntents.POLICY_SET })
@Designate(ocd = CityManagerConfig.class)
public final class CityManagerRole implements CityManager, Projection, PolicyAdvisor {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.citymanager");

    private final Tenants tenants;
    private final Path dataDirectory;
    private final LongSupplier clock;
    private final PolicyCompiler compiler = new PolicyCompiler(new PolicyLanguage());
    private volatile PolicyFile policy;
    private volatile TenantQuotas quotas;
    private volatile InFlightQuotas inFlightQuotas;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Runtime runtime;
    private final ApprovalCheck approvals = new ApprovalCheck(() -> runtime);
    private final AppliedExecutions ledger;
    private ScheduledExecutorService watch;

    /** The role over the {@code tenants} service, configured by {@code config}. */
    @Activate
    public CityManagerRole(BundleContext context, @Reference Tenants tenants, CityManagerConfig config) {
        this(tenants, DataDirectory.of(context), config, System::nanoTime);
    }

    /** The role with its files in {@code dataDirectory} and quotas on {@code clock} (nanoseconds). */
    CityManagerRole(Tenants tenants, Path dataDirectory, CityManagerConfig config, LongSupplier clock) {
        this.tenants = tenants;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.ledger = new AppliedExecutions(dataDirectory.resolve("applied-executions"));
        configure(config);
    }

    @Modified
    synchronized void configure(CityManagerConfig config) {
        QuotaSettings settings = QuotaSettings.read(config.defaultQuota(), config.quotas(), clock);
        settings.problems().forEach(problem -> LOG.error("quota configuration ({}): {}", CityManagerConfig.PID, problem));
        quotas = settings.quotas();
        InFlightQuotas inFlight = InFlightQuotas.read(config.maxInFlight(), config.inFlightQuotas());
        inFlight.problems().forEach(problem -> LOG.error("in-flight quota configuration ({}): {}", CityManagerConfig.PID, problem));
        inFlightQuotas = inFlight;
        Path file = config.policyFile().isBlank() ? dataDirectory.resolve("policies.json") : Path.of(config.policyFile());
        if (policy == null || !policy.path().equals(file)) {
            policy = new PolicyFile(file, compiler);
        } else {
            policy.reload();
        }
        watch(config.policyPollMillis());
    }

    @Deactivate
    synchronized void deactivate() {
        watch(0);
    }

    @Override
    public Decision decide(Intent intent, GovernanceContext context) {
        Optional<Tenant> tenant = tenants.find(intent.tenant());
        if (tenant.isEmpty()) {
            return Decision.deny(Stage.CITY_MANAGER, Decision.UNKNOWN_TENANT, "tenant '" + intent.tenant()
                    + "' does not exist; create it with the Tenants service (an administrator's platform intent) or "
                    + "submit the intent for an existing tenant");
        }
        if (tenant.get().suspended()) {
            return Decision.deny(Stage.CITY_MANAGER, Decision.FORBIDDEN, "tenant '" + intent.tenant()
                    + "' is suspended: " + tenant.get().suspendedBecause() + "; an administrator must resume it first");
        }
        int inFlightLimit = inFlightQuotas.limit(intent.tenant());
        if (context.tenantInFlight() >= inFlightLimit) {
            return Decision.deny(Stage.CITY_MANAGER, Decision.QUOTA_EXCEEDED, "tenant '" + intent.tenant() + "' has "
                    + context.tenantInFlight() + " executions in flight, its limit (maxInFlight " + inFlightLimit
                    + "); retry after some of them end");
        }
        if (GovernanceIntents.TYPES.contains(intent.type())) {
            Optional<Decision> refusal = refusal(intent, context);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        if (ApprovalCheck.applies(intent)) {
            Optional<Decision> refusal = approvals.refusal(intent);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        TenantQuotas limits = quotas;
        long waitMillis = limits.take(intent.tenant());
        if (waitMillis > 0) {
            return Decision.deny(Stage.CITY_MANAGER, Decision.QUOTA_EXCEEDED, "tenant '" + intent.tenant()
                    + "' is over its rate quota (" + limits.limit(intent.tenant()) + "); retry after " + waitMillis + " ms");
        }
        PolicyVerdict verdict = policy.current().decide(new IntentFacts(intent, context.principal()));
        if (verdict.approval()) {
            return Decision.allowOnApproval(Stage.CITY_MANAGER, verdict.reason());
        }
        return verdict.allowed() ? Decision.allow(Stage.CITY_MANAGER, verdict.reason())
                : Decision.deny(Stage.CITY_MANAGER, Decision.FORBIDDEN, verdict.reason());
    }

    /**
     * Applies a recorded change to the tenants or the policy: the artifact of a completed {@code platform.tenant.*} or
     * {@code platform.policy.set} execution, once (the ledger remembers what was applied across restarts).
     */
    @Override
    public void apply(Execution execution) {
        if (ledger.applied(execution.id())) {
            return;
        }
        String by = "execution " + execution.id() + " by " + execution.intent().actor() + "@" + execution.tenant();
        try {
            for (Artifact artifact : execution.artifacts()) {
                Optional<GovernanceIntents.Change> change = GovernanceIntents.recorded(artifact);
                if (change.isPresent()) {
                    applyChange(change.get(), by);
                }
            }
            ledger.record(execution.id());
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.error("could not apply {} ({}); it is applied again at the next start", by, e.getMessage());
        }
    }

    private void applyChange(GovernanceIntents.Change change, String by) throws IOException {
        try {
            switch (change.action()) {
                case "create" -> {
                    if (tenants.find(change.tenant()).isEmpty()) {
                        tenants.create(change.tenant(), change.name());
                    }
                    LOG.info("tenant '{}' exists ({})", change.tenant(), by);
                }
                case "suspend" -> LOG.info(tenants.suspend(change.tenant(), change.reason())
                        ? "tenant '{}' suspended ({})" : "tenant '{}' was not suspended: no such tenant ({})", change.tenant(), by);
                case "resume" -> LOG.info(tenants.resume(change.tenant())
                        ? "tenant '{}' resumed ({})" : "tenant '{}' was not resumed: no such tenant ({})", change.tenant(), by);
                case "set-policy" -> {
                    synchronized (this) {
                        AtomicFile.write(policy.path(), change.policy().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        policy.reload();
                    }
                    LOG.info("policy replaced ({}){}", by, change.reason() == null ? "" : ": " + change.reason());
                }
                default -> LOG.error("recorded change '{}' of {} is not one the City Manager knows; ignored", change.action(), by);
            }
        } catch (IllegalArgumentException e) {
            LOG.error("recorded change of {} cannot be applied: {}; it is skipped", by, e.getMessage());
        }
    }

    /**
     * A denial of a governance intent whose change cannot be made: a payload that asks for nothing, a tenant that does
     * not exist, the system tenant suspended, a policy that does not compile or that would deny its own author the
     * means to change it again.
     */
    private Optional<Decision> refusal(Intent intent, GovernanceContext context) {
        GovernanceIntents.Change change;
        try {
            change = GovernanceIntents.request(intent);
        } catch (org.symphainy.sdk.intent.IntentException e) {
            return Optional.of(Decision.deny(Stage.CITY_MANAGER, Decision.PAYLOAD_INVALID, e.getMessage()));
        }
        switch (change.action()) {
            case "suspend", "resume" -> {
                if (tenants.find(change.tenant()).isEmpty()) {
                    return Optional.of(Decision.deny(Stage.CITY_MANAGER, Decision.PAYLOAD_INVALID, "there is no tenant '"
                            + change.tenant() + "' to " + change.action() + "; list the tenants to find its id"));
                }
                if (change.action().equals("suspend") && TenantRegistry.SYSTEM.equals(change.tenant())) {
                    return Optional.of(Decision.deny(Stage.CITY_MANAGER, Decision.FORBIDDEN, "tenant 'system' cannot be "
                            + "suspended: it holds the administrators, who would lose the means to resume anything"));
                }
            }
            case "set-policy" -> {
                Policy candidate;
                try {
                    candidate = compiler.compile(change.policy(), "the payload's policy");
                } catch (InvalidPolicy e) {
                    return Optional.of(Decision.deny(Stage.CITY_MANAGER, Decision.PAYLOAD_INVALID, e.getMessage()
                            + "; nothing was changed"));
                }
                Intent again = intent.toBuilder().idempotencyKey(null).build();
                PolicyVerdict own = candidate.decide(new IntentFacts(again, context.principal()));
                if (!own.allowed() || own.approval()) {
                    return Optional.of(Decision.deny(Stage.CITY_MANAGER, Decision.FORBIDDEN, "this policy would "
                            + (own.approval() ? "hold" : "deny") + " your own next platform.policy.set (" + own.summary()
                            + "), locking administrators out of the policy; keep a rule that allows it, such as "
                            + "{\"id\": \"admins\", \"effect\": \"allow\", \"intent\": \"platform.*\", \"tenant\": \"system\", "
                            + "\"when\": \"'admin' in principal.roles\"}"));
                }
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    /** The policy document in force: the policy file's content, or the secure default while there is none. */
    @Override
    public String policyInForce() {
        PolicyFile file = policy;
        return file == null ? SecureDefault.DOCUMENT : file.currentText();
    }

    /**
     * What-if over the last {@code lastIntents} recorded executions (newest first), each with the principal recorded
     * with it; an execution recorded without one is decided as if no session had proved anyone.
     */
    @Override
    public WhatIf whatIf(String candidatePolicy, int lastIntents) {
        if (lastIntents < 1 || lastIntents > MAX_INTENTS) {
            throw new IllegalArgumentException("lastIntents is " + lastIntents + "; ask for 1 to " + MAX_INTENTS);
        }
        Runtime current = runtime;
        if (current == null) {
            throw new IllegalStateException("the Runtime is not available to read the recorded intents from; retry once "
                    + "the container is ready");
        }
        List<PolicyWhatIf.Sample> samples = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            org.symphainy.sdk.runtime.Page<org.symphainy.sdk.runtime.ExecutionSummary> page = current.query(
                    org.symphainy.sdk.runtime.ExecutionQuery.builder().cursor(cursor)
                            .limit(Math.min(org.symphainy.sdk.runtime.ExecutionQuery.MAX_LIMIT, lastIntents - samples.size()))
                            .build());
            for (org.symphainy.sdk.runtime.ExecutionSummary summary : page.items()) {
                current.execution(summary.id()).ifPresent(execution -> {
                    samples.add(new PolicyWhatIf.Sample(execution.intent(), execution.principal()));
                    ids.add(execution.id());
                });
            }
            cursor = page.nextCursor();
        } while (cursor != null && samples.size() < lastIntents);
        PolicyWhatIf.Report report;
        try {
            report = whatIf(candidatePolicy, samples);
        } catch (InvalidPolicy e) {
            throw new IllegalArgumentException(e.getMessage() + "; nothing was changed", e);
        }
        List<Flip> flips = new java.util.ArrayList<>();
        int index = 0;
        for (PolicyWhatIf.Flip flip : report.flips()) { // in the samples' order: find each by identity
            while (samples.get(index) != flip.sample()) {
                index++;
            }
            flips.add(new Flip(ids.get(index), flip.intent().type(), flip.intent().tenant(), flip.intent().actor(),
                    flip.before().summary(), flip.after().summary()));
        }
        return new WhatIf(report.examined(), flips);
    }

    /**
     * Which of {@code samples} would be decided otherwise under the policy document {@code candidate} (JSON text) than
     * under the policy in force; throws InvalidPolicy, saying where and what is wrong, if the candidate cannot be used.
     */
    public PolicyWhatIf.Report whatIf(String candidate, List<PolicyWhatIf.Sample> samples) throws InvalidPolicy {
        Policy proposed = compiler.compile(candidate, "candidate policy");
        return PolicyWhatIf.compare(policy.current(), proposed, samples);
    }

    /** The policy in force. */
    Policy policy() {
        return policy.current();
    }

    /** Reads the policy file again if it changed (what the watch does every poll). */
    void reloadIfChanged() {
        policy.reloadIfChanged();
    }

    private void watch(long pollMillis) {
        if (watch != null) {
            watch.shutdownNow();
            watch = null;
        }
        if (pollMillis > 0) {
            watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "city-manager-policy-watch");
                thread.setDaemon(true);
                return thread;
            });
            watch.scheduleWithFixedDelay(this::reloadQuietly, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void reloadQuietly() {
        try {
            policy.reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.error("policy watch: could not check {}: {}", policy.path(), e.toString());
        }
    }
}
