package org.symphainy.foundations.osgi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One clause of an OSGi capability header ({@code Provide-Capability}, {@code Require-Capability}) as the manifest
 * spells it: {@code namespace;attr[:Type]="value";directive:="value"}. Enough of the OSGi header syntax to check a jar
 * before it is installed: quoted values may hold {@code ,} and {@code ;}; types are kept apart from attribute names.
 *
 * @param namespace the clause's namespace
 * @param attributes its attributes by name (without the type), values unquoted
 * @param types the declared type of each typed attribute ({@code Version}, {@code List<String>}, ...)
 * @param directives its directives by name, values unquoted
 */
public record CapabilityHeader(String namespace, Map<String, String> attributes, Map<String, String> types,
        Map<String, String> directives) {

    /** The clauses of a header's value; empty for null or blank. Throws IllegalArgumentException if it is malformed. */
    public static List<CapabilityHeader> parse(String header) {
        List<CapabilityHeader> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            if (clause.isBlank()) {
                throw new IllegalArgumentException("an empty clause in '" + header + "'");
            }
            clauses.add(clause(clause));
        }
        return clauses;
    }

    private static CapabilityHeader clause(String text) {
        List<String> parts = split(text, ';');
        String namespace = parts.get(0).trim();
        if (namespace.isEmpty() || namespace.contains("=")) {
            throw new IllegalArgumentException("the clause '" + text.trim() + "' does not start with a namespace");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> directives = new LinkedHashMap<>();
        for (String parameter : parts.subList(1, parts.size())) {
            int equals = parameter.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("'" + parameter.trim() + "' in '" + text.trim()
                        + "' is neither name=value nor name:=value");
            }
            String value = unquote(parameter.substring(equals + 1).trim());
            if (parameter.charAt(equals - 1) == ':') {
                directives.put(parameter.substring(0, equals - 1).trim(), value);
                continue;
            }
            String name = parameter.substring(0, equals).trim();
            int colon = name.indexOf(':');
            if (colon > 0) {
                types.put(name.substring(0, colon).trim(), name.substring(colon + 1).trim());
                name = name.substring(0, colon).trim();
            }
            attributes.put(name, value);
        }
        return new CapabilityHeader(namespace, attributes, types, directives);
    }

    /** Splits at {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote is not closed in '" + text.trim() + "'");
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }
}
