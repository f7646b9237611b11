package org.symphainy.foundations.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@code @ApiDoc} annotation says, read by name and reflection (the annotation's class is each bundle's own
 * copy, so it is matched by its simple name {@value #NAME}); {@link #NONE} where there is none.
 */
record Doc(String summary, String description, String requestSchema, String requestMediaType, boolean authenticated,
        List<DocResponse> responses) {

    /** The annotation's simple name. */
    static final String NAME = "ApiDoc";

    /** No documentation. */
    static final Doc NONE = new Doc("", "", "", "application/json", true, List.of());

    /** One documented answer. */
    record DocResponse(int status, String description, String schema, String mediaType, List<String> headers) {
    }

    /** The documentation on {@code element}, or {@link #NONE}. */
    static Doc of(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals(NAME)) {
                return read(annotation);
            }
        }
        return NONE;
    }

    private static Doc read(Annotation doc) {
        List<DocResponse> responses = new ArrayList<>();
        Object declared = member(doc, "responses", new Object[0]);
        if (declared instanceof Object[] array) {
            for (Object response : array) {
                if (response instanceof Annotation r) {
                    responses.add(new DocResponse(member(r, "status", 200), member(r, "description", ""),
                            member(r, "schema", ""), member(r, "mediaType", ""),
                            List.of(member(r, "headers", new String[0]))));
                }
            }
        }
        return new Doc(member(doc, "summary", ""), member(doc, "description", ""), member(doc, "requestSchema", ""),
                member(doc, "requestMediaType", "application/json"), member(doc, "authenticated", true),
                List.copyOf(responses));
    }

    /** The annotation's member {@code name}, or {@code fallback} when its copy lacks it or it has another type. */
    @SuppressWarnings("unchecked")
    private static <T> T member(Annotation annotation, String name, T fallback) {
        try {
            Method member = annotation.annotationType().getMethod(name);
            Object value = member.invoke(annotation);
            return value != null && fallback.getClass().isInstance(value) ? (T) value : fallback;
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException
                | RuntimeException e) {
            return fallback;
        }
    }
}
