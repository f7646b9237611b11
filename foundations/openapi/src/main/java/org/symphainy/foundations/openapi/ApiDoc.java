package org.symphainy.foundations.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents a Jakarta REST resource class (its tag's description) or resource method for the OpenAPI document: what
 * Jakarta REST's own annotations cannot say. Read reflectively BY NAME ({@code ApiDoc} and its members), not by class:
 * every bundle embeds its own copy of this library, so the annotation class differs per bundle. Schemas are JSON
 * Schema (2020-12) resources on the resource class's class path, named after their file ({@code schemas/Page.json}
 * becomes {@code #/components/schemas/Page}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ApiDoc {

    /** One line: what the operation does (on a class: the tag's description). */
    String summary() default "";

    /** More words on the operation. */
    String description() default "";

    /** The class path resource holding the request body's JSON Schema; empty when the body has none documented. */
    String requestSchema() default "";

    /** The request body's media type when the method declares no {@code @Consumes}. */
    String requestMediaType() default "application/json";

    /** Whether the operation needs {@code Authorization: Bearer}; false only for public documents. */
    boolean authenticated() default true;

    /** The answers it gives; none means one 200 (204 for a void method) in the media types it produces. */
    Response[] responses() default {};

    /** One answer of an operation. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Response {

        /** The HTTP status. */
        int status();

        /** When it answers so. */
        String description();

        /** The class path resource holding the body's JSON Schema; empty: none documented (a problem for 4xx/5xx). */
        String schema() default "";

        /** The body's media type; empty: the method's {@code @Produces}, else application/json. */
        String mediaType() default "";

        /** Response headers it sets, each {@code "Name: description"}. */
        String[] headers() default {};
    }
}
