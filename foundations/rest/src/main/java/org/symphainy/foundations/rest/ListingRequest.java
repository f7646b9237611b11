package org.symphainy.foundations.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;

/**
 * The query parameters of {@code GET /api/v1/executions} as an {@link ExecutionQuery} for a caller: {@code state},
 * {@code type}, {@code since} and {@code until} (ISO-8601 instants), {@code limit} (1 to 1000) and {@code cursor} (a
 * previous page's {@code nextCursor}). A caller sees its own tenant's executions; an administrator sees every tenant's,
 * or one with {@code tenant}. Every bad value is a 400 problem naming it.
 */
public final class ListingRequest {

    private ListingRequest() {
    }

    /** The query for {@code caller}; a 400 problem for a bad parameter, 404 for another tenant asked by a non-admin. */
    public static ExecutionQuery query(Caller caller, String state, String type, String since, String until, String tenant,
            String limit, String cursor) {
        ExecutionQuery.Builder query = ExecutionQuery.builder().tenant(tenant(caller, tenant));
        if (present(state)) {
            query.state(state(state));
        }
        if (present(type)) {
            if (!Intent.isValidType(type)) {
                throw invalid("type is not an intent type: use a dotted lower-case name such as platform.echo");
            }
            query.intentType(type);
        }
        if (present(since)) {
            query.acceptedFrom(instant("since", since));
        }
        if (present(until)) {
            query.acceptedBefore(instant("until", until));
        }
        if (present(limit)) {
            query.limit(limit(limit));
        }
        if (present(cursor)) {
            if (cursor.length() > 64) {
                throw invalid("cursor is not one this API returned; start without a cursor");
            }
            query.cursor(cursor);
        }
        try {
            return query.build();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static String tenant(Caller caller, String tenant) {
        if (!present(tenant)) {
            return caller.isAdmin() ? null : caller.principal().tenant();
        }
        if (tenant.length() > 256 || !caller.maySee(tenant)) {
            Audit.LOG.warn("refused {}: listing executions of another tenant", caller);
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                    "you may list the executions of your own tenant only; leave tenant out"));
        }
        return tenant;
    }

    private static ExecutionState state(String state) {
        try {
            return ExecutionState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("state is not one of " + Arrays.toString(ExecutionState.values()));
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name + " is not an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
    }

    private static int limit(String limit) {
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= ExecutionQuery.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("limit is not a number from 1 to " + ExecutionQuery.MAX_LIMIT);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problems.invalidRequest(detail));
    }
}
