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
 * <b>Running.</b> Submitting the saga intent creates one parent execution, governed once. Each step runs as a step of
 * that parent (an intent governed through the pipeline with the parent's recorded principal), with the existing
 * StepStarted / StepCompleted / StepFailed records carrying the step number; compensations get their own records
 * (CompensationStarted / Completed / Failed, new RecordType codes, only added). The parent's state is a pure function
 * of its records — {@link org.symphainy.runtime.internal.kernel.saga.SagaProgress} — so recovery re-reads them and
 * asks {@link org.symphainy.runtime.internal.kernel.saga.SagaProgress#next() what comes next}: the next attempt of a
 * step (after its durable backoff), the next compensation in reverse order of the completed steps, or the end.
 * <p>
 * <b>States.</b> A step that exhausts its retries (or its timeout) moves the saga to COMPENSATING; when every
 * compensation completed it is COMPENSATED, when one exhausted its retries it stays COMPENSATION_FAILED with each
 * compensation's failure recorded for an operator. These are new {@code ExecutionState} constants (a minor SDK bump);
 * the code that switches over states — {@code ExecutionState.isTerminal/canMoveTo}, {@code ExecutionEntry.apply},
 * the Post Office's end of a subscription, Experience's JSON and the CLI's table — must learn them; COMPENSATED and
 * COMPENSATION_FAILED are terminal.
 */
package org.symphainy.runtime.internal.kernel.saga;
