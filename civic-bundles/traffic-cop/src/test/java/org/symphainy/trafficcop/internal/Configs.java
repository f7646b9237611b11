package org.symphainy.trafficcop.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** {@link TrafficCopConfig} instances as Declarative Services would make them, for tests. */
final class Configs {

    private Configs() {
    }

    /** The defaults. */
    static TrafficCopConfig defaults() {
        return of(Map.of());
    }

    /**
     * A configuration with {@code values} and the defaults for the rest. A value that is a RuntimeException is thrown
     * when read, as Declarative Services does for a value it cannot convert (e.g. "8h" for a number).
     */
    static TrafficCopConfig of(Map<String, Object> values) {
        return (TrafficCopConfig) Proxy.newProxyInstance(TrafficCopConfig.class.getClassLoader(),
                new Class<?>[] {TrafficCopConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return TrafficCopConfig.class;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "TrafficCopConfig" + values : method.invoke(values, args);
                    }
                    Object value = values.getOrDefault(method.getName(), method.getDefaultValue());
                    if (value instanceof RuntimeException e) {
                        throw e;
                    }
                    return value;
                });
    }
}
