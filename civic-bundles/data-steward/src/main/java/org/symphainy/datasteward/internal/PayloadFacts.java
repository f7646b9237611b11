package org.symphainy.datasteward.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one payload scan found: the data sources referenced (each once, in order), which personal fields are present
 * and not null, and why the references could not be read, if they could not. Built by {@link PayloadScanner} for one
 * decision; not shared between threads.
 */
final class PayloadFacts {

    private final boolean[] personal;
    private Set<String> sources;
    private List<String> problems;

    /** Facts about a payload checked against {@code fields} personal fields. */
    PayloadFacts(int fields) {
        this.personal = new boolean[fields];
    }

    /** Records a referenced data source. */
    void source(String name) {
        if (sources == null) {
            sources = new LinkedHashSet<>(4);
        }
        sources.add(name);
    }

    /** Records that personal field {@code field} is present and not null. */
    void personal(int field) {
        personal[field] = true;
    }

    /** Records why a reference could not be read. */
    void problem(String problem) {
        if (problems == null) {
            problems = new ArrayList<>(2);
        }
        problems.add(problem);
    }

    /** The data sources referenced, each once, in the order first seen. */
    Collection<String> sources() {
        return sources == null ? List.of() : sources;
    }

    /** The personal fields present, as configured paths, in configuration order. */
    List<String> personalFields(FieldTree fields) {
        List<String> present = null;
        for (int i = 0; i < personal.length; i++) {
            if (personal[i]) {
                if (present == null) {
                    present = new ArrayList<>(2);
                }
                present.add(fields.path(i));
            }
        }
        return present == null ? List.of() : present;
    }

    /** Why the data references could not be read; empty if they could. */
    List<String> problems() {
        return problems == null ? List.of() : problems;
    }
}
