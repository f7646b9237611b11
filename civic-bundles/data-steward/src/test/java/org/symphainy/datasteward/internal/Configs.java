package org.symphainy.datasteward.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** {@link DataStewardConfig} instances for tests: the defaults, with some attributes set. */
final class Configs {

    private final Map<String, Object> values = new HashMap<>();

    private Configs() {
    }

    /** A builder starting from the defaults. */
    static Configs config() {
        return new Configs();
    }

    /** The defaults. */
    static DataStewardConfig defaults() {
        return config().build();
    }

    Configs boundaries(String... entries) {
        values.put("boundaries", entries);
        return this;
    }

    Configs personalFields(String... paths) {
        values.put("personalFields", paths);
        return this;
    }

    Configs personalDataRole(String role) {
        values.put("personalDataRole", role);
        return this;
    }

    Configs requireInputsFor(String... patterns) {
        values.put("requireInputsFor", patterns);
        return this;
    }

    /** The configuration: set attributes, the annotation's defaults for the others. */
    DataStewardConfig build() {
        Map<String, Object> copy = Map.copyOf(values);
        return (DataStewardConfig) Proxy.newProxyInstance(DataStewardConfig.class.getClassLoader(),
                new Class<?>[] {DataStewardConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> DataStewardConfig.class;
                    case "toString" -> "DataStewardConfig" + copy;
                    case "hashCode" -> copy.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> copy.containsKey(method.getName()) ? copy.get(method.getName())
                            : method.getDefaultValue();
                });
    }
}
