package org.symphainy.sdk.saga;

import java.util.List;

import org.symphainy.sdk.internal.Checks;

/**
 * The intent that undoes a completed step, run when a later step fails for good (in reverse order of the completed
 * steps). Its payload mappings may read the saga's input and the artifacts of its own step and of earlier steps.
 *
 * @param intentType the compensating intent type
 * @param payload how its payload is built
 */
public record Compensation(String intentType, List<PayloadMapping> payload) {

    /** Checks the fields and copies the list. */
    public Compensation {
        Checks.present("compensation intent type", intentType);
        payload = List.copyOf(Checks.present("compensation payload mappings", payload));
    }

    /** A compensation by {@code intentType} with the given mappings. */
    public static Compensation of(String intentType, PayloadMapping... payload) {
        return new Compensation(intentType, List.of(payload));
    }
}
