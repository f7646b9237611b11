package org.symphainy.citymanager.internal;

import java.util.stream.Collectors;

import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.Program;

/**
 * The rule condition language: CEL (Common Expression Language), type-checked against the three variables a condition
 * sees — {@code intent} ({@code type}, {@code tenant}, {@code actor}), {@code principal} ({@code tenant},
 * {@code actor}, {@code roles}, {@code authenticatedBy}) and {@code payload} (the intent's JSON) — and bounded: no
 * function beyond CEL's standard ones, at most {@value #MAX_EXPRESSION} characters, comprehensions of at most
 * {@value #MAX_ITERATIONS} steps, {@code matches()} on RE2/J (linear time, no backtracking) with programs of at most
 * {@value #MAX_REGEX_PROGRAM} instructions. One instance is built once (about a second) and shared; compiling and evaluating are
 * thread-safe.
 */
final class PolicyLanguage {

    static final int MAX_EXPRESSION = 4_096;
    static final int MAX_ITERATIONS = 10_000;
    static final int MAX_REGEX_PROGRAM = 10_000;

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    PolicyLanguage() {
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .comprehensionMaxIterations(MAX_ITERATIONS)
                .maxExpressionCodePointSize(MAX_EXPRESSION)
                .maxRegexProgramSize(MAX_REGEX_PROGRAM)
                .build();
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("intent", MapType.create(SimpleType.STRING, SimpleType.STRING))
                .addVar("principal", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .addVar("payload", SimpleType.DYN)
                .setResultType(SimpleType.BOOL)
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();
    }

    /** The compiled {@code expression}, or an InvalidExpression naming the first problem's line and column. */
    Condition compile(String expression) throws InvalidExpression {
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            CelIssue first = result.getErrors().get(0);
            String others = result.getErrors().size() == 1 ? "" : " (and " + (result.getErrors().size() - 1) + " more: "
                    + result.getErrors().stream().skip(1).map(CelIssue::getMessage).collect(Collectors.joining("; ")) + ")";
            throw new InvalidExpression(first.getSourceLocation().getLine(), first.getSourceLocation().getColumn() + 1,
                    first.getMessage() + others);
        }
        try {
            Program program = runtime.createProgram(result.getAst());
            return new Condition(expression, program);
        } catch (Exception e) {
            throw new InvalidExpression(1, 1, String.valueOf(e.getMessage()));
        }
    }

    /** A compiled condition; {@link #test} is thread-safe. */
    static final class Condition {

        private final String expression;
        private final Program program;

        private Condition(String expression, Program program) {
            this.expression = expression;
            this.program = program;
        }

        /** The condition's value for {@code facts}; throws EvaluationFailed if it has none (or is not a boolean). */
        boolean test(IntentFacts facts) throws EvaluationFailed {
            Object value;
            try {
                value = program.eval(facts);
            } catch (CelEvaluationException | RuntimeException e) {
                throw new EvaluationFailed(String.valueOf(e.getMessage()));
            }
            if (value instanceof Boolean result) {
                return result;
            }
            throw new EvaluationFailed("the condition gave " + value + ", not true or false");
        }

        @Override
        public String toString() {
            return expression;
        }
    }

    /** An expression that does not compile, at a 1-based line and column of the expression. */
    static final class InvalidExpression extends Exception {

        private static final long serialVersionUID = 1L;

        final int line;
        final int column;

        InvalidExpression(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /** A condition that has no boolean value for an intent (a missing payload field, a type mismatch). */
    static final class EvaluationFailed extends Exception {

        private static final long serialVersionUID = 1L;

        EvaluationFailed(String message) {
            super(message, null, false, false);
        }
    }
}
