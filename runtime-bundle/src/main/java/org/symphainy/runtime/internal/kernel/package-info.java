/**
 * The kernel: the governance pipeline, the execution book (the in-memory projection of the WAL), the executor that
 * runs handlers under a deterministic context, recovery and replay, behind the SDK's {@code Runtime} service.
 */
package org.symphainy.runtime.internal.kernel;
