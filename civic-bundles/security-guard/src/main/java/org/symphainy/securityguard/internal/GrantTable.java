package org.symphainy.securityguard.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.symphainy.sdk.intent.Intent;

/**
 * Which roles may submit which intent types, read from the {@code grants} configuration attribute and precomputed so a
 * decision only looks up the principal's roles. Each entry is {@code <role>=<pattern>[,<pattern>...]}; a pattern is an
 * exact intent type ({@code insights.analyze}), a prefix ending in {@code .*} ({@code content.*}) or {@code *}. One
 * configuration value may hold several entries separated by {@code ;} (a {@code .cfg} file has one value per key). The
 * role {@value #ADMIN} is granted every intent whatever the configuration says. Immutable.
 */
final class GrantTable {

    /** The role granted every intent. */
    static final String ADMIN = "admin";

    /** The pattern that covers every intent type. */
    static final String EVERY_TYPE = "*";

    private static final String SOURCE = "configuration " + SecurityGuardRole.PID + " attribute 'grants'";

    private final Map<String, RoleGrants> byRole;

    private GrantTable(Map<String, RoleGrants> byRole) {
        this.byRole = byRole;
    }

    /** The table with only the built-in grant: {@value #ADMIN} may submit every intent. */
    static GrantTable adminOnly() {
        try {
            return parse(new String[0]);
        } catch (InputRejected e) {
            throw new AssertionError("no entries cannot be wrong", e);
        }
    }

    /** The table the configured {@code entries} describe; a wrong entry rejects them all, naming its index. */
    static GrantTable parse(String[] entries) throws InputRejected {
        Map<String, RoleGrants.Builder> builders = new LinkedHashMap<>();
        builders.put(ADMIN, new RoleGrants.Builder(ADMIN).add(EVERY_TYPE));
        for (int i = 0; i < entries.length; i++) {
            for (String entry : entries[i].split("[;\\n]")) {
                if (!entry.isBlank()) {
                    addEntry(builders, entry.strip(), "grants[" + i + "] '" + InputRejected.oneLine(entry.strip()) + "'");
                }
            }
        }
        Map<String, RoleGrants> byRole = new HashMap<>();
        builders.forEach((role, builder) -> byRole.put(role, builder.build()));
        return new GrantTable(Map.copyOf(byRole));
    }

    private static void addEntry(Map<String, RoleGrants.Builder> builders, String entry, String position)
            throws InputRejected {
        int equals = entry.indexOf('=');
        if (equals < 0) {
            throw new InputRejected(SOURCE, position, "no '=': write <role>=<intent type pattern>[,<pattern>...], "
                    + "such as content-editor=content.*,insights.analyze");
        }
        String role = entry.substring(0, equals).strip();
        String roleProblem = roleProblem(role);
        if (roleProblem != null) {
            throw new InputRejected(SOURCE, position, roleProblem);
        }
        RoleGrants.Builder builder = builders.computeIfAbsent(role, RoleGrants.Builder::new);
        String[] patterns = entry.substring(equals + 1).split(",", -1);
        for (String raw : patterns) {
            String pattern = raw.strip();
            String patternProblem = patternProblem(pattern);
            if (patternProblem != null) {
                throw new InputRejected(SOURCE, position, patternProblem);
            }
            builder.add(pattern);
        }
    }

    private static String roleProblem(String role) {
        if (role.isEmpty()) {
            return "the role before '=' is empty: name a role, such as content-editor";
        }
        for (int i = 0; i < role.length(); i++) {
            char c = role.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == ',' || c == '=' || c == '*') {
                return "role '" + role + "' contains '" + (Character.isISOControl(c) ? "a control character" : c)
                        + "': use letters, digits, '-', '_', '.' or ':'";
            }
        }
        return null;
    }

    private static String patternProblem(String pattern) {
        if (pattern.isEmpty()) {
            return "an empty intent type pattern: list patterns separated by single commas";
        }
        if (pattern.equals(EVERY_TYPE) || Intent.isValidType(pattern)) {
            return null;
        }
        // a prefix is valid when it could start an intent type: "content.*" covers "content.ingest"
        if (pattern.endsWith(".*") && Intent.isValidType(pattern.substring(0, pattern.length() - 1) + "x")) {
            return null;
        }
        return "pattern '" + pattern + "' is neither an intent type such as 'content.ingest', nor a prefix ending in "
                + "'.*' such as 'content.*', nor '*'";
    }

    /**
     * The grant that lets one of {@code roles} submit {@code type}, or null if none does; allocates nothing. When several
     * roles grant it, the first role by name wins, so the recorded reason does not depend on set iteration order.
     */
    Grant find(Set<String> roles, String type) {
        Grant found = null;
        for (String role : roles) {
            RoleGrants grants = byRole.get(role);
            if (grants != null && (found == null || role.compareTo(found.role()) < 0)) {
                Grant grant = grants.match(type);
                if (grant != null) {
                    found = grant;
                }
            }
        }
        return found;
    }

    /** Every grant that covers {@code type}, one per role, in role order: to say who may submit it. */
    List<Grant> grantsFor(String type) {
        List<Grant> found = new ArrayList<>();
        byRole.values().forEach(grants -> {
            Grant grant = grants.match(type);
            if (grant != null) {
                found.add(grant);
            }
        });
        found.sort((a, b) -> a.role().compareTo(b.role()));
        return found;
    }
}
