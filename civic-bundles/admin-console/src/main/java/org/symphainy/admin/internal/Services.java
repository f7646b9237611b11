package org.symphainy.admin.internal;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;

/** The SDK services the admin console reads and writes through, each optional: 503 with Retry-After while one is absent. */
final class Services {

    private Services() {
    }

    /** {@code service}, or a 503 {@code service-unavailable} problem naming {@code what} while it is absent. */
    static <T> T required(T service, String what) {
        if (service == null) {
            throw new ProblemException(Problems.unavailable("service-unavailable", "Service unavailable",
                    "the " + what + " service is not available right now (not deployed, starting or being updated); "
                            + "retry shortly"));
        }
        return service;
    }

    /** 200 with a JSON body. */
    static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
