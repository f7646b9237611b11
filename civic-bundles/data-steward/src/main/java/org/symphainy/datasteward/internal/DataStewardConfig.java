package org.symphainy.datasteward.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Data Steward's configuration (PID {@code org.symphainy.datasteward}, e.g. {@code etc/org.symphainy.datasteward.cfg}).
 * List values may also hold several entries in one string, separated by {@code ';'}. A configuration with an invalid
 * entry is refused whole, with one ERROR line per invalid entry, and the configuration in force stays (at first, the
 * secure default: only tenant {@code system} may reference data sources, no field is personal).
 */
@ObjectClassDefinition(name = "Symphainy Data Steward",
        description = "Which tenant may reference which data sources, which payload fields are personal data, and the "
                + "provenance rules recorded artifacts must meet")
public @interface DataStewardConfig {

    @AttributeDefinition(description = "Data boundaries, each '<tenant>=<pattern>[,<pattern>...]' where a pattern is a "
            + "source name (crm.contacts), a prefix ending in '.*' (crm.*) or '*'. Tenant 'system' may reference every "
            + "source unless an entry names it; other tenants none unless an entry names them.")
    String[] boundaries() default {};

    @AttributeDefinition(description = "Payload fields holding personal data, as dotted paths (customer.email, ssn); "
            + "a path through an array applies to each element")
    String[] personalFields() default {};

    @AttributeDefinition(description = "The role a principal needs to submit a payload with personal fields "
            + "(the role 'admin' also may)")
    String personalDataRole() default "personal-data";

    @AttributeDefinition(description = "Artifact kinds that must name at least one input artifact in their provenance: "
            + "kind names (insights.report), prefixes ending in '.*' (insights.*) or '*'")
    String[] requireInputsFor() default {};
}
