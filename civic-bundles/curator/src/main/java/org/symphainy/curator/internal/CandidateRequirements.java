package org.symphainy.curator.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.PackageNamespace;
import org.symphainy.foundations.osgi.CapabilityHeader;

/**
 * The mandatory requirements a candidate jar's manifest states — its non-optional {@code Import-Package} clauses as
 * {@code osgi.wiring.package} filters and its {@code Require-Capability} clauses effective at resolve time — minus what
 * the candidate provides itself (its own exported packages and capabilities are satisfied by it).
 */
final class CandidateRequirements {

    /** One requirement: its namespace, the filter, and the manifest clause it came from. */
    record Need(String namespace, String filter, String clause, String name) {
    }

    /** One exported package: its name, version and uses directive (null if none). */
    record Exported(String name, org.osgi.framework.Version version, String uses) {
    }

    private CandidateRequirements() {
    }

    /** The packages {@code manifest} exports. */
    static List<Exported> exports(Manifest manifest) {
        List<Exported> exports = new ArrayList<>();
        for (Clause clause : clauses(manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE))) {
            String version = clause.attribute(Constants.VERSION_ATTRIBUTE);
            for (String name : clause.names()) {
                exports.add(new Exported(name, org.osgi.framework.Version.parseVersion(version),
                        clause.directive(Constants.USES_DIRECTIVE)));
            }
        }
        return exports;
    }

    /** The mandatory requirements of {@code manifest}, in manifest order. */
    static List<Need> of(Manifest manifest) {
        Attributes main = manifest.getMainAttributes();
        Set<String> exported = new HashSet<>();
        for (Clause clause : clauses(main.getValue(Constants.EXPORT_PACKAGE))) {
            exported.addAll(clause.names());
        }
        List<Need> needs = new ArrayList<>();
        for (Clause clause : clauses(main.getValue(Constants.IMPORT_PACKAGE))) {
            if (Constants.RESOLUTION_OPTIONAL.equals(clause.directive(Constants.RESOLUTION_DIRECTIVE))) {
                continue;
            }
            String range = clause.attribute(Constants.VERSION_ATTRIBUTE);
            for (String name : clause.names()) {
                if (name.startsWith("java.") || exported.contains(name)) {
                    continue;
                }
                String filter = "(" + PackageNamespace.PACKAGE_NAMESPACE + "=" + name + ")";
                if (range != null) {
                    filter = "(&" + filter + new VersionRange(range).toFilterString(Constants.VERSION_ATTRIBUTE) + ")";
                }
                needs.add(new Need(PackageNamespace.PACKAGE_NAMESPACE, filter, clause.text(), name));
            }
        }
        for (CapabilityHeader clause : CapabilityHeader.parse(main.getValue(Constants.REQUIRE_CAPABILITY))) {
            String filter = clause.directives().get(Constants.FILTER_DIRECTIVE);
            String effective = clause.directives().getOrDefault(Constants.EFFECTIVE_DIRECTIVE, Constants.EFFECTIVE_RESOLVE);
            if (filter == null || !Constants.EFFECTIVE_RESOLVE.equals(effective)
                    || Constants.RESOLUTION_OPTIONAL.equals(clause.directives().get(Constants.RESOLUTION_DIRECTIVE))) {
                continue;
            }
            needs.add(new Need(clause.namespace(), filter, clause.namespace() + ";filter:=\"" + filter + "\"", null));
        }
        return needs;
    }

    /** One clause of a package header: the package names, then its attributes and directives. */
    private record Clause(List<String> names, List<String[]> parameters, String text) {

        String attribute(String key) {
            return parameters.stream().filter(p -> p[0].equals(key) && !p[2].isEmpty()).map(p -> p[1]).findFirst()
                    .orElse(null);
        }

        String directive(String key) {
            return parameters.stream().filter(p -> p[0].equals(key) && p[2].isEmpty()).map(p -> p[1]).findFirst()
                    .orElse(null);
        }
    }

    /** Parameters are {name, value, "a"} for attributes, {name, value, ""} for directives. */
    private static List<Clause> clauses(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String text : split(header, ',')) {
            List<String> names = new ArrayList<>();
            List<String[]> parameters = new ArrayList<>();
            for (String part : split(text, ';')) {
                String piece = part.trim();
                int equals = piece.indexOf('=');
                if (equals < 0) {
                    names.add(piece);
                } else if (equals > 0 && piece.charAt(equals - 1) == ':') {
                    parameters.add(new String[] {piece.substring(0, equals - 1).trim(), unquote(piece.substring(equals + 1)), ""});
                } else {
                    String key = piece.substring(0, equals).trim();
                    int colon = key.indexOf(':');
                    parameters.add(new String[] {colon > 0 ? key.substring(0, colon) : key,
                            unquote(piece.substring(equals + 1)), "a"});
                }
            }
            clauses.add(new Clause(names, parameters, text.trim()));
        }
        return clauses;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
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
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
