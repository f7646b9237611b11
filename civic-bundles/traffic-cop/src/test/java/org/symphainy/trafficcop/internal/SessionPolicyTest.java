package org.symphainy.trafficcop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SessionPolicyTest {

    @Test
    void theConfigurationDefaultsAreTheDefaultPolicy() {
        SessionPolicy.Reading reading = SessionPolicy.read(Configs.defaults());

        assertEquals(SessionPolicy.DEFAULTS, reading.policy());
        assertEquals(List.of(), reading.problems());
    }

    @Test
    void readsEveryValue() {
        SessionPolicy policy = SessionPolicy.read(Configs.of(Map.of("sessionTtlMinutes", 60L, "idleTimeoutMinutes", 0L,
                "maxSessionsPerPrincipal", 1, "sweepIntervalSeconds", 5L))).policy();

        assertEquals(new SessionPolicy(Duration.ofHours(1), Duration.ZERO, 1, Duration.ofSeconds(5)), policy);
    }

    @Test
    void refusesAValueOutOfRangeNamingTheAttributeTheValueAndWhatIsAllowed() {
        SessionPolicy.Reading reading = SessionPolicy.read(Configs.of(Map.of("sessionTtlMinutes", -5L)));

        assertNull(reading.policy());
        assertEquals(List.of("sessionTtlMinutes is -5; use a whole number of minutes from 1 to 527040 (480 is 8 hours)"),
                reading.problems());
    }

    @Test
    void listsEveryRefusedValueAtOnce() {
        SessionPolicy.Reading reading = SessionPolicy.read(Configs.of(Map.of("sessionTtlMinutes", 0L,
                "idleTimeoutMinutes", -1L, "maxSessionsPerPrincipal", 0, "sweepIntervalSeconds", 86_401L)));

        assertNull(reading.policy());
        assertEquals(List.of(
                "sessionTtlMinutes is 0; use a whole number of minutes from 1 to 527040 (480 is 8 hours)",
                "idleTimeoutMinutes is -1; use a whole number of minutes from 0 (no idle timeout) to 527040",
                "maxSessionsPerPrincipal is 0; use a whole number from 1 to 100000",
                "sweepIntervalSeconds is 86401; use a whole number of seconds from 1 to 86400"), reading.problems());
    }

    @Test
    void refusesAValueDeclarativeServicesCouldNotConvert() {
        SessionPolicy.Reading reading = SessionPolicy.read(Configs.of(Map.of("sessionTtlMinutes",
                new IllegalArgumentException("Could not convert '8h' to long"))));

        assertNull(reading.policy());
        assertEquals(List.of("sessionTtlMinutes is not a number (Could not convert '8h' to long); use a whole number of "
                + "minutes from 1 to 527040 (480 is 8 hours)"), reading.problems());
    }

    @Test
    void refusesALifetimeTooLongForADuration() {
        SessionPolicy.Reading reading = SessionPolicy.read(Configs.of(Map.of("sessionTtlMinutes", Long.MAX_VALUE)));

        assertEquals(1, reading.problems().size(), reading.problems().toString());
    }
}
