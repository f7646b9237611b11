package org.symphainy.nurse.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.runtime.RetryPolicies;
import org.symphainy.sdk.runtime.RetryPolicy;

/**
 * The Nurse's {@link RetryPolicies}: the policy of each intent type, from a default and per-pattern overrides configured
 * by PID {@code org.symphainy.nurse} ({@link NurseConfig#defaultPolicy()}, {@link NurseConfig#policies()}). A
 * configuration with a bad value or entry is refused whole, with one ERROR line per problem naming the PID, the entry and
 * what to write instead; the policies in force (the platform's default, at first) stay. {@link #forIntent} reads one
 * volatile field and, for a type asked before, one hash lookup: it runs at every step failure.
 */
@Component(name = "org.symphainy.nurse.retry", service = RetryPolicies.class, configurationPid = NurseConfig.PID)
@Designate(ocd = NurseConfig.class)
public final class NurseRetryPolicies implements RetryPolicies {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.nurse");

    private volatile PolicyTable table;

    /** Starts with {@code config}'s policies, or the platform's default if it has a bad value. */
    @Activate
    public NurseRetryPolicies(NurseConfig config) {
        this.table = accept(config, PolicyTable.of(RetryPolicy.DEFAULT), "the platform's default");
        LOG.info("Nurse retry policies ready: {}", table);
    }

    /** Applies a changed configuration, unless it has a bad value. */
    @Modified
    void modified(NurseConfig config) {
        PolicyTable previous = table;
        PolicyTable next = accept(config, previous, "the policies in force");
        if (!next.equals(previous)) {
            table = next;
            LOG.info("Nurse retry policies reconfigured: {}", next);
        }
    }

    @Override
    public RetryPolicy forIntent(String intentType) {
        return table.forIntent(intentType);
    }

    /** The policies in force, for tests. */
    PolicyTable table() {
        return table;
    }

    /** The table {@code config} describes, or {@code fallback} (logging each problem) if it has a bad value. */
    private static PolicyTable accept(NurseConfig config, PolicyTable fallback, String fallbackName) {
        RetrySettings.Reading reading;
        try {
            reading = RetrySettings.read(config.defaultPolicy(), config.policies());
        } catch (RuntimeException e) {
            // Declarative Services could not convert a configured value (a number where text belongs is converted)
            LOG.error("configuration {} refused: {}. The Nurse keeps {} ({})", NurseConfig.PID, e.getMessage(),
                    fallbackName, fallback);
            return fallback;
        }
        if (reading.table() != null) {
            return reading.table();
        }
        for (String problem : reading.problems()) {
            LOG.error("configuration {} refused: {}. The Nurse keeps {} ({}) until the configuration is fixed",
                    NurseConfig.PID, problem, fallbackName, fallback);
        }
        return fallback;
    }
}
