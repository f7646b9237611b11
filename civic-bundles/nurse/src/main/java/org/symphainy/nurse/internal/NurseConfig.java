package org.symphainy.nurse.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Nurse's configuration (PID {@code org.symphainy.nurse}, e.g. {@code etc/org.symphainy.nurse.cfg}). Changes apply
 * without a restart; a configuration with an invalid value is refused with an ERROR line per value, and the settings in
 * force stay. The README of the bundle documents the syntax.
 */
@ObjectClassDefinition(name = "Symphainy Nurse",
        description = "Retry policies of failed steps, per intent type; the window of the intent health report")
public @interface NurseConfig {

    /** The configuration PID. */
    String PID = "org.symphainy.nurse";

    @AttributeDefinition(description = "The retry policy of every intent type no override matches: comma-separated "
            + "field:value pairs (maxAttempts, initialInterval, backoffCoefficient, maxInterval, jitter, nonRetryable), "
            + "the fields not given as the platform's default (maxAttempts:10,initialInterval:1s,backoffCoefficient:2,"
            + "maxInterval:100s,jitter:0.2); or none for no retry. Empty: the platform's default")
    String defaultPolicy() default "";

    @AttributeDefinition(description = "Overrides, each '<pattern>=<policy>' with the pattern an intent type "
            + "(content.ingest), a prefix (content.*) or *, separated by ';' or given as several values; the most "
            + "specific pattern wins, and the fields not given are the default policy's")
    String[] policies() default {};

    @AttributeDefinition(description = "How far back the health report counts ended executions: a duration such as "
            + "5m (1s to 24h)")
    String healthWindow() default "5m";

    @AttributeDefinition(description = "How often the Nurse looks at the Runtime's executions: a duration such as 5s "
            + "(100ms to 10m)")
    String healthPollInterval() default "5s";

    @AttributeDefinition(description = "How long a running execution is followed for its outcome after its acceptance: "
            + "a duration such as 1h, at least the window (up to 24h); executions that end later are not counted")
    String healthFollowFor() default "1h";

    @AttributeDefinition(description = "Most execution summaries read from the Runtime per look (1000 to 1000000); "
            + "beyond, the counts are partial and the report says so")
    int healthScanLimit() default 100_000;

    @AttributeDefinition(description = "Most failed executions whose failure code is looked up per look (0 to 10000); "
            + "the others count as unclassified failures")
    int healthFailureLookups() default 200;
}
