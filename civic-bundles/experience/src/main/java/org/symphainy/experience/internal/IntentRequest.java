package org.symphainy.experience.internal;

import java.util.Objects;

import org.symphainy.sdk.intent.Json;

/**
 * The body of {@code POST /api/v1/intents}: what to do; who asks comes from the credentials, never from the body.
 *
 * @param type the intent type, such as {@code platform.echo}
 * @param version the acceptable handler versions, an OSGi range such as {@code [1.0,2.0)}; null for any
 * @param payload the payload, a JSON object ({@code {}} when absent)
 * @param idempotencyKey the caller's key for exactly-once submission; null for none
 * @param correlationId the caller's id for the request; null to have one made
 */
record IntentRequest(String type, String version, Json payload, String idempotencyKey, String correlationId) {

    IntentRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }
}
