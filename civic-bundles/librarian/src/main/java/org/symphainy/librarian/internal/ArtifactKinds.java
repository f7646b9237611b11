package org.symphainy.librarian.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.networknt.schema.Schema;

/**
 * The artifact kinds an intent version declares ({@code @ProvidesIntent(artifacts = ...)}) and the compiled schema of
 * each kind's content: a kind declared without a schema maps to null; a schema that cannot be used is kept as a
 * problem, and every artifact of that kind is refused until the bundle ships a valid one.
 *
 * @param schemas the declared kinds and their schemas (null: the kind has none)
 * @param broken the kinds whose schema cannot be used, and why
 */
record ArtifactKinds(Map<String, Schema> schemas, Map<String, String> broken) {

    /** An intent that declares no artifact kinds: its artifacts are not checked. */
    static final ArtifactKinds UNDECLARED = new ArtifactKinds(Map.of(), Map.of());

    /** True if the intent declares artifact kinds (so its artifacts are checked). */
    boolean declared() {
        return !schemas.isEmpty() || !broken.isEmpty();
    }

    /** The declared kinds, sorted, as messages list them. */
    List<String> kinds() {
        TreeMap<String, Object> all = new TreeMap<>(schemas);
        broken.keySet().forEach(kind -> all.put(kind, null));
        return List.copyOf(all.keySet());
    }
}
