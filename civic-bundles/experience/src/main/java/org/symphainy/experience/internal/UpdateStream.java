package org.symphainy.experience.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.symphainy.foundations.rest.ExecutionJson;
import org.symphainy.sdk.delivery.DeliveryEnd;
import org.symphainy.sdk.delivery.Subscriber;
import org.symphainy.sdk.runtime.ExecutionUpdate;

/**
 * One Server-Sent Events stream of an execution's updates, fed by the Post Office: each update is one {@code execution}
 * event whose id is the update's sequence number (what a client sends back as {@code Last-Event-ID}). The stream hands
 * the Post Office the stage of each send, so a slow or gone client holds no thread and delays nobody else: the Post
 * Office ends its delivery (too slow, or failed) and the stream closes with a comment saying why and where to resume.
 */
final class UpdateStream implements Subscriber {

    /** The last update encoded, shared by every stream: the Post Office hands the same update to each subscriber. */
    private static final AtomicReference<Encoded> LAST = new AtomicReference<>();

    private final SseEventSink sink;
    private final Sse sse;

    UpdateStream(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public CompletionStage<?> deliver(ExecutionUpdate update) {
        if (sink.isClosed()) {
            throw new IllegalStateException("the client closed the stream");
        }
        OutboundSseEvent event = sse.newEventBuilder().id(Long.toString(update.sequence())).name("execution")
                .data(json(update)).build();
        return sink.send(event);
    }

    @Override
    public void ended(DeliveryEnd end) {
        if (!sink.isClosed() && end.reason() != DeliveryEnd.Reason.EXECUTION_ENDED) {
            sink.send(sse.newEventBuilder().comment("delivery ended: " + end.reason() + " (" + end.message()
                    + "); reconnect with Last-Event-ID: " + end.lastSequence()).build());
        }
        sink.close();
    }

    /** The update as JSON text, encoded once however many streams carry it. */
    static String json(ExecutionUpdate update) {
        Encoded last = LAST.get();
        if (last != null && last.update() == update) {
            return last.json();
        }
        String json = new String(ExecutionJson.update(update), StandardCharsets.UTF_8);
        LAST.set(new Encoded(update, json));
        return json;
    }

    private record Encoded(ExecutionUpdate update, String json) {
    }
}
