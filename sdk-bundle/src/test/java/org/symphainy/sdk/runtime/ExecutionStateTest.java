package org.symphainy.sdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.sdk.runtime.ExecutionState.ACCEPTED;
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
        assertEquals(EnumSet.of(RUNNING, FAILED), successors(ACCEPTED));
        assertEquals(EnumSet.of(COMPLETED, FAILED), successors(RUNNING));
        assertEquals(EnumSet.noneOf(ExecutionState.class), successors(COMPLETED));
        assertEquals(EnumSet.noneOf(ExecutionState.class), successors(FAILED));
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
