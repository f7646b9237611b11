package org.symphainy.librarian.internal;

import com.networknt.schema.Schema;

/**
 * What {@link SchemaCompiler} made of a schema resource: the compiled schema, or the problem that keeps it from being used.
 *
 * @param schema the compiled schema; null when broken
 * @param problem why it is broken, saying what to fix; null when compiled
 */
record CompiledSchema(Schema schema, String problem) {

    static CompiledSchema valid(Schema schema) {
        return new CompiledSchema(schema, null);
    }

    static CompiledSchema broken(String problem) {
        return new CompiledSchema(null, problem);
    }

    boolean valid() {
        return schema != null;
    }
}
