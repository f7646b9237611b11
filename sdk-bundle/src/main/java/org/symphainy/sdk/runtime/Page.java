package org.symphainy.sdk.runtime;

import java.util.List;

import org.symphainy.sdk.internal.Checks;

/**
 * One page of a listing, and the cursor to the next. Pass {@link #nextCursor()} to
 * {@link ExecutionQuery.Builder#cursor(String)} for the next page; it is opaque and null on the last page.
 *
 * @param <T> what is listed
 * @param items the page's items, in order
 * @param nextCursor where the next page starts; null if this is the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** Checks every value and copies the list. */
    public Page {
        items = Checks.list("items", items);
        Checks.optionalId("nextCursor", nextCursor);
    }

    /** True if another page follows. */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
