package org.symphainy.sdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExecutionQueryTest {

    @Test
    void withoutFiltersListsTheFirstPageOfEverything() {
        ExecutionQuery query = ExecutionQuery.builder().build();

        assertNull(query.tenant());
        assertNull(query.state());
        assertNull(query.intentType());
        assertNull(query.cursor());
        assertEquals(ExecutionQuery.DEFAULT_LIMIT, query.limit());
    }

    @Test
    void theNextPageIsTheSameQueryWithTheCursor() {
        ExecutionQuery first = ExecutionQuery.builder().tenant("acme").state(ExecutionState.FAILED)
                .intentType("content.ingest").acceptedFrom(Instant.parse("2026-03-01T00:00:00Z"))
                .acceptedBefore(Instant.parse("2026-03-02T00:00:00Z")).limit(20).build();
        Page<String> page = new Page<>(List.of("exec-1"), "cursor-2");

        ExecutionQuery next = first.toBuilder().cursor(page.nextCursor()).build();

        assertEquals("cursor-2", next.cursor());
        assertEquals(first, next.toBuilder().cursor(null).build());
    }

    @Test
    void listsEveryInvalidValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExecutionQuery.builder()
                .intentType("Ingest").limit(0).acceptedFrom(Instant.parse("2026-03-02T00:00:00Z"))
                .acceptedBefore(Instant.parse("2026-03-01T00:00:00Z")).build());

        assertEquals("execution query is invalid: intentType 'Ingest' is not a dotted lower-case name such as "
                + "'content.ingest': use two or more dot-separated segments of a-z, 0-9, '_' or '-', each starting "
                + "with a letter, 128 characters at most; limit is 0; use 1 to 1000; acceptedFrom "
                + "2026-03-02T00:00:00Z is not before acceptedBefore 2026-03-01T00:00:00Z; swap them or widen the range",
                e.getMessage());
    }

    @Test
    void aPageWithoutCursorIsTheLast() {
        assertFalse(new Page<>(List.of(), null).hasNext());
        assertTrue(new Page<>(List.of(), "c").hasNext());
    }
}
