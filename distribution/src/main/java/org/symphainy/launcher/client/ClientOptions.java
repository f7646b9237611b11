package org.symphainy.launcher.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client command line split into its words ({@code executions list}) and its options ({@code --name value},
 * {@code --name=value} or a bare flag), checked against the options the command takes.
 */
record ClientOptions(List<String> words, Map<String, String> options) {

    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("--wait", "--json");

    /** Splits {@code args}; a ClientException (usage) names an option that needs a value and has none. */
    static ClientOptions parse(String[] args) throws ClientException {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (equals > 0) {
                options.put(name, arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new ClientException(ClientException.USAGE, name + " needs a value; see symphainy --help");
            }
        }
        return new ClientOptions(List.copyOf(words), Map.copyOf(options));
    }

    /** Refuses any option not in {@code allowed}, naming it. */
    void allow(Set<String> allowed) throws ClientException {
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new ClientException(ClientException.USAGE, "unknown option '" + name + "' for '"
                        + String.join(" ", words.subList(0, Math.min(2, words.size()))) + "'; see symphainy --help");
            }
        }
    }

    /** The value of option {@code name}, or null. */
    String option(String name) {
        return options.get(name);
    }

    /** True if flag {@code name} was given. */
    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** Word {@code index}, or null. */
    String word(int index) {
        return index < words.size() ? words.get(index) : null;
    }
}
