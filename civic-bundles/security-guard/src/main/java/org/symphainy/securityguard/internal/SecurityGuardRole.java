package org.symphainy.securityguard.internal;

import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.foundations.projections.AppliedExecutions;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.SecurityGuard;
import org.symphainy.sdk.identity.ApiKeys;
import org.symphainy.sdk.identity.Authenticator;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.Projection;

/**
 * The Security Guard role service: decides on every intent ({@link SecurityGuard}), proves credentials
 * ({@link Authenticator}: API keys and JWTs), manages API keys ({@link ApiKeys}) and applies the recorded
 * {@code platform.apikey.*} executions to them ({@link Projection}). Keys live in
 * {@code ${symphainy.data}/security/api-keys.json}, the ids of the executions applied beside them; on the first start
 * the bootstrap administrator's credential is written to {@code ${symphainy.data}/admin.key}. Configuration (PID
 * {@value #PID}) may change at any time: an update that cannot be used is logged and the configuration in force stays.
 */
@Component(service = {SecurityGuard.class, Authenticator.class, ApiKeys.class, Projection.class}, immediate = true,
        configurationPid = SecurityGuardRole.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {
            Projection.INTENT_TYPES + "=" + ApiKeyIntents.CREATE,
            Projection.INTENT_TYPES + "=" + ApiKeyIntents.REVOKE })
@Designate(ocd = SecurityGuardConfig.class)
public final class SecurityGuardRole implements SecurityGuard, Authenticator, ApiKeys, Projection {

    /** The configuration PID. */
    public static final String PID = "org.symphainy.securityguard";

    /** The framework property naming the data directory. */
    static final String DATA_PROPERTY = "symphainy.data";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityGuardRole.class);

    private final Clock clock;
    private final LongSupplier nanoTime;
    private final ApiKeyStore keys;
    private final CredentialAuthenticator authenticator;
    private final KeyChangeChecks keyChecks;
    private final KeyChangeProjection keyChanges;
    private volatile GuardSettings settings;

    /** Activated by DS: data under {@code symphainy.data}, else the bundle's data area. */
    @Activate
    public SecurityGuardRole(BundleContext context, SecurityGuardConfig config) {
        this(dataDirectory(context), config, Clock.systemUTC(), System::nanoTime);
    }

    /** The role with its data in {@code data}; creates the bootstrap administrator key on a first start. */
    SecurityGuardRole(Path data, SecurityGuardConfig config, Clock clock, LongSupplier nanoTime) {
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.settings = GuardSettings.defaults(clock);
        apply(config);
        this.keys = new ApiKeyStore(data.resolve("security").resolve(ApiKeyStore.FILE_NAME),
                settings.apiKeyIterations(), clock, new SecureRandom(), nanoTime);
        this.authenticator = new CredentialAuthenticator(keys, () -> settings.jwt());
        this.keyChecks = new KeyChangeChecks(keys);
        this.keyChanges = new KeyChangeProjection(keys, new AppliedExecutions(keys.file().resolveSibling(
                "applied-executions")));
        BootstrapAdmin.createIfFirstStart(keys, data.resolve(BootstrapAdmin.FILE_NAME));
    }

    /** Takes a changed configuration; one that cannot be used is logged and the one in force stays. */
    @Modified
    void modified(SecurityGuardConfig config) {
        if (apply(config)) {
            keys.iterations(settings.apiKeyIterations());
        }
    }

    private boolean apply(SecurityGuardConfig config) {
        try {
            settings = GuardSettings.from(config, clock, nanoTime);
            return true;
        } catch (InputRejected e) {
            LOG.error("{}; the configuration in force stays: fix it and save it again", e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.error("configuration {} cannot be used ({}); the configuration in force stays: fix it and save it "
                    + "again", PID, InputRejected.oneLine(String.valueOf(e)));
            return false;
        }
    }

    /** The authorizer's decision; for an API key intent it may submit, also the checks of its change. */
    @Override
    public Decision decide(Intent intent, GovernanceContext context) {
        Decision decision = settings.authorizer().decide(intent, context);
        if (decision.allowed() && ApiKeyIntents.TYPES.contains(intent.type())) {
            return keyChecks.refusal(intent, context.principal().orElseThrow()).orElse(decision);
        }
        return decision;
    }

    /** Applies a recorded {@code platform.apikey.*} execution to the keys, once. */
    @Override
    public void apply(Execution execution) {
        keyChanges.apply(execution);
    }

    @Override
    public Principal authenticate(String credential) {
        return authenticator.authenticate(credential);
    }

    @Override
    public PreparedKey prepare(String tenant, String actor, Set<String> roles, String label) {
        ApiKeyStore.Prepared prepared = keys.prepare(tenant, actor, roles, label);
        LOG.info("prepared API key {} for {} with roles {}: it works once a platform.apikey.create intent with its "
                + "payload is recorded", prepared.credential().keyId(), prepared.change().principal(),
                prepared.change().principal().roles());
        return new PreparedKey(prepared.credential().keyId(), prepared.credential().text(),
                prepared.change().createPayload());
    }

    @Override
    public IssuedKey create(String tenant, String actor, Set<String> roles, String label) {
        IssuedKey issued = keys.create(tenant, actor, roles, label);
        LOG.info("created API key {} for {} with roles {}", issued.info().keyId(), issued.info().principal(),
                issued.info().principal().roles());
        return issued;
    }

    @Override
    public boolean revoke(String keyId) {
        boolean revoked = keys.revoke(keyId);
        if (revoked) {
            LOG.info("revoked API key {}", keyId);
        }
        return revoked;
    }

    @Override
    public List<ApiKeyInfo> list() {
        return keys.list();
    }

    private static Path dataDirectory(BundleContext context) {
        String data = context.getProperty(DATA_PROPERTY);
        if (data != null && !data.isBlank()) {
            return Path.of(data);
        }
        File area = context.getDataFile("");
        if (area == null) {
            throw new IllegalStateException("no data directory: set the framework property " + DATA_PROPERTY
                    + " (the framework has no bundle storage either)");
        }
        return area.toPath();
    }
}
