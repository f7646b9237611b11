package org.symphainy.foundations.openapi;

import java.util.List;

/**
 * One HTTP operation: {@code httpMethod} on {@code path} (the full path template, {@code {name}} for parameters),
 * served by {@code javaMethod} of the resource whose tag is {@code tag}.
 */
record Operation(String path, String httpMethod, String tag, String javaMethod, List<Parameter> parameters,
        boolean hasBody, List<String> consumes, List<String> produces, boolean returnsNothing, Doc doc,
        Class<?> resourceClass) {
}
