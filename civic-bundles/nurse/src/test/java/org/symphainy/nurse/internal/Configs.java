package org.symphainy.nurse.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** {@link NurseConfig} instances as Declarative Services would make them, for tests. */
final class Configs {

    private Configs() {
    }

    /** The defaults. */
    static NurseConfig defaults() {
        return of(Map.of());
    }

    /**
     * A configuration with {@code values} and the defaults for the rest. A value that is a RuntimeException is thrown
     * when read, as Declarative Services does for a value it cannot convert (e.g. "lots" for a number).
     */
    static NurseConfig of(Map<String, Object> values) {
        return (NurseConfig) Proxy.newProxyInstance(NurseConfig.class.getClassLoader(), new Class<?>[] {NurseConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return NurseConfig.class;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "NurseConfig" + values : method.invoke(values, args);
                    }
                    Object value = values.getOrDefault(method.getName(), method.getDefaultValue());
                    if (value instanceof RuntimeException e) {
                        throw e;
                    }
                    return value;
                });
    }
}
