package org.symphainy.sdk.intent;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Requirement;

/**
 * Declares that the annotated bundle submits intents of a type that another bundle must provide. bnd turns it into a
 * requirement, {@code Require-Capability: symphainy.intent;filter:="(symphainy.intent=content.ingest)"}, so the framework
 * refuses to resolve the bundle until some bundle provides the intent (see {@link ProvidesIntent}). Put it on any class
 * of the bundle or on a package; repeat it for several intents.
 *
 * <pre>
 * &#64;RequiresIntent("content.ingest")
 * &#64;RequiresIntent(value = "insights.analyze", version = "[1.2,2.0)")
 * public final class OnboardingSolution { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(RequiresIntent.List.class)
// The filter goes in 'attribute' (a directive, expanded by bnd) rather than in 'filter': bnd checks a 'filter' before
// expanding its macros, and the filter's shape depends on whether a version was given.
@Requirement(namespace = IntentNamespace.NAMESPACE, attribute = "${if;${#version}"
        + ";filter:='(&(symphainy.intent=${#value})${frange;${#version}})'"
        + ";filter:='(symphainy.intent=${#value})'}")
public @interface RequiresIntent {

    /** The intent type, a dotted lower-case name such as {@code content.ingest}. */
    String value();

    /**
     * The acceptable versions: an OSGi range such as {@code [1.2,2.0)}, or a version {@code v} meaning {@code [v, next
     * major)} as in OSGi's own {@code @Requirement}; empty (the default) accepts any version. Anything else fails the
     * bundle build.
     */
    String version() default "";

    /** Holds repeated {@link RequiresIntent} annotations. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.TYPE, ElementType.PACKAGE})
    @interface List {

        /** The repeated annotations. */
        RequiresIntent[] value();
    }
}
