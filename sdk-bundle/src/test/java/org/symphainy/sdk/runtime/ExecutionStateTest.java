package org.symphainy.sdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.sdk.runtime.ExecutionState.ACCEPTED;
import static org.symphainy.sdk.runtime.ExecutionState.COMPENSATED;
import static org.symphainy.sdk.runtime.ExecutionState.COMPENSATING;
import static org.symphainy.sdk.runtime.ExecutionState.COMPENSATION_FAILED;
import static org.symphainy.sdk.runtime.ExecutionState.COMPLETED;
import static org.symphainy.sdk.runtime.ExecutionState.FAILED;
import static org.symphainy.sdk.runtime.ExecutionState.RUNNING;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ExecutionStateTest {

    @Test
    void onlyCompletedAndFailedAreTerminal() {
        assertFalse(ACCEPTED.isTerminal());
        assertFalse(RUNNING.isTerminal());
        assertTrue(COMPLETED.isTerminal());
        assertTrue(FAILED.isTerminal());
    }

    @Test
    void movesOnlyForwardAlongTheLifecycle() {
        assertEquals(EnumSet.of(RUNNING, FAILED, COMPENSATING), successors(ACCEPTED));
        assertEquals(EnumSet.of(COMPLETED, FAILED, COMPENSATING), successors(RUNNING));
        assertEquals(EnumSet.of(COMPENSATED, COMPENSATION_FAILED), successors(COMPENSATING));
        for (ExecutionState end : EnumSet.of(COMPLETED, FAILED, COMPENSATED, COMPENSATION_FAILED)) {
            assertTrue(end.isTerminal(), end.name());
            assertEquals(EnumSet.noneOf(ExecutionState.class), successors(end), end.name());
        }
        assertFalse(COMPENSATING.isTerminal());
    }

    @Test
    void stepStatesEndInCompletedOrFailed() {
        assertFalse(StepState.RUNNING.isTerminal());
        assertTrue(StepState.COMPLETED.isTerminal());
        assertTrue(StepState.FAILED.isTerminal());
    }

    private static Set<ExecutionState> successors(ExecutionState state) {
        Set<ExecutionState> next = EnumSet.noneOf(ExecutionState.class);
        for (ExecutionState candidate : ExecutionState.values()) {
            if (state.canMoveTo(candidate)) {
                next.add(candidate);
            }
        }
        return next;
    }
}
