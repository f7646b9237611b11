package org.symphainy.postoffice.internal;

import java.util.Arrays;

import org.symphainy.sdk.runtime.ExecutionUpdate;

/**
 * One execution's retained updates, in increasing sequence order. One writer at a time appends (the feed, under its
 * lock); any number of deliveries read without a lock: {@link #size()} is published after the element it counts, so
 * every index below a size read is readable. Updates are never removed: the whole log goes when its feed is dropped.
 */
final class UpdateLog {

    private volatile ExecutionUpdate[] updates = new ExecutionUpdate[8];
    private volatile int size;

    /** Appends {@code update}, whose sequence must be greater than the last one's; callers serialise appends. */
    void append(ExecutionUpdate update) {
        ExecutionUpdate[] array = updates;
        int count = size;
        if (count > 0 && update.sequence() <= array[count - 1].sequence()) {
            throw new IllegalArgumentException("update " + update.sequence() + " of execution " + update.executionId()
                    + " does not follow " + array[count - 1].sequence());
        }
        if (count == array.length) {
            array = Arrays.copyOf(array, count * 2);
            updates = array;
        }
        array[count] = update;
        size = count + 1;
    }

    /** How many updates are retained. */
    int size() {
        return size;
    }

    /** The update at {@code index}, which must be below a {@link #size()} read before. */
    ExecutionUpdate get(int index) {
        return updates[index];
    }

    /** The sequence of the last update; 0 while there is none. */
    long lastSequence() {
        int count = size;
        return count == 0 ? 0 : updates[count - 1].sequence();
    }

    /** The retained update with this sequence, or null. */
    ExecutionUpdate find(long sequence) {
        int index = indexAfter(sequence - 1);
        return index < size && updates[index].sequence() == sequence ? updates[index] : null;
    }

    /** The index of the first update whose sequence is greater than {@code sequence} ({@link #size()} if none is). */
    int indexAfter(long sequence) {
        int high = size; // size first: every index below it is in the array read next
        ExecutionUpdate[] array = updates;
        int low = 0;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (array[middle].sequence() <= sequence) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
