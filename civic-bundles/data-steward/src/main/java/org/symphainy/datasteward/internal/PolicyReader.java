package org.symphainy.datasteward.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link DataStewardConfig} into a {@link StewardPolicy}, or lists every invalid entry: one problem each,
 * naming the attribute, the entry's index, the entry and what is wrong. An element of a list attribute may hold several
 * entries separated by ';' (and, for {@code personalFields} and {@code requireInputsFor}, by ','); blank entries are
 * ignored.
 */
final class PolicyReader {

    /** The configuration PID. */
    static final String PID = "org.symphainy.datasteward";

    private static final int MAX_ID_LENGTH = 256;
    private static final String BOUNDARY_FORM = "write '<tenant>=<pattern>[,<pattern>...]' such as 'acme=crm.*'";

    private PolicyReader() {
    }

    /** The policy {@code config} describes, or why it cannot be used. */
    static Reading read(DataStewardConfig config) {
        List<String> problems = new ArrayList<>();
        Map<String, List<NamePattern>> boundaries = new LinkedHashMap<>();
        for (Entry entry : entries("boundaries", config.boundaries(), ";")) {
            readBoundary(entry, boundaries, problems);
        }
        List<String> paths = new ArrayList<>();
        for (Entry entry : entries("personalFields", config.personalFields(), "[;,]")) {
            if (entry.check(FieldTree.problem(entry.text()), problems)) {
                paths.add(entry.text());
            }
        }
        List<NamePattern> requireInputsFor = new ArrayList<>();
        for (Entry entry : entries("requireInputsFor", config.requireInputsFor(), "[;,]")) {
            String problem = NamePattern.problem(entry.text());
            if (entry.check(problem, problems)) {
                requireInputsFor.add(NamePattern.parse(entry.text()));
            }
        }
        String role = config.personalDataRole() == null ? "" : config.personalDataRole().trim();
        new Entry("personalDataRole", role).check(idProblem("the role", role), problems);
        if (!problems.isEmpty()) {
            return new Reading(null, problems);
        }
        return new Reading(new StewardPolicy(new DataBoundaries(boundaries), new FieldTree(paths), role,
                new ProvenanceChecker(requireInputsFor)), List.of());
    }

    private static void readBoundary(Entry entry, Map<String, List<NamePattern>> boundaries, List<String> problems) {
        int equals = entry.text().indexOf('=');
        if (equals < 0) {
            entry.check("it has no '='; " + BOUNDARY_FORM, problems);
            return;
        }
        String tenant = entry.text().substring(0, equals).trim();
        String patterns = entry.text().substring(equals + 1);
        if (!entry.check(tenant.isEmpty() ? "it names no tenant before '='; " + BOUNDARY_FORM
                : idProblem("the tenant", tenant), problems)) {
            return;
        }
        if (patterns.isBlank()) {
            entry.check("it lists no pattern after '='; " + BOUNDARY_FORM + " ('*' allows every source)", problems);
            return;
        }
        List<NamePattern> parsed = new ArrayList<>();
        String[] parts = patterns.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String pattern = parts[i].trim();
            String problem = pattern.isEmpty() ? "pattern " + (i + 1) + " is empty; remove the extra ','"
                    : NamePattern.problem(pattern);
            if (entry.check(problem, problems)) {
                parsed.add(NamePattern.parse(pattern));
            }
        }
        boundaries.computeIfAbsent(tenant, t -> new ArrayList<>()).addAll(parsed);
    }

    /** Why {@code value} cannot be a tenant or role id, or null if it can be. */
    private static String idProblem(String what, String value) {
        if (value.isEmpty()) {
            return what + " is blank; name one, such as 'personal-data' for a role or 'acme' for a tenant";
        }
        if (value.length() > MAX_ID_LENGTH) {
            return what + " is " + value.length() + " characters long; use at most " + MAX_ID_LENGTH;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return what + " contains control characters; remove them";
        }
        return null;
    }

    /** The non-blank entries of {@code values}, each element split at {@code separators}. */
    private static List<Entry> entries(String attribute, String[] values, String separators) {
        List<Entry> entries = new ArrayList<>();
        if (values == null) {
            return entries;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            String[] parts = values[i].split(separators, -1);
            long nonBlank = java.util.Arrays.stream(parts).filter(part -> !part.isBlank()).count();
            for (int j = 0; j < parts.length; j++) {
                if (!parts[j].isBlank()) {
                    String label = attribute + "[" + i + "]" + (nonBlank > 1 ? " part " + (j + 1) : "");
                    entries.add(new Entry(label, parts[j].trim()));
                }
            }
        }
        return entries;
    }

    /** What configuration reading gave: a policy, or the problems that kept it from one. */
    record Reading(StewardPolicy policy, List<String> problems) {
    }

    /** One configuration entry: where it is ({@code boundaries[2]}) and its text. */
    private record Entry(String label, String text) {

        /** True if {@code problem} is null; otherwise adds it, naming this entry, and returns false. */
        boolean check(String problem, List<String> problems) {
            if (problem == null) {
                return true;
            }
            problems.add(label + " '" + printable(text) + "': " + problem);
            return false;
        }

        private static String printable(String value) {
            StringBuilder out = new StringBuilder(value.length());
            value.chars().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                    : String.valueOf((char) c)));
            return out.toString();
        }
    }
}
