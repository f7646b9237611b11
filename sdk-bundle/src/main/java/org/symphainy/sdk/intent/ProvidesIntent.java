package org.symphainy.sdk.intent;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;

/**
 * Declares that the annotated {@link IntentHandler} serves an intent type in a version. bnd turns it into the bundle's
 * capability, {@code Provide-Capability: symphainy.intent;symphainy.intent="content.ingest";version:Version="1.0.0"}, so
 * the framework resolver can refuse a bundle that requires an intent nobody provides. The annotation is also retained at
 * run time: the Curator reads it from a registered handler service's class to pair the service with the capability, and
 * refuses a handler whose intent its bundle does not declare.
 *
 * <pre>
 * &#64;ProvidesIntent(value = "content.ingest", version = "1.0.0")
 * &#64;Component(service = IntentHandler.class)
 * public final class IngestHandler implements IntentHandler { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Capability(namespace = IntentNamespace.NAMESPACE, name = "${#value}", version = "${#version}")
public @interface ProvidesIntent {

    /** The intent type, a dotted lower-case name such as {@code content.ingest}. */
    String value();

    /** The version of the intent's contract (payload and result), an OSGi version such as {@code 1.0.0}. */
    String version();

    /**
     * The JSON Schema (2020-12) of the intent's payload, as the path of a resource inside the bundle, such as
     * {@code schemas/content.ingest.json}; bnd writes it into the capability as the {@code schema} attribute, and the
     * Librarian validates every payload against it before the intent is accepted. Empty: no schema.
     */
    @Attribute(IntentNamespace.SCHEMA_ATTRIBUTE)
    String schema() default "";

    /**
     * The artifact kinds the handler may return, each {@code "kind"} or {@code "kind=path"} where path is the JSON
     * Schema (2020-12) of that kind's JSON content inside the bundle, such as
     * {@code "insights.summary=schemas/insights.summary.json"}. When the intent declares any, the Librarian checks every
     * step's artifacts before they are recorded: an artifact of an undeclared kind, or whose content does not match
     * its kind's schema, fails the step with {@code ARTIFACT_REJECTED}. Empty: artifacts are not checked.
     */
    @Attribute(IntentNamespace.ARTIFACTS_ATTRIBUTE)
    String[] artifacts() default {};

    /**
     * The saga this intent runs, as the path of its definition resource inside the bundle, such as
     * {@code sagas/orders.place.json} (format: {@code org.symphainy.sdk.saga}); bnd writes it into the capability as
     * the {@code saga} attribute, and the Conductor checks the definition against the deployed intents. Empty: the
     * intent is not a saga. A saga intent is governed and acknowledged like any intent, then the Runtime runs its
     * steps (each its own intent's handler) by the definition it recorded with the acceptance; the annotated handler
     * itself is never called for it.
     */
    @Attribute(IntentNamespace.SAGA_ATTRIBUTE)
    String saga() default "";
}
