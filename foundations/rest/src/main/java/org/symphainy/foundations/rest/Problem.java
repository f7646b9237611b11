package org.symphainy.foundations.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.symphainy.sdk.governance.Decision;

/**
 * One RFC 9457 problem: what a REST API answers instead of a result. The {@link #type()} URI is stable (clients branch on
 * it); the detail says what to do and never carries a credential, a stack trace or internal state.
 *
 * @param status the HTTP status
 * @param slug the last segment of the type URI, such as {@code quota-exceeded}
 * @param title a short summary of the problem type, the same for every occurrence
 * @param detail what happened this time and what to do
 * @param code the SDK error code behind it, such as {@code QUOTA_EXCEEDED}; null if none
 * @param decisions the governance decisions of a denial, in pipeline order; empty otherwise
 * @param headers extra response headers, such as {@code Retry-After}
 * @param errorId the opaque id under which an unexpected error was logged; null otherwise
 * @param extensions more members of the problem document (RFC 9457 extension members), as the text of a JSON object
 *        whose members are added after the standard ones; null for none
 */
public record Problem(int status, String slug, String title, String detail, String code, List<Decision> decisions,
        Map<String, String> headers, String errorId, String extensions) {

    /** Where every problem type URI starts. */
    public static final String TYPE_BASE = "https://symphainy.org/problems/";

    /** The media type of every problem. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Checks and copies. */
    public Problem {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem's status is 4xx or 5xx, not " + status);
        }
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        decisions = List.copyOf(decisions);
        headers = Map.copyOf(headers);
    }

    /** A problem without a code, decisions, headers or error id. */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, slug, title, detail, null, List.of(), Map.of(), null, null);
    }

    /** The stable type URI. */
    public String type() {
        return TYPE_BASE + slug;
    }

    /** This problem with {@code name: value} added to its headers. */
    public Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(status, slug, title, detail, code, decisions, more, errorId, extensions);
    }

    /** This problem naming the SDK error code behind it. */
    public Problem withCode(String errorCode) {
        return new Problem(status, slug, title, detail, errorCode, decisions, headers, errorId, extensions);
    }

    /** This problem with the governance decisions of a denial. */
    public Problem withDecisions(List<Decision> denialDecisions) {
        return new Problem(status, slug, title, detail, code, denialDecisions, headers, errorId, extensions);
    }

    /** This problem with extension members: the members of {@code jsonObject}, a JSON object's text. */
    public Problem withExtensions(String jsonObject) {
        return new Problem(status, slug, title, detail, code, decisions, headers, errorId, jsonObject);
    }

    /** This problem with the opaque id an unexpected error was logged under. */
    public Problem withErrorId(String id) {
        return new Problem(status, slug, title, detail, code, decisions, headers, id, extensions);
    }
}
