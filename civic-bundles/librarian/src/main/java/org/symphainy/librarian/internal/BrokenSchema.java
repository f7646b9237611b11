package org.symphainy.librarian.internal;

/** Why a payload schema cannot be used, in words that say what to fix; thrown and caught inside {@link SchemaCompiler}. */
final class BrokenSchema extends Exception {

    private static final long serialVersionUID = 1L;

    BrokenSchema(String problem) {
        super(problem, null, false, false);
    }
}
