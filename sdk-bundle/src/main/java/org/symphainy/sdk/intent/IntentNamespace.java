package org.symphainy.sdk.intent;

/**
 * Names of the OSGi capability namespace in which bundles declare the intents they provide. {@link ProvidesIntent}
 * generates {@code Provide-Capability: symphainy.intent;symphainy.intent="content.ingest";version:Version="1.0.0"} and
 * {@link RequiresIntent} generates {@code Require-Capability: symphainy.intent;filter:="(symphainy.intent=content.ingest)"};
 * the Curator reads these capabilities from the bundle wiring.
 */
public final class IntentNamespace {

    /** The capability namespace. */
    public static final String NAMESPACE = "symphainy.intent";

    /** The attribute holding the intent type; like {@code osgi.service}, it is named after the namespace. */
    public static final String INTENT_ATTRIBUTE = NAMESPACE;

    /** The attribute holding the intent's version, of type {@code Version}. */
    public static final String VERSION_ATTRIBUTE = "version";

    /** The attribute holding the path of the payload's JSON Schema inside the declaring bundle, when it has one. */
    public static final String SCHEMA_ATTRIBUTE = "schema";

    /**
     * The capability attribute listing the artifact kinds the intent's handler may return, each {@code kind} or
     * {@code kind=path} (the JSON Schema of that kind's content inside the bundle).
     */
    public static final String ARTIFACTS_ATTRIBUTE = "artifacts";

    /** The attribute holding the path of the intent's saga definition inside the declaring bundle, when it is a saga. */
    public static final String SAGA_ATTRIBUTE = "saga";

    private IntentNamespace() {
    }
}
