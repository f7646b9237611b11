package org.symphainy.sdk.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResultTest {

    private static final Artifact A = Artifact.of("text.a", "text/plain", new byte[] {'a'});
    private static final Artifact B = Artifact.of("text.b", "text/plain", new byte[] {'b'});

    @Test
    void keepsArtifactsAndEventsInOrder() {
        Result result = Result.builder().artifact(B).event("content.ingested", Json.EMPTY_OBJECT).artifact(A).build();

        assertEquals(List.of(B, A), result.artifacts());
        assertEquals(List.of(new Event("content.ingested", Json.EMPTY_OBJECT)), result.events());
        assertEquals(Result.of(List.of(B, A), result.events()), result);
    }

    @Test
    void copiesTheListsItIsGiven() {
        List<Artifact> artifacts = new ArrayList<>(List.of(A));
        Result result = Result.of(artifacts, List.of());
        artifacts.add(B);

        assertEquals(List.of(A), result.artifacts());
        assertThrows(UnsupportedOperationException.class, () -> result.artifacts().add(B));
    }

    @Test
    void saysWhereANullArtifactIs() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Result.of(A, null));
        assertEquals("artifacts has a null element at index 1", e.getMessage());
    }

    @Test
    void emptyHasNothing() {
        assertTrue(Result.empty().artifacts().isEmpty());
        assertTrue(Result.empty().events().isEmpty());
        assertEquals(Result.empty(), Result.of());
    }

    @Test
    void eventTypesFollowTheIntentTypeRules() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Event("Ingested", Json.EMPTY_OBJECT));
        assertTrue(e.getMessage().startsWith("event type 'Ingested' is not a dotted lower-case name such as "
                + "'content.ingested'"), e.getMessage());
    }
}
