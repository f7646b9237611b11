package org.symphainy.citymanager.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The City Manager's configuration (PID {@code org.symphainy.citymanager}, e.g. {@code etc/org.symphainy.citymanager.cfg}). */
@ObjectClassDefinition(name = "Symphainy City Manager",
        description = "Tenant policy rules and rate quotas")
public @interface CityManagerConfig {

    /** The configuration PID. */
    String PID = "org.symphainy.citymanager";

    @AttributeDefinition(description = "The policy rules file (JSON, rules in CEL); empty: "
            + "${symphainy.data}/city-manager/policies.json. No file: the secure default (only the bootstrap "
            + "administrator's platform.* intents)")
    String policyFile() default "";

    @AttributeDefinition(description = "How often the policy file is checked for changes, in ms; 0 checks only when "
            + "this configuration changes")
    long policyPollMillis() default 2_000;

    @AttributeDefinition(description = "Every tenant's rate quota unless overridden: <rate>/<burst> (intents per "
            + "second / at once), or 'unlimited'")
    String defaultQuota() default "100/200";

    @AttributeDefinition(description = "Per-tenant overrides, each '<tenant>=<rate>/<burst>' or '<tenant>=unlimited'")
    String[] quotas() default {};

    @AttributeDefinition(description = "Every tenant's most executions in flight at once (accepted, not ended, not "
            + "counting those awaiting approval) unless overridden: a count, or 'unlimited'")
    String maxInFlight() default "1000";

    @AttributeDefinition(description = "Per-tenant overrides of maxInFlight, each '<tenant>=<count>' or '<tenant>=unlimited'")
    String[] inFlightQuotas() default {};
}
