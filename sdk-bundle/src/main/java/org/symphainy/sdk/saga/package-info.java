/**
 * Saga definitions: how a solution declares a multi-step execution that survives failure. A
 * {@link org.symphainy.sdk.saga.SagaDefinition} is an ordered list of named
 * {@link org.symphainy.sdk.saga.SagaStep}s; each step is an intent whose payload is built by
 * {@link org.symphainy.sdk.saga.PayloadMapping}s from the saga's input and the artifacts of earlier steps, with an
 * optional {@link org.symphainy.sdk.saga.Compensation} that undoes it, and optional retry and timeout overrides.
 * A definition that names an unknown intent, maps from a step that does not come earlier, or from an artifact kind
 * the source step does not declare is refused with a {@link org.symphainy.sdk.saga.SagaProblem} per fault.
 * Everything here is immutable.
 */
@Export
@Version("1.0.0")
package org.symphainy.sdk.saga;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
