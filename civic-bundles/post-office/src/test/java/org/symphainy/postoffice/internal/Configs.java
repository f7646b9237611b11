package org.symphainy.postoffice.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** {@link PostOfficeConfig} instances as Declarative Services would make them, for tests. */
final class Configs {

    private Configs() {
    }

    /** The defaults. */
    static PostOfficeConfig defaults() {
        return of(Map.of());
    }

    /**
     * A configuration with {@code values} and the defaults for the rest. A value that is a RuntimeException is thrown
     * when read, as Declarative Services does for a value it cannot convert (e.g. "30s" for a number).
     */
    static PostOfficeConfig of(Map<String, Object> values) {
        return (PostOfficeConfig) Proxy.newProxyInstance(PostOfficeConfig.class.getClassLoader(),
                new Class<?>[] {PostOfficeConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return PostOfficeConfig.class;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "PostOfficeConfig" + values : method.invoke(values, args);
                    }
                    Object value = values.getOrDefault(method.getName(), method.getDefaultValue());
                    if (value instanceof RuntimeException e) {
                        throw e;
                    }
                    return value;
                });
    }
}
