package org.symphainy.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Provenance;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.runtime.RecordedContext;

class TestContextTest {

    private static final Instant RECORDED_AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void defaultsAreDocumentedAndFixed() {
        TestContext context = TestContext.builder().build();

        assertEquals("test-execution", context.executionId());
        assertEquals("test-tenant", context.tenant());
        assertEquals("test-actor", context.actor());
        assertEquals(1, context.attempt());
        assertEquals(TestContext.DEFAULT_INSTANT, context.clock().instant());
        assertEquals(new Random(TestContext.DEFAULT_SEED).nextLong(), context.random().nextLong());
        assertTrue(context.inputs().isEmpty());
    }

    @Test
    void theRandomSourceIsOneSequencePerContext() {
        TestContext context = TestContext.builder().seed(7L).build();
        Random reference = new Random(7L);

        assertSame(context.random(), context.random());
        assertEquals(reference.nextLong(), context.random().nextLong());
        assertEquals(reference.nextLong(), context.random().nextLong());
    }

    @Test
    void findsInputsByTheIdsTheyWereRecordedUnder() {
        Artifact first = Artifact.of("content.page", "text/plain", new byte[] {'1'});
        Artifact recorded = Artifact.of("content.page", "text/plain", new byte[] {'2'}).recorded("art-9", provenance());

        TestContext context = TestContext.builder().input(first).input(recorded).build();

        assertEquals(List.of("test-input-1", "art-9"), context.inputs().stream().map(Artifact::id).toList());
        assertEquals(first.contentHash(), context.input("test-input-1").orElseThrow().contentHash());
        assertEquals(recorded, context.input("art-9").orElseThrow());
        assertTrue(context.input("art-404").isEmpty());
    }

    @Test
    void refusesTwoInputsWithOneId() {
        Artifact recorded = Artifact.of("content.page", "text/plain", new byte[] {'2'}).recorded("art-9", provenance());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestContext.builder().input(recorded).input(recorded).build());
        assertEquals("two inputs have id 'art-9'; give each its own", e.getMessage());
    }

    @Test
    void aRecordedContextGivesTheHandlerWhatTheRecordedStepSaw() throws Exception {
        Artifact input = Artifact.of("content.page", "text/plain", new byte[] {'1'}).recorded("art-1", provenance());
        RecordedContext recorded = new RecordedContext("exec-7", 2, "acme", "alice", 3, RECORDED_AT, 99L,
                List.of(input));
        Intent intent = HandlerTestKit.intent("report.summarise").tenant("acme").actor("alice").build();

        TestContext context = TestContext.recorded(recorded);
        Result fromRecord = HandlerTestKit.run(new SummaryHandler(), intent, context);
        Result fromBuilder = HandlerTestKit.run(new SummaryHandler(), intent, TestContext.builder().tenant("acme")
                .actor("alice").instant(RECORDED_AT).seed(99L).input(input).build());

        assertEquals("exec-7", context.executionId());
        assertEquals(3, context.attempt());
        assertEquals(RECORDED_AT, context.clock().instant());
        assertEquals(List.of(input), context.inputs());
        assertEquals(fromBuilder, fromRecord);
    }

    private static Provenance provenance() {
        return new Provenance("exec-0", 1, new HandlerRef("org.acme.content", "1.0.0", "content.ingest", "1.0.0"),
                List.of(), RECORDED_AT);
    }
}
