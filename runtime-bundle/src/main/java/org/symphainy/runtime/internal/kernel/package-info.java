/**
 * The kernel: the governance pipeline, the execution book (the in-memory projection of the WAL), the executor that
 * runs handlers under a deterministic context, recovery and replay, behind the SDK's {@code Runtime} service.
 *
 * <h2>Drain and pin (decisions)</h2>
 * <ul>
 * <li><b>Pinning is to the intent version</b> recorded in {@code IntentAccepted} (type and version, plus the bundle
 * that served it, for the record). Every later attempt — a retry, a run after approval, a resume after a restart —
 * resolves exactly that intent version again. An update that keeps the intent's version (a fix, bundle 1.0.0 to
 * 1.0.1) therefore continues acknowledged work on the new revision, which is what the operator asked for.</li>
 * <li><b>In-flight work finishes on the revision that admitted it.</b> An execution is <em>bound</em> to a revision
 * ({@link org.symphainy.runtime.internal.kernel.DrainGate}) from the moment it is handed a handler object until that
 * handler returns: on acceptance (queued for a worker counts) and when a resumed, retried or approved execution is
 * about to run. A drain ({@link org.symphainy.sdk.runtime.ExecutionDrain}) closes the revision, waits for its bound
 * executions, and only then lets the deployer swap it; the old handler object stays referenced by those executions
 * until they end.</li>
 * <li><b>New work waits, then goes to the new revision.</b> A submission that resolves to a draining revision is not
 * acknowledged: it waits until the swap is done (or the drain gives up) and resolves again, so it is acknowledged only
 * once bound to a handler that stays. An unbound execution due to run meanwhile (retry, approval) is run again after
 * the swap. If the drain gives up, nothing changes and the waiting work proceeds on the old revision.</li>
 * <li><b>Accepted for X, X gone.</b> An execution accepted for intent version X but not run yet (waiting for a retry,
 * for approval, or for its bundle after a restart) may find X replaced by Y when it runs. While some installed bundle,
 * active or not, still declares X, it waits for X (after a restart bundles start late; side-by-side versions keep
 * their own work). Once no installed bundle declares X, it runs on the highest admitted version of the same major
 * version above X — compatible by semantic versioning — and the log says so. A new major version is never assumed
 * compatible: such executions stay parked (reported) until X is deployed again. The WAL keeps the version the
 * execution was accepted for; the version that ran it appears in the log line.</li>
 * <li><b>Saga steps are bound one at a time.</b> A saga is pinned to its recorded definition, not to the bundles of
 * its steps: each step (and compensation) resolves its intent when it is due and is bound to that revision while its
 * handler runs, so a swap of a step's bundle waits for the step. A step due while its bundle drains, or while nothing
 * serves its intent during a swap, waits for the swap and runs on the new revision without recording an attempt; its
 * {@code StepStarted} names the revision that ran it.</li>
 * </ul>
 */
package org.symphainy.runtime.internal.kernel;
