package org.symphainy.sdk.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.symphainy.sdk.internal.Checks;

/**
 * Which executions to list, and which page: filters on tenant, state, intent type and acceptance time, all optional and
 * combined with AND; results come newest first. Built with {@link #builder()}; {@link #toBuilder()} with the previous
 * page's cursor fetches the next page.
 */
public final class ExecutionQuery {

    /** The page size used when none is set. */
    public static final int DEFAULT_LIMIT = 50;

    /** The largest page size. */
    public static final int MAX_LIMIT = 1000;

    private final String tenant;
    private final ExecutionState state;
    private final String intentType;
    private final Instant acceptedFrom;
    private final Instant acceptedBefore;
    private final String cursor;
    private final int limit;

    private ExecutionQuery(Builder builder) {
        this.tenant = builder.tenant;
        this.state = builder.state;
        this.intentType = builder.intentType;
        this.acceptedFrom = builder.acceptedFrom;
        this.acceptedBefore = builder.acceptedBefore;
        this.cursor = builder.cursor;
        this.limit = builder.limit;
    }

    /** A builder with no filters, the first page and {@link #DEFAULT_LIMIT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this query's values. */
    public Builder toBuilder() {
        return new Builder().tenant(tenant).state(state).intentType(intentType).acceptedFrom(acceptedFrom)
                .acceptedBefore(acceptedBefore).cursor(cursor).limit(limit);
    }

    /** Only this tenant's executions; null for every tenant. */
    public String tenant() {
        return tenant;
    }

    /** Only executions in this state; null for any. */
    public ExecutionState state() {
        return state;
    }

    /** Only executions of this intent type; null for any. */
    public String intentType() {
        return intentType;
    }

    /** Only executions accepted at or after this instant; null for no lower bound. */
    public Instant acceptedFrom() {
        return acceptedFrom;
    }

    /** Only executions accepted before this instant; null for no upper bound. */
    public Instant acceptedBefore() {
        return acceptedBefore;
    }

    /** Where the page starts: a previous page's {@link Page#nextCursor()}; null for the first page. */
    public String cursor() {
        return cursor;
    }

    /** The most items the page may hold. */
    public int limit() {
        return limit;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExecutionQuery that && Objects.equals(tenant, that.tenant) && state == that.state
                && Objects.equals(intentType, that.intentType) && Objects.equals(acceptedFrom, that.acceptedFrom)
                && Objects.equals(acceptedBefore, that.acceptedBefore) && Objects.equals(cursor, that.cursor)
                && limit == that.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, state, intentType, acceptedFrom, acceptedBefore, cursor, limit);
    }

    @Override
    public String toString() {
        return "ExecutionQuery[tenant=" + tenant + ", state=" + state + ", intentType=" + intentType
                + ", acceptedFrom=" + acceptedFrom + ", acceptedBefore=" + acceptedBefore + ", cursor=" + cursor
                + ", limit=" + limit + "]";
    }

    /** Builds an {@link ExecutionQuery}; {@link #build()} checks every value. */
    public static final class Builder {

        private String tenant;
        private ExecutionState state;
        private String intentType;
        private Instant acceptedFrom;
        private Instant acceptedBefore;
        private String cursor;
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        /** Only this tenant's executions; null for every tenant. */
        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /** Only executions in this state; null for any. */
        public Builder state(ExecutionState state) {
            this.state = state;
            return this;
        }

        /** Only executions of this intent type; null for any. */
        public Builder intentType(String intentType) {
            this.intentType = intentType;
            return this;
        }

        /** Only executions accepted at or after {@code from}; null for no lower bound. */
        public Builder acceptedFrom(Instant from) {
            this.acceptedFrom = from;
            return this;
        }

        /** Only executions accepted before {@code before}; null for no upper bound. */
        public Builder acceptedBefore(Instant before) {
            this.acceptedBefore = before;
            return this;
        }

        /** Starts at a previous page's {@link Page#nextCursor()}; null for the first page. */
        public Builder cursor(String cursor) {
            this.cursor = cursor;
            return this;
        }

        /** At most {@code limit} items, 1 to {@link #MAX_LIMIT}. */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** The query; throws an IllegalArgumentException listing every value to fix. */
        public ExecutionQuery build() {
            List<String> problems = new ArrayList<>();
            if (tenant != null) {
                addIfPresent(problems, Checks.idProblem("tenant", tenant));
            }
            if (intentType != null) {
                addIfPresent(problems, Checks.nameProblem("intentType", intentType, 2, "content.ingest"));
            }
            if (cursor != null) {
                addIfPresent(problems, Checks.idProblem("cursor", cursor));
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.add("limit is " + limit + "; use 1 to " + MAX_LIMIT);
            }
            if (acceptedFrom != null && acceptedBefore != null && !acceptedFrom.isBefore(acceptedBefore)) {
                problems.add("acceptedFrom " + acceptedFrom + " is not before acceptedBefore " + acceptedBefore
                        + "; swap them or widen the range");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("execution query is invalid: " + String.join("; ", problems));
            }
            return new ExecutionQuery(this);
        }

        private static void addIfPresent(List<String> problems, String problem) {
            if (problem != null) {
                problems.add(problem);
            }
        }
    }
}
