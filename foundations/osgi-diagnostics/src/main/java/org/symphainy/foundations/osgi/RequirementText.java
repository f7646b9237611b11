package org.symphainy.foundations.osgi;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;

/** Turns one OSGi requirement into the words an operator reads: "imports package org.acme.api version >=1.0.0 <2.0.0". */
public final class RequirementText {

    private static final Pattern LOWER_INCLUSIVE = Pattern.compile("\\((?:version|bundle-version)>=([^)]*)\\)");
    private static final Pattern UPPER_EXCLUSIVE = Pattern.compile("\\(!\\((?:version|bundle-version)>=([^)]*)\\)\\)");
    private static final Pattern UPPER_INCLUSIVE = Pattern.compile("\\((?:version|bundle-version)<=([^)]*)\\)");
    private static final Pattern LOWER_EXCLUSIVE = Pattern.compile("\\(!\\((?:version|bundle-version)<=([^)]*)\\)\\)");
    private static final Pattern EXACT = Pattern.compile("\\((?:version|bundle-version)=([^)]*)\\)");

    private RequirementText() {
    }

    /** What the requirement asks for, in words, e.g. {@code imports package org.acme.api version >=1.0.0 <2.0.0}. */
    public static String describe(Requirement requirement) {
        return describe(requirement.getNamespace(), requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE));
    }

    /** What a requirement in {@code namespace} with {@code filter} asks for, in words. */
    public static String describe(String namespace, String filter) {
        String f = filter == null ? "" : filter;
        String name = nameIn(namespace, f);
        String range = versionRange(f);
        String suffix = range.isEmpty() ? "" : " version " + range;
        switch (namespace) {
            case "osgi.wiring.package":
                return "imports package " + name + suffix;
            case "osgi.wiring.bundle":
                return "requires bundle " + name + suffix;
            case "osgi.wiring.host":
                return "is a fragment of bundle " + name + suffix;
            case "osgi.extender":
                return "needs the extender " + name + suffix;
            case "osgi.ee":
                return "needs the execution environment " + name + suffix;
            case "osgi.service":
                return "needs a service " + nameOf(f, "objectClass");
            case "osgi.contract":
                return "needs the contract " + name + suffix;
            default:
                return "requires capability " + namespace + (f.isEmpty() ? "" : " matching " + f);
        }
    }

    /** The value the filter asks for on the namespace's own attribute, e.g. the package name; the whole filter if none. */
    public static String nameIn(String namespace, String filter) {
        String value = nameOf(filter, namespace);
        return value == null ? filter : value;
    }

    /** The version constraint of the filter, as {@code >=1.0.0 <2.0.0}, {@code =1.2.3}, or empty when there is none. */
    public static String versionRange(String filter) {
        Matcher exact = EXACT.matcher(filter);
        if (exact.find()) {
            return "=" + exact.group(1);
        }
        StringBuilder range = new StringBuilder();
        append(range, ">", LOWER_EXCLUSIVE, filter);
        append(range, ">=", LOWER_INCLUSIVE, withoutNegations(filter));
        append(range, "<", UPPER_EXCLUSIVE, filter);
        append(range, "<=", UPPER_INCLUSIVE, withoutNegations(filter));
        return range.toString();
    }

    /** The attribute value the filter requires by equality, or null. */
    static String nameOf(String filter, String attribute) {
        Matcher m = Pattern.compile("\\(" + Pattern.quote(attribute) + "=([^)]*)\\)").matcher(filter);
        return m.find() ? m.group(1) : null;
    }

    /** The name a capability carries on its namespace's own attribute (package name, bundle name, ...), or null. */
    static Object nameOf(Map<String, Object> attributes, String namespace) {
        return attributes.get(namespace);
    }

    private static String withoutNegations(String filter) {
        return filter.replaceAll("\\(!\\([^)]*\\)\\)", "");
    }

    private static void append(StringBuilder range, String operator, Pattern pattern, String filter) {
        Matcher m = pattern.matcher(filter);
        if (m.find()) {
            if (range.length() > 0) {
                range.append(' ');
            }
            range.append(operator).append(m.group(1));
        }
    }
}
