package org.symphainy.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code symphainy bench}'s command line, as Main parses it into the properties the bench bundle reads. */
class BenchCommandLineTest {

    @Test
    void noOptionsRunEveryScenarioWithTheDefaults() throws Exception {
        BenchRun.Options options = Main.benchOptions(new String[0]);
        assertEquals(new BenchRun.Options("all", 10, 64), options);
        assertEquals(Map.of("symphainy.bench.mode", "all", "symphainy.bench.seconds", "10",
                "symphainy.bench.concurrency", "64"), options.properties());
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() throws Exception {
        assertEquals(new BenchRun.Options("async", 1, 8),
                Main.benchOptions(new String[] {"--seconds", "1", "--mode=async", "--concurrency", "8"}));
    }

    @Test
    void helpWinsOverEverythingElse() throws Exception {
        assertNull(Main.benchOptions(new String[] {"--mode", "fsync", "--help"}));
        assertNull(Main.benchOptions(new String[] {"-h"}));
    }

    @Test
    void badUsageSaysWhatToDo() {
        assertUsage("unknown option '--fast'; see symphainy bench --help", "--fast");
        assertUsage("--seconds needs a value; see symphainy bench --help", "--seconds");
        assertUsage("--mode is 'sync'; use fsync, async or all", "--mode", "sync");
        assertUsage("--seconds is '0'; use a whole number from 1 to 3600", "--seconds=0");
        assertUsage("--concurrency is 'many'; use a whole number from 1 to 4096", "--concurrency", "many");
    }

    @Test
    void theBenchCommandPrintsItsOwnHelpAndRefusesBadUsage() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            assertEquals(0, Main.run(new String[] {"bench", "--help"}, Map.of()));
            assertEquals(LaunchException.USAGE, Main.run(new String[] {"bench", "--mode", "sync"}, Map.of()));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith(Main.BENCH_HELP), text);
        assertTrue(text.endsWith("symphainy bench: --mode is 'sync'; use fsync, async or all" + System.lineSeparator()), text);
    }

    private static void assertUsage(String message, String... args) {
        LaunchException e = assertThrows(LaunchException.class, () -> Main.benchOptions(args));
        assertEquals(LaunchException.USAGE, e.exitCode());
        assertEquals(message, e.getMessage());
    }
}
