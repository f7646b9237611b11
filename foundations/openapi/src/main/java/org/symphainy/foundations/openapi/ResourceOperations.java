package org.symphainy.foundations.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/** The operations of one Jakarta REST resource class, read from its annotations. */
final class ResourceOperations {

    /** Headers OpenAPI describes elsewhere (content, security) and forbids or ignores as parameters. */
    private static final Set<String> IMPLIED_HEADERS = Set.of("accept", "content-type", "authorization",
            "content-length");

    /** Annotations that mark a method parameter as not the entity (body). */
    private static final Set<String> NOT_ENTITY = Set.of("PathParam", "QueryParam", "HeaderParam", "CookieParam",
            "MatrixParam", "FormParam", "BeanParam", "Context", "Suspended");

    private ResourceOperations() {
    }

    /** The operations of {@code resource} under {@code base} (the application's path), sorted by Java method. */
    static List<Operation> of(String base, Class<?> resource, String tag) {
        jakarta.ws.rs.Path classPath = resource.getAnnotation(jakarta.ws.rs.Path.class);
        String root = join(base, classPath == null ? "" : classPath.value());
        List<Method> methods = new ArrayList<>(Arrays.asList(resource.getMethods()));
        methods.sort(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        List<Operation> operations = new ArrayList<>();
        for (Method method : methods) {
            String http = httpMethod(method);
            if (http == null || method.isBridge() || method.isSynthetic()) {
                continue; // a sub-resource locator or not a resource method
            }
            jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
            String path = template(join(root, methodPath == null ? "" : methodPath.value()));
            operations.add(new Operation(path, http.toLowerCase(Locale.ROOT), tag, method.getName(),
                    parameters(method), hasEntity(method), mediaTypes(method.getAnnotation(Consumes.class),
                    resource.getAnnotation(Consumes.class)), mediaTypes(method.getAnnotation(Produces.class),
                    resource.getAnnotation(Produces.class)), method.getReturnType() == void.class, Doc.of(method),
                    resource));
        }
        return operations;
    }

    /** The HTTP method of a resource method (an annotation meta-annotated with {@code @HttpMethod}), or null. */
    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<Parameter> parameters(Method method) {
        List<Parameter> parameters = new ArrayList<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            String defaultValue = null;
            Parameter parameter = null;
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof PathParam p) {
                    parameter = new Parameter(p.value(), "path", true, type(types[i]), null);
                } else if (annotation instanceof QueryParam q) {
                    parameter = new Parameter(q.value(), "query", false, type(types[i]), null);
                } else if (annotation instanceof HeaderParam h
                        && !IMPLIED_HEADERS.contains(h.value().toLowerCase(Locale.ROOT))) {
                    parameter = new Parameter(h.value(), "header", false, type(types[i]), null);
                } else if (annotation instanceof DefaultValue d) {
                    defaultValue = d.value();
                }
            }
            if (parameter != null) {
                parameters.add(defaultValue == null ? parameter : new Parameter(parameter.name(), parameter.in(),
                        parameter.required(), parameter.type(), defaultValue));
            }
        }
        return parameters;
    }

    private static boolean hasEntity(Method method) {
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            if (Arrays.stream(annotations).noneMatch(a -> NOT_ENTITY.contains(a.annotationType().getSimpleName()))) {
                return true;
            }
        }
        return false;
    }

    /** The JSON Schema type of a parameter of Java type {@code type}. */
    private static String type(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        return "string";
    }

    private static List<String> mediaTypes(Consumes method, Consumes type) {
        return split(method != null ? method.value() : type != null ? type.value() : new String[0]);
    }

    private static List<String> mediaTypes(Produces method, Produces type) {
        return split(method != null ? method.value() : type != null ? type.value() : new String[0]);
    }

    private static List<String> split(String[] values) {
        List<String> types = new ArrayList<>();
        for (String value : values) {
            for (String type : value.split(",")) {
                if (!type.isBlank()) {
                    types.add(type.strip());
                }
            }
        }
        return types;
    }

    /** {@code a/b} with exactly one slash between and a leading one, none trailing. */
    static String join(String a, String b) {
        String left = trim(a);
        String right = trim(b);
        String joined = left.isEmpty() ? right : right.isEmpty() ? left : left + "/" + right;
        return "/" + joined;
    }

    private static String trim(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    /** The OpenAPI template of a Jakarta REST path: {@code {id: [0-9]+}} becomes {@code {id}}. */
    static String template(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < path.length(); end++) { // regular expressions may hold braces of their own
                if (path.charAt(end) == '{') {
                    depth++;
                } else if (path.charAt(end) == '}' && --depth == 0) {
                    break;
                }
            }
            String inside = path.substring(i + 1, Math.min(end, path.length()));
            int colon = inside.indexOf(':');
            out.append('{').append((colon < 0 ? inside : inside.substring(0, colon)).strip()).append('}');
            i = end + 1;
        }
        return out.toString();
    }
}
