/**
 * Sagas: multi-step executions that survive failure. Design note.
 * <p>
 * <b>Declaration.</b> A saga is itself an intent type. Its bundle declares it with {@code @ProvidesIntent(value =
 * "orders.place", version = "1.0.0", saga = "sagas/orders.place.json")} — a saga definition resource beside the
 * {@code schema}, parsed into the SDK's {@code org.symphainy.sdk.saga.SagaDefinition}: ordered, named steps, each an
 * intent type whose payload is built by {@code PayloadMapping}s (JSON Pointers into {@code /input/...} or
 * {@code /steps/<name>/artifacts/<kind>/...}), an optional compensation intent, and optional retry and timeout
 * overrides. The Conductor validates every definition when its bundle is deployed (unknown intent, a mapping from a
 * step that is not earlier — the only way an ordered saga can form a cycle —, an artifact kind the source step does
 * not declare, duplicate names) and refuses it with the step and the problem named.
 * <p>
 * <b>Running.</b> Submitting the saga intent creates one parent execution, governed once; its IntentAccepted records
 * the definition in force (so the saga resumes and replays by it whatever is deployed later). The kernel's
 * {@code SagaRunner} then runs each step as a handler call of the step's intent with the payload its mappings build,
 * recorded as the parent's StepStarted (naming the step's handler) / StepCompleted / StepFailed records with the step
 * number, then SagaFailed, CompensationStarted / Completed / Failed and SagaCompensated / SagaCompensationFailed (or
 * ExecutionCompleted). Records are appended without waiting and applied once durable, in order: handlers have no side
 * effects, so a crash loses at most steps that run again. The parent's state is a pure function of its records —
 * {@link org.symphainy.runtime.internal.kernel.saga.SagaProgress} — so recovery re-reads them and asks
 * {@link org.symphainy.runtime.internal.kernel.saga.SagaProgress#next() what comes next}: the next attempt of a
 * step (after its durable backoff), the next compensation in reverse order of the completed steps, or the end. A
 * {@code platform.execution.cancel} intent records CancelRequested on the parent; the saga gives up before its next
 * step (at once during a backoff wait) and compensates. Steps are not governed one by one: the saga's own decision
 * covers the steps its checked definition names.
 * <p>
 * <b>States.</b> A step that exhausts its retries (or its timeout) moves the saga to COMPENSATING; when every
 * compensation completed it is COMPENSATED, when one exhausted its retries it stays COMPENSATION_FAILED with each
 * compensation's failure recorded for an operator. These are new {@code ExecutionState} constants (a minor SDK bump);
 * the code that switches over states — {@code ExecutionState.isTerminal/canMoveTo}, {@code ExecutionEntry.apply},
 * the Post Office's end of a subscription, Experience's JSON and the CLI's table — must learn them; COMPENSATED and
 * COMPENSATION_FAILED are terminal.
 */
package org.symphainy.runtime.internal.kernel.saga;
