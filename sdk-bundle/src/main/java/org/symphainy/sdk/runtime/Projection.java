package org.symphainy.sdk.runtime;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * State kept from the write-ahead log: a service that applies the completed executions of some intent types, so that
 * what an intent changes (a tenant created, a policy replaced) takes effect only once its execution is recorded — and
 * is rebuilt from the log, not lost, after a crash. Handlers stay pure: they check the request and return an artifact
 * describing the change; the projection applies that artifact.
 * <p>
 * Register it as a service with the property {@value #INTENT_TYPES} (the intent types it follows, exact names). The
 * Runtime then calls {@link #apply} once for every COMPLETED execution of those types already in the log, oldest first,
 * then for each one as it completes, in the order they complete, on one Runtime thread. A projection registered again
 * (or after a restart) sees every execution again: applying must be idempotent — remember what was applied, by
 * execution id.
 */
@ConsumerType
public interface Projection {

    /** The service property naming the intent types a projection follows ({@code String} or {@code String[]}). */
    String INTENT_TYPES = "symphainy.projection.intents";

    /**
     * Applies one completed execution: its intent (with the actor who submitted it) and its recorded artifacts. Must
     * return quickly; what it throws is logged with the execution id, and the execution is not offered again until the
     * projection is registered again.
     */
    void apply(Execution execution);

    /**
     * Applies one completed execution, as {@link #apply(Execution)}, and may record what came of it with
     * {@code effects}: the Runtime calls this one. Override it to record effects; the default applies without.
     */
    default void apply(Execution execution, Effects effects) {
        apply(execution);
    }

    /**
     * Records the effects of one execution given to a projection, durably, in the write-ahead log beside it: the
     * execution then shows them ({@link Execution#effects()}). Usable from any thread, also after {@code apply}
     * returned (a change applied in the background records its outcome when it is known).
     */
    @org.osgi.annotation.versioning.ProviderType
    interface Effects {

        /**
         * Records that the execution's change was {@code applied} (or not), with an operator's one-line
         * {@code summary}; returns once it is durable.
         *
         * @throws IllegalStateException if the Runtime is stopping or the execution has as many effects as it may keep
         */
        Effect record(boolean applied, String summary);
    }
}
