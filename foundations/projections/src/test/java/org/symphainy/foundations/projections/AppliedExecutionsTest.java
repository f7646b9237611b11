package org.symphainy.foundations.projections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppliedExecutionsTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedExecutionIsAppliedStillAfterTheLedgerIsReadAgain() throws IOException {
        Path file = dir.resolve("state").resolve("applied-executions");
        AppliedExecutions ledger = new AppliedExecutions(file);
        assertFalse(ledger.applied("ex-1"));

        ledger.record("ex-1");
        ledger.record("ex-2");

        assertTrue(ledger.applied("ex-1"));
        AppliedExecutions reread = new AppliedExecutions(file);
        assertTrue(reread.applied("ex-1") && reread.applied("ex-2"));
        assertFalse(reread.applied("ex-3"));
        assertEquals("ex-1\nex-2\n", Files.readString(file));
    }

    @Test
    void blankLinesAndSurroundingSpaceAreIgnored() throws IOException {
        Path file = dir.resolve("applied-executions");
        Files.writeString(file, "\n  ex-1  \n\n");

        AppliedExecutions ledger = new AppliedExecutions(file);

        assertTrue(ledger.applied("ex-1"));
        assertFalse(ledger.applied(""));
    }
}
