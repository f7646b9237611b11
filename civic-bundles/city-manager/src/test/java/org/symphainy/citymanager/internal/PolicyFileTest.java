package org.symphainy.citymanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, rejecting and reloading the policy file. */
class PolicyFileTest {

    private static final String ONE_RULE = "[{\"id\": \"first\", \"effect\": \"allow\", \"intent\": \"a.b\"}]";
    private static final String TWO_RULES = "[{\"id\": \"second\", \"effect\": \"allow\", \"intent\": \"a.b\"},"
            + " {\"id\": \"third\", \"effect\": \"deny\", \"intent\": \"*\"}]";

    @TempDir
    Path dir;

    private PolicyFile open(Path path) {
        return new PolicyFile(path, new PolicyCompiler(Fixtures.LANGUAGE));
    }

    private static List<String> ids(PolicyFile file) {
        return file.current().rules().stream().map(PolicyRule::id).toList();
    }

    /** Writes {@code text} and moves the modification time on, so a poll sees the change whatever the clock's grain. */
    private static void write(Path path, String text, int second) throws IOException {
        Files.writeString(path, text);
        Files.setLastModifiedTime(path, FileTime.fromMillis(1_700_000_000_000L + second * 1000L));
    }

    @Test
    void withoutAFileTheSecureDefaultIsInForce() {
        PolicyFile file = open(dir.resolve("policies.json"));

        assertTrue(file.current().secureDefault());
        assertEquals(List.of(SecureDefault.RULE_ID), ids(file));
    }

    @Test
    void aMalformedFirstFileLeavesTheSecureDefaultAndSaysWhereAndWhy() throws IOException {
        Path path = dir.resolve("policies.json");
        write(path, "[{\"id\": \"x\", \"effect\": \"allow\", \"intent\": \"a.b\", \"when\": \"1 +\"}]", 1);

        PolicyFile file = open(path);

        assertTrue(file.current().secureDefault());
        assertEquals("policy rejected: " + path + ": rule #1 (id 'x') at line 1, column 2: \"when\" (line 1, column 58) "
                + "does not compile at line 1, column 4 of the expression: "
                + "mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, "
                + "NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}; the previous policy stays in force (the secure default)",
                file.lastRejection());
    }

    @Test
    void aMalformedChangeKeepsThePreviousPolicy() throws IOException {
        Path path = dir.resolve("policies.json");
        write(path, ONE_RULE, 1);
        PolicyFile file = open(path);
        Policy before = file.current();

        write(path, "[{\"id\": \"x\", \"effect\": \"maybe\", \"intent\": \"a.b\"}]", 2);
        file.reloadIfChanged();

        assertSame(before, file.current());
        assertTrue(file.lastRejection().contains(path + ": rule #1 (id 'x') at line 1, column 2: effect 'maybe' is not"),
                file.lastRejection());
        assertTrue(file.lastRejection().endsWith("the previous policy stays in force (1 rules from " + path + ")"));
    }

    @Test
    void aChangedFileIsReloadedAndAnUnchangedOneIsNotRead() throws IOException {
        Path path = dir.resolve("policies.json");
        write(path, ONE_RULE, 1);
        PolicyFile file = open(path);
        Policy first = file.current();

        file.reloadIfChanged();
        assertSame(first, file.current(), "nothing changed, nothing read");

        write(path, TWO_RULES, 2);
        file.reloadIfChanged();
        assertEquals(List.of("second", "third"), ids(file));
        assertNull(file.lastRejection());
    }

    @Test
    void aDeletedFileBringsBackTheSecureDefault() throws IOException {
        Path path = dir.resolve("policies.json");
        write(path, ONE_RULE, 1);
        PolicyFile file = open(path);

        Files.delete(path);
        file.reloadIfChanged();

        assertTrue(file.current().secureDefault());
    }
}
