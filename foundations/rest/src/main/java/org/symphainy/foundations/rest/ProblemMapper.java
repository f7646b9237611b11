package org.symphainy.foundations.rest;

import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.intent.IntentException;

/**
 * Turns every error into {@code application/problem+json} with a stable type: the API's own problems, the SDK's
 * {@link IntentException}s by their code, Jersey's HTTP errors by their status, and anything unexpected into a 500 with an
 * opaque id that is logged with the cause. Each application registers a subclass as its extension. No stack trace, class name or exception message of an unexpected error ever
 * reaches the client.
 */
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.foundations.rest");

    /** The detail of a 404 for a path no resource serves, for an API under /api/v1. */
    public static final String API_NOT_FOUND = "no resource at this path; the API is under /api/v1 (sessions, intents, "
            + "executions)";

    private final String notFoundDetail;

    /** A mapper for the API under /api/v1. */
    public ProblemMapper() {
        this(API_NOT_FOUND);
    }

    /** A mapper whose 404 for an unknown path says {@code notFoundDetail} (where the API's resources are). */
    protected ProblemMapper(String notFoundDetail) {
        this.notFoundDetail = notFoundDetail;
    }

    @Override
    public Response toResponse(Throwable error) {
        return response(problemFor(error, notFoundDetail));
    }

    /** The problem to answer {@code error} with (an API under /api/v1). */
    public static Problem problemFor(Throwable error) {
        return problemFor(error, API_NOT_FOUND);
    }

    /** The problem to answer {@code error} with; an unexpected one is logged under a new opaque id. */
    public static Problem problemFor(Throwable error, String notFoundDetail) {
        if (error instanceof ProblemException answer) {
            return answer.problem();
        }
        if (error instanceof IntentException intent) {
            Problem problem = Problems.of(intent);
            if (problem.status() == 500) {
                return logged(error);
            }
            return problem;
        }
        if (error instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() < 500) {
            return httpProblem(web.getResponse(), notFoundDetail);
        }
        return logged(error);
    }

    /** The problem+json response for {@code problem}, never cached. */
    public static Response response(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(ProblemJson.of(problem));
        problem.headers().forEach(builder::header);
        return builder.build();
    }

    private static Problem httpProblem(Response response, String notFoundDetail) {
        int status = response.getStatus();
        return switch (status) {
            case 404 -> Problem.of(404, "not-found", "Not found", notFoundDetail);
            case 405 -> {
                Problem problem = Problem.of(405, "method-not-allowed", "Method not allowed",
                        "this resource does not support the request's method");
                String allow = response.getHeaderString(HttpHeaders.ALLOW);
                yield allow == null ? problem : problem.withHeader(HttpHeaders.ALLOW, allow);
            }
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable",
                    "the resource answers application/json (errors application/problem+json); accept one of them");
            case 415 -> Problems.unsupportedMediaType("send the body as application/json");
            case 401 -> Problems.unauthenticated("send Authorization: Bearer <session token, API key or JWT>", false);
            case 400 -> Problems.invalidRequest("the request is not one this API understands");
            default -> Problem.of(status < 400 ? 400 : status, "http-" + status, "HTTP " + status,
                    "the request was refused with HTTP status " + status);
        };
    }

    private static Problem logged(Throwable error) {
        String id = UUID.randomUUID().toString();
        LOG.error("unexpected error {} answering a REST request", id, error);
        return Problems.internal(id);
    }
}
