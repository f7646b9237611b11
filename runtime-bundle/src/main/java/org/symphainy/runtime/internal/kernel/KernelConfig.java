package org.symphainy.runtime.internal.kernel;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The kernel's configuration (PID {@code org.symphainy.runtime}, e.g. {@code etc/org.symphainy.runtime.cfg}). */
@ObjectClassDefinition(name = "Symphainy runtime kernel")
public @interface KernelConfig {

    @AttributeDefinition(description = "fsync: every acknowledged intent is forced to disk (default); async: acknowledged "
            + "once written to the operating system, which a process crash survives but a power loss may not")
    String durability() default "fsync";

    @AttributeDefinition(description = "Largest intent payload accepted, in bytes")
    int maxPayloadBytes() default 1_048_576;

    @AttributeDefinition(description = "How long a handler may run before its step fails with STEP_TIMEOUT, in ms")
    long stepTimeoutMillis() default 30_000;

    @AttributeDefinition(description = "Threads that run handlers; they never wait for the WAL, only for handlers")
    int workers() default 16;

    @AttributeDefinition(description = "Most executions running or waiting to run; beyond it submit refuses with "
            + "RUNTIME_UNAVAILABLE (back-pressure) instead of queueing without bound")
    int maxInFlight() default 100_000;

    @AttributeDefinition(description = "How long an execution waits for a second principal's approval before it fails "
            + "with APPROVAL_EXPIRED, in seconds from its acceptance (a restart does not reset it); default 24 h")
    long approvalTimeoutSeconds() default 86_400;

    @AttributeDefinition(description = "The WAL's directory; empty: ${symphainy.data}/wal")
    String walDirectory() default "";

    @AttributeDefinition(description = "Start even if the WAL's hash chain is broken (the break is logged and reported)")
    boolean allowBrokenChain() default false;
}
