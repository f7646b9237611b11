package org.symphainy.trafficcop.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Traffic Cop's configuration (PID {@code org.symphainy.trafficcop}, e.g. {@code etc/org.symphainy.trafficcop.cfg}).
 * Changes apply to running sessions without a restart; a value out of range is refused with an ERROR line and the
 * settings in force stay (see {@link SessionPolicy}).
 */
@ObjectClassDefinition(name = "Symphainy Traffic Cop",
        description = "Sessions: how long they last and how many one principal may hold")
public @interface TrafficCopConfig {

    @AttributeDefinition(description = "How long a session is accepted after it opens, however active, in minutes "
            + "(1 to 527040, i.e. 366 days); clients then sign in again")
    long sessionTtlMinutes() default 480;

    @AttributeDefinition(description = "A session unused for this many minutes ends early (0 to 527040; 0 turns the "
            + "idle timeout off)")
    long idleTimeoutMinutes() default 30;

    @AttributeDefinition(description = "Most active sessions one principal (tenant and actor) may hold (1 to 100000); "
            + "opening one more ends its oldest")
    int maxSessionsPerPrincipal() default 100;

    @AttributeDefinition(description = "How often ended sessions are removed from memory, in seconds (1 to 86400)")
    long sweepIntervalSeconds() default 60;
}
