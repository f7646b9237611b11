package org.symphainy.foundations.rest;

/** Ends a request with a {@link Problem}; the {@link ProblemMapper} writes it. Carries no stack trace: it is an answer. */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.slug() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** The problem to answer with. */
    public Problem problem() {
        return problem;
    }
}
