package org.symphainy.librarian.internal;

/**
 * What the Librarian knows of one intent version one bundle declares: the payload schema's path inside that bundle and
 * whether it is in use, absent or broken (and why). A read-only view for operators (the admin console will list it);
 * it belongs in the SDK once the console needs it, and lives here until then.
 *
 * @param intentType the intent type, such as {@code content.ingest}
 * @param intentVersion the intent version, an OSGi version such as {@code 1.0.0}
 * @param bundleSymbolicName the declaring bundle's symbolic name
 * @param bundleVersion the declaring bundle's version
 * @param bundleId the declaring bundle's id in the framework
 * @param schemaPath the schema's path inside the bundle; null when the intent declares none
 * @param status whether the schema is absent, in use or broken
 * @param problem why the schema is broken, with the position where there is one; null unless broken
 */
public record IntentSchema(String intentType, String intentVersion, String bundleSymbolicName, String bundleVersion,
        long bundleId, String schemaPath, Status status, String problem) {

    /** The state of an intent version's payload schema. */
    public enum Status {
        /** The intent declares no schema: payloads are not checked. */
        NONE,
        /** The schema is compiled and every payload is checked against it. */
        VALID,
        /** The schema cannot be used (missing, not JSON, not JSON Schema 2020-12): every payload is refused. */
        BROKEN
    }

    /** True if payloads of this intent version are checked against a schema. */
    public boolean valid() {
        return status == Status.VALID;
    }

    /** {@code schema 'schemas/x.json' of org.acme.content 1.2.0}, as reasons and logs name it. */
    String describe() {
        return "schema '" + schemaPath + "' of bundle " + bundleSymbolicName + " " + bundleVersion;
    }
}
