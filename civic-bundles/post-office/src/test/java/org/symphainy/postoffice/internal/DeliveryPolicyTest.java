package org.symphainy.postoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    @Test
    void theDefaultsAreTheConfigurationsDefaults() {
        DeliveryPolicy.Reading reading = DeliveryPolicy.read(Configs.defaults());

        assertEquals(DeliveryPolicy.DEFAULTS, reading.policy());
        assertEquals(List.of(), reading.problems());
        assertEquals("deliveryThreads=4, maxLagUpdates=1000, deliveryTimeoutSeconds=30, retainSeconds=300",
                reading.policy().toString());
    }

    @Test
    void readsEveryValue() {
        DeliveryPolicy policy = DeliveryPolicy.read(Configs.of(Map.of("deliveryThreads", 8, "maxLagUpdates", 50,
                "deliveryTimeoutSeconds", 5L, "retainSeconds", 0L))).policy();

        assertEquals(new DeliveryPolicy(8, 50, Duration.ofSeconds(5), Duration.ZERO), policy);
    }

    @Test
    void refusesTheWholeConfigurationNamingEveryBadValue() {
        DeliveryPolicy.Reading reading = DeliveryPolicy.read(Configs.of(Map.of("deliveryThreads", 0, "maxLagUpdates",
                2_000_000, "deliveryTimeoutSeconds", new IllegalArgumentException("For input string: \"30s\""),
                "retainSeconds", -1L)));

        assertNull(reading.policy());
        assertEquals(4, reading.problems().size(), reading.problems().toString());
        assertEquals("deliveryThreads is 0; use a whole number from 1 to 64", reading.problems().get(0));
        assertEquals("maxLagUpdates is 2000000; use a whole number of updates from 1 to 1000000",
                reading.problems().get(1));
        assertTrue(reading.problems().get(2).startsWith("deliveryTimeoutSeconds is not a number (For input string: "
                + "\"30s\"); use a whole number of seconds from 1 to 3600"), reading.problems().get(2));
        assertEquals("retainSeconds is -1; use a whole number of seconds from 0 (dropped at the next sweep) to 86400",
                reading.problems().get(3));
    }
}
