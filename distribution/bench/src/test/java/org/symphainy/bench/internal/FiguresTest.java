package org.symphainy.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void oneNameValueLinePerFigureAndNotesAfterAHash() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Figures figures = new Figures(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        figures.note("fsync: %d submitters", 64);
        figures.figure("durable_intents_per_s", 12345.6, 0, Figures.atLeast(12345.6, 10_000));
        figures.figure("durable_submit_p50_ms", 1.234, 2, null);
        assertEquals(String.join(System.lineSeparator(),
                "# fsync: 64 submitters",
                "durable_intents_per_s: 12346 (target >= 10000: met)",
                "durable_submit_p50_ms: 1.23", ""), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void targetsSayWhetherTheyAreMet() {
        assertEquals("target >= 50000: missed", Figures.atLeast(49_999, 50_000));
        assertEquals("target < 10: met", Figures.below(9.99, 10));
        assertEquals("target < 10: missed", Figures.below(10, 10));
    }
}
