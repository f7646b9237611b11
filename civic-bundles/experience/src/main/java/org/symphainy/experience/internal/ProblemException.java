package org.symphainy.experience.internal;

/** Ends a request with a {@link Problem}; the {@link ProblemMapper} writes it. Carries no stack trace: it is an answer. */
final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.slug() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** The problem to answer with. */
    Problem problem() {
        return problem;
    }
}
