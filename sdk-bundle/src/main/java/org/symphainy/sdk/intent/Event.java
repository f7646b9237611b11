package org.symphainy.sdk.intent;

import org.symphainy.sdk.internal.Checks;

/**
 * Something a handler reports as having happened, such as {@code content.ingested}, with a JSON payload. The Runtime
 * records events with the step's result and routes them through the Post Office to subscribers.
 *
 * @param type the event type, a dotted lower-case name like an intent type
 * @param payload the event's payload
 */
public record Event(String type, Json payload) {

    /** Checks every value. */
    public Event {
        Checks.name("event type", type, 2, "content.ingested");
        Checks.present("payload", payload);
    }
}
