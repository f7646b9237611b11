package org.symphainy.runtime.internal.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionApproved;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionFailed;
import org.symphainy.runtime.internal.record.KernelRecord.IntentAccepted;
import org.symphainy.runtime.internal.record.KernelRecord.IntentDenied;
import org.symphainy.runtime.internal.record.KernelRecord.StepCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.StepFailed;
import org.symphainy.runtime.internal.record.KernelRecord.StepStarted;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Event;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;

class RecordCodecTest {

    private static final Principal ALICE = new Principal("acme", "alice", java.util.Set.of("editor", "admin"), "api-key");
    private static final Instant AT = Instant.parse("2026-11-24T23:59:59.123456789Z");
    private static final Intent INTENT = Intent.builder("content.ingest").versionRange("[1.0,2.0)").tenant("acme")
            .session("s-1").actor("alice").payload(Json.of("{\"doc\":\"é ✓\"}")).idempotencyKey("k-1").correlationId("c-1").build();

    @Test
    void everyRecordTypeComesBackAsItWent() {
        List<Decision> decisions = List.of(Decision.allow(Stage.TRAFFIC_COP, "session ok"),
                Decision.deny(Stage.SECURITY_GUARD, "TOKEN_EXPIRED", "the token expired at 12:00"));
        List<KernelRecord> records = List.of(
                new IntentAccepted("e-1", AT, INTENT, decisions.subList(0, 1), new HandlerRef("org.acme", "1.2.3", "content.ingest", "1.0.0"),
                        -42L, "ab12", ALICE),
                new IntentAccepted("e-4", AT, INTENT, List.of(Decision.allowOnApproval(Stage.CITY_MANAGER, "four eyes")),
                        new HandlerRef("org.acme", "1.2.3", "content.ingest", "1.0.0"), 3L, "ef56", null),
                new IntentDenied("e-2", AT, INTENT.toBuilder().versionRange(null).idempotencyKey(null).build(), decisions, null),
                new IntentDenied("e-5", AT, INTENT, decisions, ALICE),
                new StepStarted("e-1", AT, 1, 2),
                new StepFailed("e-1", AT, 1, 2, ErrorCode.STEP_TIMEOUT, "too slow"),
                new ExecutionCompleted("e-1", AT),
                new ExecutionFailed("e-1", AT, ErrorCode.HANDLER_FAILED, "boom"),
                new ExecutionApproved("e-4", AT, "bob", "e-6"),
                new KernelRecord.CancelRequested("e-1", AT, "alice", "e-7", null),
                new KernelRecord.EffectRecorded("e-1", AT, "org.symphainy.curator", false,
                        "installed org.acme 1.0.0 as bundle 42, but it was not ready (é ✓); rolled back"));

        for (KernelRecord record : records) {
            assertEquals(record, RecordCodec.decode(record.type().code(), RecordCodec.encode(record)));
        }
    }

    @Test
    void theHeadReadFromTheBytesIsTheHeadOfTheWholeRecord() {
        List<Decision> decisions = List.of(Decision.allow(Stage.TRAFFIC_COP, "session ok"),
                Decision.deny(Stage.SECURITY_GUARD, "TOKEN_EXPIRED", "the token expired at 12:00"));
        List<KernelRecord> records = List.of(
                new IntentAccepted("e-1", AT, INTENT, decisions.subList(0, 1), new HandlerRef("org.acme", "1.2.3", "content.ingest", "1.0.0"),
                        -42L, "ab12", ALICE),
                new IntentAccepted("e-3", AT, INTENT.toBuilder().versionRange(null).idempotencyKey(null).build(), decisions.subList(0, 1),
                        new HandlerRef("org.acme", "1.2.3", "content.ingest", "1.0.0"), 7L, "cd34", null),
                new IntentAccepted("e-4", AT, INTENT, List.of(Decision.allowOnApproval(Stage.CITY_MANAGER, "four eyes")),
                        new HandlerRef("org.acme", "1.2.3", "content.ingest", "1.0.0"), 3L, "ef56", ALICE),
                new IntentDenied("e-2", AT, INTENT, decisions, ALICE),
                new ExecutionApproved("e-4", AT, "bob", "e-6"),
                new StepStarted("e-1", AT, 1, 2),
                new StepCompleted("e-1", AT, 1, 2, List.of(Artifact.of("content.doc", Json.of("{}"))), List.of()),
                new StepFailed("e-1", AT, 1, 2, ErrorCode.STEP_TIMEOUT, "too slow"),
                new ExecutionCompleted("e-1", AT),
                new ExecutionFailed("e-1", AT, ErrorCode.HANDLER_FAILED, "boom"),
                new KernelRecord.EffectRecorded("e-1", AT, "org.symphainy.curator", true, "installed"));

        for (KernelRecord record : records) {
            assertEquals(RecordHead.of(record), RecordCodec.decodeHead(record.type().code(), RecordCodec.encode(record)));
        }
    }

    @Test
    void aHeldIntentIsStoredAsSuchAndRecordsOfTheFormerFormatAreStillRead() {
        IntentAccepted held = new IntentAccepted("e-4", AT, INTENT, List.of(Decision.allowOnApproval(Stage.CITY_MANAGER, "x")),
                new HandlerRef("org.acme", "1.2.3", "content.ingest", "1.0.0"), 3L, "ef56", null);
        assertEquals(RecordType.INTENT_HELD, held.type());

        byte[] current = RecordCodec.encode(held);
        byte[] former = Arrays.copyOf(current, current.length - 1); // format 1 had no principal (here: its absent flag)
        former[0] = 1;

        assertEquals(held, RecordCodec.decode(RecordType.INTENT_HELD.code(), former));
        assertEquals(RecordHead.of(held), RecordCodec.decodeHead(RecordType.INTENT_HELD.code(), former));
    }

    @Test
    void aTruncatedHeadIsReportedNotMisread() {
        byte[] bytes = RecordCodec.encode(new StepFailed("e-1", AT, 1, 2, ErrorCode.STEP_TIMEOUT, "too slow"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordCodec.decodeHead(RecordType.STEP_FAILED.code(), Arrays.copyOf(bytes, bytes.length - 3)));

        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void artifactsAndEventsKeepTheirBytes() {
        byte[] binary = {0, 1, 2, (byte) 255};
        StepCompleted completed = new StepCompleted("e-1", AT, 1, 1,
                List.of(Artifact.of("content.blob", "application/octet-stream", binary), Artifact.of("content.doc", Json.of("{}"))),
                List.of(new Event("content.ingested", Json.of("{\"n\":1}"))));

        StepCompleted decoded = (StepCompleted) RecordCodec.decode(RecordType.STEP_COMPLETED.code(), RecordCodec.encode(completed));

        assertArrayEquals(binary, decoded.artifacts().get(0).content());
        assertEquals(completed.artifacts().get(1).contentHash(), decoded.artifacts().get(1).contentHash());
        assertEquals(completed.events(), decoded.events());
    }

    @Test
    void aTruncatedRecordIsReportedNotMisread() {
        byte[] bytes = RecordCodec.encode(new IntentDenied("e-2", AT, INTENT, List.of(Decision.allow(Stage.TRAFFIC_COP, "ok")), null));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordCodec.decode(RecordType.INTENT_DENIED.code(), Arrays.copyOf(bytes, bytes.length - 5)));

        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void anUnknownTypeCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RecordCodec.decode(99, new byte[] {1}));
    }
}
