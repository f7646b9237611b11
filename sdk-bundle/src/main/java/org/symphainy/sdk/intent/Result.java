package org.symphainy.sdk.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.symphainy.sdk.internal.Checks;

/**
 * What a handler returns: the artifacts it produced and the events it reports, each in order. The Runtime records both
 * in one write-ahead log record ({@code StepCompleted}), giving every artifact an id and provenance; ids and provenance
 * already on returned artifacts are ignored. Immutable. Build with {@link #of(Artifact...)} or {@link #builder()}.
 */
public final class Result {

    private static final Result EMPTY = new Result(List.of(), List.of());

    private final List<Artifact> artifacts;
    private final List<Event> events;

    private Result(List<Artifact> artifacts, List<Event> events) {
        this.artifacts = artifacts;
        this.events = events;
    }

    /** A result with nothing in it. */
    public static Result empty() {
        return EMPTY;
    }

    /** A result of these artifacts and no events. */
    public static Result of(Artifact... artifacts) {
        return of(Arrays.asList(Checks.present("artifacts", artifacts)), List.of());
    }

    /** A result of these artifacts and events (lists are copied). */
    public static Result of(List<Artifact> artifacts, List<Event> events) {
        return new Result(Checks.list("artifacts", artifacts), Checks.list("events", events));
    }

    /** A builder for a result. */
    public static Builder builder() {
        return new Builder();
    }

    /** The artifacts, in the order the handler produced them. */
    public List<Artifact> artifacts() {
        return artifacts;
    }

    /** The events, in the order the handler reported them. */
    public List<Event> events() {
        return events;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Result that && artifacts.equals(that.artifacts) && events.equals(that.events);
    }

    @Override
    public int hashCode() {
        return 31 * artifacts.hashCode() + events.hashCode();
    }

    @Override
    public String toString() {
        return "Result[artifacts=" + artifacts + ", events=" + events + "]";
    }

    /** Collects artifacts and events in order. */
    public static final class Builder {

        private final List<Artifact> artifacts = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();

        private Builder() {
        }

        /** Adds an artifact. */
        public Builder artifact(Artifact artifact) {
            artifacts.add(Checks.present("artifact", artifact));
            return this;
        }

        /** Adds an event. */
        public Builder event(Event event) {
            events.add(Checks.present("event", event));
            return this;
        }

        /** Adds an event of {@code type} with {@code payload}. */
        public Builder event(String type, Json payload) {
            return event(new Event(type, payload));
        }

        /** The result. */
        public Result build() {
            return Result.of(artifacts, events);
        }
    }
}
