package org.symphainy.securityguard.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.foundations.projections.AppliedExecutions;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;

/**
 * Applies the recorded {@code platform.apikey.change} artifacts of completed executions to the key store, once per
 * execution (the {@link AppliedExecutions} remembers which, across restarts). A created key gets the hash the artifact
 * holds and the execution's end as its creation time; a revoked key is revoked as of the execution's end, so applying
 * the log again gives the same key file.
 */
final class KeyChangeProjection {

    private static final Logger LOG = LoggerFactory.getLogger(KeyChangeProjection.class);

    private final ApiKeyStore keys;
    private final AppliedExecutions ledger;

    KeyChangeProjection(ApiKeyStore keys, AppliedExecutions ledger) {
        this.keys = keys;
        this.ledger = ledger;
    }

    /** Applies {@code execution} if it completed and was not applied before; a failure is logged and retried at start. */
    void apply(Execution execution) {
        if (execution.state() != ExecutionState.COMPLETED || ledger.applied(execution.id())) {
            return;
        }
        String by = "execution " + execution.id() + " by " + execution.intent().actor() + "@" + execution.tenant();
        Instant at = execution.endedAt() != null ? execution.endedAt() : execution.acceptedAt();
        try {
            for (Artifact artifact : execution.artifacts()) {
                Optional<ApiKeyChange> change = recorded(artifact, by);
                if (change.isPresent()) {
                    applyChange(change.get(), at, by);
                }
            }
            ledger.record(execution.id());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            LOG.error("could not apply {} ({}); it is applied again at the next start", by, e.getMessage());
        }
    }

    private static Optional<ApiKeyChange> recorded(Artifact artifact, String by) {
        try {
            return ApiKeyIntents.recorded(artifact);
        } catch (IntentException e) {
            LOG.error("the API key change recorded by {} cannot be read ({}); it is skipped", by, e.getMessage());
            return Optional.empty();
        }
    }

    private void applyChange(ApiKeyChange change, Instant at, String by) {
        if (change.creates()) {
            StoredKey key = change.storedKey(at);
            if (keys.add(key)) {
                LOG.info("created API key {} for {} with roles {} ({})", key.keyId(), key.principal(),
                        key.principal().roles(), by);
            } else if (keys.find(key.keyId()).map(StoredKey::hash).filter(key.hash()::equals).isPresent()) {
                LOG.info("API key {} exists already ({}): applied before", key.keyId(), by);
            } else {
                LOG.error("API key {} was not created ({}): another key has its id; prepare a new key and submit "
                        + "its payload", key.keyId(), by);
            }
        } else if (keys.revoke(change.keyId(), at)) {
            LOG.info("revoked API key {} ({}){}", change.keyId(), by, change.reason() == null ? ""
                    : ": " + change.reason());
        } else {
            LOG.info("API key {} was not active; nothing to revoke ({})", change.keyId(), by);
        }
    }
}
