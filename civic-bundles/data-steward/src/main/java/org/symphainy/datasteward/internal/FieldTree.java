package org.symphainy.datasteward.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The personal-data field paths (configuration {@code personalFields}) as a tree of member names, so the payload scan
 * descends only into members some path leads through. Each path is a dotted list of JSON member names such as
 * {@code customer.email}; a member whose name contains '.' or whitespace cannot be named. Immutable once built.
 */
final class FieldTree {

    /** No personal fields. */
    static final FieldTree EMPTY = new FieldTree(List.of());

    private final List<String> paths;
    private final Node root;

    /** The tree of {@code paths}; each must pass {@link #problem}, duplicates count once. */
    FieldTree(List<String> paths) {
        Set<String> unique = new LinkedHashSet<>(paths);
        this.paths = List.copyOf(unique);
        this.root = new Node();
        for (int i = 0; i < this.paths.size(); i++) {
            String path = this.paths.get(i);
            String problem = problem(path);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            Node node = root;
            for (String segment : path.split("\\.")) {
                node = node.children.computeIfAbsent(segment, name -> new Node());
            }
            node.field = i;
        }
    }

    /** What is wrong with field path {@code path} and how to write it, or null if it is valid. */
    static String problem(String path) {
        if (path.isEmpty()) {
            return "the path is empty; write dotted member names such as 'customer.email'";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "the path contains whitespace or control characters; write dotted member names such as "
                        + "'customer.email'";
            }
            if (c == '*' || c == '[' || c == ']') {
                return "the path contains '" + c + "'; wildcards and array indexes are not supported (a path through "
                        + "an array already applies to each element): write dotted member names such as "
                        + "'customer.email'";
            }
        }
        if (path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            return "the path has an empty segment; write dotted member names such as 'customer.email'";
        }
        String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        if (first.equals(PayloadScanner.DATA_SOURCES) || first.equals(PayloadScanner.DATA_SOURCE)) {
            return "'" + first + "' holds the data source names the boundaries check, not personal data; classify "
                    + "another member";
        }
        return null;
    }

    /** The root of the tree: the payload object's members. */
    Node root() {
        return root;
    }

    /** The configured path with index {@code field}. */
    String path(int field) {
        return paths.get(field);
    }

    /** How many paths there are. */
    int size() {
        return paths.size();
    }

    @Override
    public String toString() {
        return paths.isEmpty() ? "none" : String.join(", ", paths);
    }

    /** A member name on some path: its children, and the index of the path ending here (-1 if none does). */
    static final class Node {

        private final Map<String, Node> children = new HashMap<>();
        private int field = -1;

        /** The child for member {@code name}, or null if no path leads through it. */
        Node child(String name) {
            return children.isEmpty() ? null : children.get(name);
        }

        /** The member names some path continues with. */
        Set<String> childNames() {
            return children.keySet();
        }

        /** True if some path continues below this member. */
        boolean hasChildren() {
            return !children.isEmpty();
        }

        /** The index of the path ending at this member, or -1. */
        int field() {
            return field;
        }
    }
}
