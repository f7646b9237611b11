package org.symphainy.conductor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaRefusal;
import org.symphainy.sdk.saga.SagaStep;

class SagaBookTest {

    private static final SagaDefinition ORDER = SagaDefinition.builder("orders.place")
            .step(SagaStep.builder("reserve", "stock.reserve").build())
            .step(SagaStep.builder("charge", "payment.charge")
                    .map("/reservation", "/steps/reserve/artifacts/stock.reservation/id").build())
            .build();

    private final SagaBook book = new SagaBook();

    @Test
    void aSagaRefusedForAnIntentOfAnotherBundlePassesOnceThatBundleIsDeployedAndIsRefusedAgainWhenItGoes() {
        book.put(1, List.of(new SagaBook.Declared("orders.place", Set.of()),
                new SagaBook.Declared("stock.reserve", Set.of("stock.reservation"))), List.of(source(ORDER)));

        SagaRefusal refusal = book.verdict().refusals().get(0);
        assertEquals("orders.place", refusal.intentType());
        assertEquals("charge", refusal.problems().get(0).step());
        assertEquals("UNKNOWN_INTENT", refusal.problems().get(0).code());
        assertTrue(book.verdict().accepted().isEmpty());

        book.put(2, List.of(new SagaBook.Declared("payment.charge", Set.of())), List.of());
        assertEquals(List.of(), book.verdict().refusals());
        assertEquals(ORDER, book.verdict().accepted().get("orders.place"));

        book.remove(2);
        assertEquals(List.of("UNKNOWN_INTENT"), book.verdict().refusals().get(0).problems().stream().map(p -> p.code()).toList());
    }

    @Test
    void aDefinitionThatDidNotReadIsRefusedWithItsReason() {
        book.put(1, List.of(new SagaBook.Declared("orders.place", Set.of())), List.of(new SagaBook.Source("orders.place",
                "org.acme.orders", "1.0.0", "sagas/orders.json", null, new SagaJson.InvalidSaga("reserve", "\"intent\" must be a string"))));

        SagaRefusal refusal = book.verdict().refusals().get(0);
        assertEquals("sagas/orders.json", refusal.resource());
        assertEquals("INVALID_DEFINITION", refusal.problems().get(0).code());
        assertEquals("reserve", refusal.problems().get(0).step());
    }

    @Test
    void aSecondBundleDefiningTheSameSagaIsRefused() {
        List<SagaBook.Declared> all = List.of(new SagaBook.Declared("stock.reserve", Set.of("stock.reservation")),
                new SagaBook.Declared("payment.charge", Set.of()));
        book.put(1, all, List.of(source(ORDER)));
        book.put(2, all, List.of(source(ORDER)));

        assertEquals(1, book.verdict().refusals().size());
        assertEquals("DUPLICATE_SAGA", book.verdict().refusals().get(0).problems().get(0).code());
        assertEquals(ORDER, book.verdict().accepted().get("orders.place"));
    }

    private static SagaBook.Source source(SagaDefinition saga) {
        return new SagaBook.Source(saga.intentType(), "org.acme.orders", "1.0.0", "sagas/orders.json", saga, null);
    }
}
