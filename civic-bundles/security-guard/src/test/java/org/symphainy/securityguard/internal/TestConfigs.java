package org.symphainy.securityguard.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Configurations for tests: a {@link SecurityGuardConfig} with the given properties, defaults for the rest. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** A configuration with {@code properties} (named as in a .cfg file, such as {@code .jwtHmacSecret}). */
    static SecurityGuardConfig config(Object... properties) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            values.put((String) properties[i], properties[i + 1]);
        }
        return (SecurityGuardConfig) Proxy.newProxyInstance(SecurityGuardConfig.class.getClassLoader(),
                new Class<?>[] {SecurityGuardConfig.class}, (proxy, method, args) -> {
                    String property = method.getName().startsWith("_") ? "." + method.getName().substring(1)
                            : method.getName();
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "config" + values : method.invoke(values, args);
                    }
                    return values.containsKey(property) ? values.get(property) : method.getDefaultValue();
                });
    }

    /** The defaults, with the fewest iterations the configuration accepts (fast tests). */
    static SecurityGuardConfig fast(Object... properties) {
        Object[] all = new Object[properties.length + 2];
        all[0] = "apiKeyIterations";
        all[1] = GuardSettings.MIN_ITERATIONS;
        System.arraycopy(properties, 0, all, 2, properties.length);
        return config(all);
    }
}
