package org.symphainy.citymanager.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.runtime.CelVariableResolver;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;

/**
 * What a rule condition sees of one intent: {@code intent}, {@code principal} and {@code payload}, each built the first
 * time a condition asks for it (most decisions never parse the payload). One instance per decision; not thread-safe.
 * A payload that cannot be read gives no {@code payload} variable, so a condition reading it fails to evaluate.
 */
final class IntentFacts implements CelVariableResolver {

    private static final Map<String, Object> NO_PRINCIPAL =
            Map.of("tenant", "", "actor", "", "roles", List.of(), "authenticatedBy", "");

    private final Intent intent;
    private final Optional<Principal> principal;
    private Map<String, String> intentValue;
    private Map<String, Object> principalValue;
    private Optional<Object> payloadValue;

    IntentFacts(Intent intent, Optional<Principal> principal) {
        this.intent = intent;
        this.principal = principal;
    }

    /** The intent decided on. */
    Intent intent() {
        return intent;
    }

    /** The principal of the intent's session, if known. */
    Optional<Principal> principal() {
        return principal;
    }

    @Override
    public Optional<Object> find(String name) {
        return switch (name) {
            case "intent" -> Optional.of(intentValue());
            case "principal" -> Optional.of(principalValue());
            case "payload" -> payloadValue();
            default -> Optional.empty();
        };
    }

    private Map<String, String> intentValue() {
        if (intentValue == null) {
            intentValue = Map.of("type", intent.type(), "tenant", intent.tenant(), "actor", intent.actor());
        }
        return intentValue;
    }

    private Map<String, Object> principalValue() {
        if (principalValue == null) {
            principalValue = principal.<Map<String, Object>>map(p -> Map.of("tenant", p.tenant(), "actor", p.actor(),
                    "roles", List.copyOf(p.roles()), "authenticatedBy", p.authenticatedBy())).orElse(NO_PRINCIPAL);
        }
        return principalValue;
    }

    private Optional<Object> payloadValue() {
        if (payloadValue == null) {
            try {
                payloadValue = Optional.of(PayloadValues.parse(intent.payload().bytes()));
            } catch (IOException e) {
                payloadValue = Optional.empty();
            }
        }
        return payloadValue;
    }
}
