package org.symphainy.sdk.runtime;

import java.time.Instant;
import java.util.List;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Event;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.internal.Checks;

/**
 * One execution as the write-ahead log records it: the intent, the governance decisions that admitted it, the handler it
 * is pinned to, its steps and the artifacts they produced. A snapshot: ask the Runtime again for later changes.
 *
 * @param id the execution id
 * @param intent the intent being carried out
 * @param state where the execution is
 * @param handler the handler resolved for the intent when it was accepted
 * @param decisions every governance decision, in pipeline order
 * @param steps the steps so far, in order
 * @param artifacts the recorded artifacts of every step, in order
 * @param acceptedAt when the acceptance became durable
 * @param endedAt when it completed or failed; null until then
 * @param failure why it failed; null unless failed
 * @param principal who submitted it, as its session proved when it was governed (tenant, actor, roles, how
 *        authenticated): the attribution recorded with the intent; null if none was recorded
 * @param events the events its steps' handlers returned, in order, as recorded
 * @param saga for a saga that gave up (COMPENSATING and after): what was undone, what is not, and every failed
 *        attempt; null otherwise
 * @param effects what the projections that follow its intent type did with it once it completed (a deploy's
 *        framework change, for instance), in the order they were recorded; empty until then
 */
public record Execution(String id, Intent intent, ExecutionState state, HandlerRef handler, List<Decision> decisions,
        List<Step> steps, List<Artifact> artifacts, Instant acceptedAt, Instant endedAt, Failure failure,
        Principal principal, List<Event> events, SagaStatus saga, List<Effect> effects) {

    /** An execution with its principal, events and saga status, without effects. */
    public Execution(String id, Intent intent, ExecutionState state, HandlerRef handler, List<Decision> decisions,
            List<Step> steps, List<Artifact> artifacts, Instant acceptedAt, Instant endedAt, Failure failure,
            Principal principal, List<Event> events, SagaStatus saga) {
        this(id, intent, state, handler, decisions, steps, artifacts, acceptedAt, endedAt, failure, principal, events, saga,
                List.of());
    }

    /** An execution with its principal and events, without a saga status. */
    public Execution(String id, Intent intent, ExecutionState state, HandlerRef handler, List<Decision> decisions,
            List<Step> steps, List<Artifact> artifacts, Instant acceptedAt, Instant endedAt, Failure failure,
            Principal principal, List<Event> events) {
        this(id, intent, state, handler, decisions, steps, artifacts, acceptedAt, endedAt, failure, principal, events, null);
    }

    /** An execution with its principal, without events. */
    public Execution(String id, Intent intent, ExecutionState state, HandlerRef handler, List<Decision> decisions,
            List<Step> steps, List<Artifact> artifacts, Instant acceptedAt, Instant endedAt, Failure failure,
            Principal principal) {
        this(id, intent, state, handler, decisions, steps, artifacts, acceptedAt, endedAt, failure, principal, List.of(), null);
    }

    /** An execution without a recorded principal. */
    public Execution(String id, Intent intent, ExecutionState state, HandlerRef handler, List<Decision> decisions,
            List<Step> steps, List<Artifact> artifacts, Instant acceptedAt, Instant endedAt, Failure failure) {
        this(id, intent, state, handler, decisions, steps, artifacts, acceptedAt, endedAt, failure, null, List.of(), null);
    }

    /** Checks every value and the rules between them, and copies the lists. */
    public Execution {
        Checks.id("id", id);
        Checks.present("intent", intent);
        Checks.present("state", state);
        Checks.present("handler", handler);
        decisions = Checks.list("decisions", decisions);
        steps = Checks.list("steps", steps);
        artifacts = Checks.list("artifacts", artifacts);
        events = events == null ? List.of() : Checks.list("events", events);
        effects = effects == null ? List.of() : Checks.list("effects", effects);
        Checks.present("acceptedAt", acceptedAt);
        if (state.isTerminal() != (endedAt != null)) {
            throw new IllegalArgumentException("execution " + id + " is " + state + ": endedAt must be "
                    + (state.isTerminal() ? "set" : "null"));
        }
        if (state.hasFailure() != (failure != null)) {
            throw new IllegalArgumentException("execution " + id + " is " + state + ": failure must be "
                    + (state.hasFailure() ? "set" : "null"));
        }
    }

    /** The tenant the execution runs for. */
    public String tenant() {
        return intent.tenant();
    }
}
