package org.symphainy.datasteward.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.governance.DataSteward;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.intent.Intent;

/**
 * The Data Steward stage of the governance pipeline: decides how an intent may use data, never what should happen.
 * An intent references data sources through its payload's top-level {@code "dataSources"} (array of names) and/or
 * {@code "dataSource"} (a name), dotted names such as {@code crm.contacts}; each must lie within the intent's tenant's
 * boundary. Payload fields classified as personal data need a principal with the personal-data role (or
 * {@code admin}). See the package documentation for the conventions.
 *
 * <p>Configuration: PID {@code org.symphainy.datasteward} ({@link DataStewardConfig}), compiled once per change. A
 * configuration with an invalid entry is refused with one ERROR line per entry and the policy in force stays (at first
 * the secure default: only tenant {@code system} may reference data sources); the component never fails to activate
 * because of its configuration.
 */
@Component(service = DataSteward.class, configurationPid = PolicyReader.PID)
@Designate(ocd = DataStewardConfig.class)
public final class DataStewardRole implements DataSteward {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.datasteward");

    private volatile StewardPolicy policy;

    /** Starts with {@code config}, or the secure default if it has an invalid entry. */
    @Activate
    public DataStewardRole(DataStewardConfig config) {
        this.policy = accept(config, StewardPolicy.SECURE_DEFAULT, "the secure default");
        LOG.info("Data Steward ready: {}", policy);
    }

    /** Applies a changed configuration, unless it has an invalid entry. */
    @Modified
    void modified(DataStewardConfig config) {
        StewardPolicy previous = policy;
        policy = accept(config, previous, "its previous configuration");
        if (policy != previous) {
            LOG.info("Data Steward reconfigured: {}", policy);
        }
    }

    @Override
    public Decision decide(Intent intent, GovernanceContext context) {
        return policy.decide(intent, context);
    }

    /** The provenance rules in force applied to a step's artifacts, on the Runtime's step-completed path. */
    @Override
    public java.util.List<String> provenanceProblems(String executionId, java.util.List<org.symphainy.sdk.intent.Artifact> artifacts) {
        return policy.provenance().check(executionId, artifacts);
    }

    /** The provenance rules in force. */
    public ProvenanceChecker provenanceChecker() {
        return policy.provenance();
    }

    /** The policy {@code config} describes, or {@code fallback} (logging each invalid entry) if it has one. */
    private static StewardPolicy accept(DataStewardConfig config, StewardPolicy fallback, String fallbackName) {
        PolicyReader.Reading reading = PolicyReader.read(config);
        if (reading.policy() != null) {
            return reading.policy();
        }
        for (String problem : reading.problems()) {
            LOG.error("configuration {} refused: {}. The Data Steward keeps {} until the configuration is fixed",
                    PolicyReader.PID, problem, fallbackName);
        }
        return fallback;
    }
}
