package org.symphainy.bench.internal;

import org.symphainy.sdk.intent.ProvidesIntent;

/**
 * The saga of the bench's saga scenario, {@code bench.saga.three}: three {@code bench.saga.step} steps, the second's
 * payload mapped from the first's artifact, the third's from the second's (definition: the resource
 * {@code sagas/bench.saga.three.json}, checked by the Conductor). The Runtime runs it; no code runs here.
 */
@ProvidesIntent(value = ThreeStepSaga.TYPE, version = "1.0.0", saga = "sagas/bench.saga.three.json")
public final class ThreeStepSaga {

    static final String TYPE = "bench.saga.three";

    private ThreeStepSaga() {
    }
}
