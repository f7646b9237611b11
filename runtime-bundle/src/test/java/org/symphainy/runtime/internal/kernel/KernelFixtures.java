package org.symphainy.runtime.internal.kernel;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.GovernanceRole;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.registry.AdmittedHandler;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.registry.RefusedHandler;
import org.symphainy.sdk.registry.RegisteredIntent;
import org.symphainy.sdk.runtime.Execution;

/** Test doubles for the kernel's collaborators: configuration, a registry, role services. */
final class KernelFixtures {

    private KernelFixtures() {
    }

    /** A registry holding the handlers tests put in, one version (1.0.0) per type. */
    static final class Registry implements IntentRegistry {
        private final Map<String, AdmittedHandler> handlers = new ConcurrentHashMap<>();

        Registry serve(String type, IntentHandler handler) {
            return serve(type, "org.acme.test", "1.0.0", handler);
        }

        /** Serves {@code type} (1.0.0) by {@code handler} of bundle {@code bundle} {@code version}. */
        Registry serve(String type, String bundle, String version, IntentHandler handler) {
            handlers.put(type, new AdmittedHandler(new HandlerRef(bundle, version, type, "1.0.0"), handler));
            return this;
        }

        private final Map<String, HandlerRef> declaredOnly = new ConcurrentHashMap<>();

        void withdraw(String type) {
            handlers.remove(type);
        }

        /** Declares {@code type} (1.0.0) without a handler, as a bundle declaring a saga on a plain class does. */
        Registry declare(String type) {
            declaredOnly.put(type, new HandlerRef("org.acme.saga", "1.0.0", type, "1.0.0"));
            return this;
        }

        @Override
        public List<RegisteredIntent> intents() {
            List<RegisteredIntent> all = new java.util.ArrayList<>(
                    handlers.values().stream().map(h -> new RegisteredIntent(h.ref(), true, "test")).toList());
            declaredOnly.values().forEach(ref -> all.add(new RegisteredIntent(ref, false, "no handler")));
            return all;
        }

        @Override
        public List<RefusedHandler> refusals() {
            return List.of();
        }

        @Override
        public Optional<AdmittedHandler> resolve(String intentType, String versionRange) {
            return Optional.ofNullable(handlers.get(intentType));
        }
    }

    /** Roles that all allow, but the one of {@code stage}, which decides with {@code decide}. */
    static java.util.function.Function<Stage, GovernanceRole> allowingBut(Stage stage,
            java.util.function.Function<Intent, Decision> decide) {
        return each -> each != stage ? allowing(each) : new GovernanceRole() {
            @Override
            public Stage stage() {
                return stage;
            }

            @Override
            public Decision decide(Intent intent, GovernanceContext context) {
                return decide.apply(intent);
            }
        };
    }

    /** Every role allows. */
    static GovernanceRole allowing(Stage stage) {
        return new GovernanceRole() {
            @Override
            public Stage stage() {
                return stage;
            }

            @Override
            public Decision decide(Intent intent, GovernanceContext context) {
                return Decision.allow(stage, "test allows");
            }
        };
    }

    /** Configuration with the given step timeout and durability. */
    static KernelConfig config(long stepTimeoutMillis, String durability) {
        return config(stepTimeoutMillis, durability, 1_000);
    }

    /** Configuration with the given step timeout, durability and most executions in flight. */
    static KernelConfig config(long stepTimeoutMillis, String durability, int maxInFlight) {
        return config(stepTimeoutMillis, durability, maxInFlight, 86_400);
    }

    /** Configuration as above, with the given approval timeout in seconds. */
    static KernelConfig config(long stepTimeoutMillis, String durability, int maxInFlight, long approvalTimeoutSeconds) {
        return new KernelConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return KernelConfig.class;
            }

            @Override
            public String durability() {
                return durability;
            }

            @Override
            public int maxPayloadBytes() {
                return 1024;
            }

            @Override
            public long stepTimeoutMillis() {
                return stepTimeoutMillis;
            }

            @Override
            public int workers() {
                return 4;
            }

            @Override
            public int maxInFlight() {
                return maxInFlight;
            }

            @Override
            public long approvalTimeoutSeconds() {
                return approvalTimeoutSeconds;
            }

            @Override
            public String walDirectory() {
                return "";
            }

            @Override
            public boolean allowBrokenChain() {
                return false;
            }
        };
    }

    /** An intent of {@code type} with a JSON payload. */
    static Intent intent(String type, String payload) {
        return Intent.builder(type).tenant("acme").session("s-1").actor("alice").payload(Json.of(payload))
                .correlationId("c-1").build();
    }

    /** Waits (bounded, for failures only) until the execution is COMPLETED or FAILED. */
    static Execution awaitEnd(Kernel kernel, String executionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Execution> execution = kernel.execution(executionId);
            if (execution.isPresent() && execution.get().state().isTerminal()) {
                return execution.get();
            }
            Thread.sleep(2);
        }
        throw new AssertionError("execution " + executionId + " did not end: " + kernel.execution(executionId));
    }
}
