package org.symphainy.nurse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.runtime.RetryPolicy;

class NurseRetryPoliciesTest {

    @Test
    void startsWithThePlatformDefaultWhenTheFirstConfigurationIsBad() {
        NurseRetryPolicies nurse = new NurseRetryPolicies(Configs.of(Map.of("policies", new String[] {"x=maxAttempts:0"})));
        assertSame(RetryPolicy.DEFAULT, nurse.forIntent("x.y"));
    }

    @Test
    void appliesAGoodConfigurationAndKeepsItWhenTheNextIsBad() {
        NurseRetryPolicies nurse = new NurseRetryPolicies(Configs.defaults());
        nurse.modified(Configs.of(Map.of("policies", new String[] {"content.*=maxAttempts:3"})));
        assertEquals(3, nurse.forIntent("content.ingest").maxAttempts());

        nurse.modified(Configs.of(Map.of("policies", new String[] {"content.*=maxAttempts:4", "orders.*=jitter:7"})));

        assertEquals(3, nurse.forIntent("content.ingest").maxAttempts(), "a configuration with a bad entry is refused whole");
        assertEquals(10, nurse.forIntent("orders.place").maxAttempts());
    }
}
