package org.symphainy.citymanager.internal;

import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.Set;

import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.testkit.TestGovernanceContext;

/** Intents, principals, contexts and configurations for the tests. */
final class Fixtures {

    /** One language for every test: building it takes about a second. */
    static final PolicyLanguage LANGUAGE = new PolicyLanguage();

    private Fixtures() {
    }

    static Intent intent(String type, String tenant) {
        return intent(type, tenant, "{}");
    }

    static Intent intent(String type, String tenant, String payload) {
        return Intent.builder(type).tenant(tenant).session("s-1").actor("alice").correlationId("c-1")
                .payload(Json.of(payload)).build();
    }

    static Principal principal(String tenant, String... roles) {
        return new Principal(tenant, "alice", Set.of(roles), "api-key");
    }

    static GovernanceContext context(Principal principal) {
        return TestGovernanceContext.of("e-1", principal);
    }

    static IntentFacts facts(Intent intent, Principal principal) {
        return new IntentFacts(intent, Optional.ofNullable(principal));
    }

    static Policy compile(String document) throws InvalidPolicy {
        return new PolicyCompiler(LANGUAGE).compile(document, "test.json");
    }

    /** A configuration as ConfigAdmin would give it. */
    static CityManagerConfig config(String policyFile, String defaultQuota, String... quotas) {
        return config(policyFile, defaultQuota, quotas, "1000");
    }

    /** A configuration as ConfigAdmin would give it, with in-flight quotas. */
    static CityManagerConfig config(String policyFile, String defaultQuota, String[] quotas, String maxInFlight,
            String... inFlightQuotas) {
        return new CityManagerConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CityManagerConfig.class;
            }

            @Override
            public String policyFile() {
                return policyFile;
            }

            @Override
            public long policyPollMillis() {
                return 0;
            }

            @Override
            public String defaultQuota() {
                return defaultQuota;
            }

            @Override
            public String[] quotas() {
                return quotas;
            }

            @Override
            public String maxInFlight() {
                return maxInFlight;
            }

            @Override
            public String[] inFlightQuotas() {
                return inFlightQuotas;
            }
        };
    }

    /** A clock the test moves by hand, in nanoseconds. */
    static final class ManualClock implements java.util.function.LongSupplier {

        private long now = 1_000_000_000_000L;

        @Override
        public long getAsLong() {
            return now;
        }

        void advanceMillis(long millis) {
            now += millis * 1_000_000L;
        }
    }
}
