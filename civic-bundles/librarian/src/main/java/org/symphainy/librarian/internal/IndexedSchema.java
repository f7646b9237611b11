package org.symphainy.librarian.internal;

import org.osgi.framework.Version;

import com.networknt.schema.Schema;

/**
 * One entry of the {@link SchemaIndex}: the operator's view of an intent version's schema and, when it is valid, the
 * compiled schema the Librarian checks payloads with.
 *
 * @param view what operators see
 * @param schema the compiled schema; null unless the view's status is VALID
 * @param artifacts the artifact kinds the intent version declares, with their compiled schemas
 */
record IndexedSchema(IntentSchema view, Schema schema, ArtifactKinds artifacts) {

    /** An entry whose intent declares no artifact kinds. */
    IndexedSchema(IntentSchema view, Schema schema) {
        this(view, schema, ArtifactKinds.UNDECLARED);
    }

    /** True if this entry was declared by the bundle {@code symbolicName} in {@code version}. */
    boolean declaredBy(String symbolicName, String version) {
        return view.bundleSymbolicName().equals(symbolicName) && (view.bundleVersion().equals(version)
                || Version.parseVersion(view.bundleVersion()).equals(Version.parseVersion(version)));
    }
}
