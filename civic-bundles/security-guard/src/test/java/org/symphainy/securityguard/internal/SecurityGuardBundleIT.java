package org.symphainy.securityguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.nimbusds.jwt.JWTClaimsSet;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The built bundle ({@code target/*.jar}) in a real Felix with Declarative Services, ConfigAdmin, jackson-core and the
 * SDK bundle, as the distribution's {@code system/} folder holds them: the three services are registered, the bootstrap
 * administrator's key works end to end, a configuration change reaches the component, and the privately embedded
 * Nimbus verifies RS256, ES256 and HS256 tokens without any crypto provider besides the JDK's, and a key prepared by
 * the service and created through its {@code platform.apikey.create} handler and projection signs in. The services'
 * types come from the SDK bundle inside the framework, not from this test's class path, so they are called by
 * reflection.
 */
class SecurityGuardBundleIT {

    private static final String SLF4J = "2.0.17";
    private static final long TIMEOUT_MILLIS = 15_000;

    @TempDir
    Path work;

    private Felix felix;
    private Bundle sdk;

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(
                Constants.FRAMEWORK_STORAGE, work.resolve("cache").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.slf4j;version=" + SLF4J + ",org.slf4j.spi;version="
                        + SLF4J + ",org.slf4j.event;version=" + SLF4J + ",org.slf4j.helpers;version=" + SLF4J,
                "symphainy.data", work.resolve("data").toString(),
                "ds.loglevel", "warn"));
        felix.start();
        BundleContext context = felix.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String jar : System.getProperty("securityguard.container").split(",")) {
            bundles.add(context.installBundle(Path.of(jar).toUri().toString()));
        }
        bundles.add(context.installBundle(Path.of(System.getProperty("securityguard.bundle")).toUri().toString()));
        for (Bundle bundle : bundles) {
            bundle.start();
            if ("org.symphainy.sdk".equals(bundle.getSymbolicName())) {
                sdk = bundle;
            }
        }
        assertNotNull(sdk, "the SDK bundle is among securityguard.container");
    }

    @AfterEach
    void stop() throws Exception {
        felix.stop();
        felix.waitForStop(TIMEOUT_MILLIS);
    }

    @Test
    void theBundleServesTheRoleAndTheBootstrapAdministratorSignsIn() throws Exception {
        Object guard = service("org.symphainy.sdk.governance.SecurityGuard");
        Object authenticator = service("org.symphainy.sdk.identity.Authenticator");
        Object apiKeys = service("org.symphainy.sdk.identity.ApiKeys");

        Path adminKey = work.resolve("data").resolve("admin.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(adminKey)));
        Object admin = call(authenticator, "authenticate", Files.readString(adminKey).strip());
        assertEquals("admin@system", admin.toString());
        assertEquals(Set.of("admin"), call(admin, "roles"));
        assertEquals(true, call(decide(guard, "platform.deploy", admin), "allowed"));

        Object issued = call(apiKeys, "create", "acme", "alice", Set.of("content-editor"), "integration test");
        Object alice = call(authenticator, "authenticate", (String) call(issued, "secret"));
        Object denied = decide(guard, "content.ingest", alice);
        assertEquals("FORBIDDEN", call(denied, "code"));

        configure(Map.of("grants", new String[] {"content-editor=content.*"}));
        awaitTrue(() -> (Boolean) call(decide(guard, "content.ingest", alice), "allowed"),
                "the configured grant reaches the component");
    }

    @Test
    void aKeyCreatedThroughItsIntentSignsInOnceProjected() throws Exception {
        Bundle guard = bundle("org.symphainy.security-guard");
        String capabilities = guard.getHeaders().get(Constants.PROVIDE_CAPABILITY);
        for (String type : List.of("platform.apikey.create", "platform.apikey.revoke")) {
            assertTrue(capabilities.contains("symphainy.intent=\"" + type + "\""), capabilities);
            assertNotNull(guard.getEntry("schemas/" + type + ".json"), "the bundle holds the schema of " + type);
        }
        Object apiKeys = service("org.symphainy.sdk.identity.ApiKeys");
        Object authenticator = service("org.symphainy.sdk.identity.Authenticator");
        Object projection = service("org.symphainy.sdk.runtime.Projection");
        Object handler = service("org.symphainy.sdk.intent.IntentHandler",
                "(component.name=org.symphainy.securityguard.internal.ApiKeyCreateHandler)");

        Object prepared = call(apiKeys, "prepare", "acme", "alice", Set.of("content-editor"), "integration test");
        String secret = (String) call(prepared, "secret");
        Object intent = intent("platform.apikey.create", "system", "admin", call(prepared, "createPayload"));
        Object result = call(handler, "handle", intent, null);
        Object execution = execution(intent, call(result, "artifacts"));
        try {
            call(authenticator, "authenticate", secret);
            fail("the key works only once its execution is applied");
        } catch (RuntimeException expected) {
            assertEquals("UNAUTHENTICATED", call(expected, "code").toString());
        }
        call(projection, "apply", execution);

        assertEquals("alice@acme", call(authenticator, "authenticate", secret).toString());
    }

    @Test
    void theEmbeddedNimbusVerifiesEachAlgorithm() throws Exception {
        TestTokens tokens = TestTokens.shared();
        Path jwks = TestTokens.jwks(work.resolve("jwks.json"), tokens.rsa, tokens.ec);
        Object authenticator = service("org.symphainy.sdk.identity.Authenticator");
        JWTClaimsSet claims = TestTokens.claims().expirationTime(Date.from(Instant.now().plusSeconds(600))).build();

        configure(Map.of("jwtJwksFile", jwks.toString(), ".jwtHmacSecret", tokens.hmacBase64()));

        for (String token : List.of(tokens.rs256(claims), tokens.es256(claims), tokens.hs256(claims))) {
            awaitTrue(() -> "alice@acme".equals(call(authenticator, "authenticate", token).toString()),
                    "a token signed with " + token.substring(0, 20) + "... authenticates");
        }
    }

    private Object intent(String type, String tenant, String actor, Object payload) {
        Object builder = call(sdkClass("org.symphainy.sdk.intent.Intent"), "builder", type);
        for (String[] value : new String[][] {{"tenant", tenant}, {"actor", actor}, {"session", "s-1"},
            {"correlationId", "c-1"}}) {
            builder = call(builder, value[0], value[1]);
        }
        return call(call(builder, "payload", payload), "build");
    }

    /** A COMPLETED execution of {@code intent} with {@code artifacts}, as the Runtime records it. */
    private Object execution(Object intent, Object artifacts) throws Exception {
        Class<?> stage = sdkClass("org.symphainy.sdk.governance.Stage");
        Object allowed = call(sdkClass("org.symphainy.sdk.governance.Decision"), "allow",
                stage.getField("SECURITY_GUARD").get(null), "ok");
        Object handlerRef = sdkClass("org.symphainy.sdk.intent.HandlerRef").getConstructors()[0]
                .newInstance("org.symphainy.security-guard", "0.1.0", "platform.apikey.create", "1.0.0");
        Object completed = sdkClass("org.symphainy.sdk.runtime.ExecutionState").getField("COMPLETED").get(null);
        Instant now = Instant.now();
        for (java.lang.reflect.Constructor<?> constructor : sdkClass("org.symphainy.sdk.runtime.Execution")
                .getConstructors()) {
            if (constructor.getParameterCount() == 10) {
                return constructor.newInstance("e-1", intent, completed, handlerRef, List.of(allowed), List.of(),
                        artifacts, now, now, null);
            }
        }
        return fail("the SDK's Execution has no 10-argument constructor");
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : felix.getBundleContext().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return fail("no bundle " + symbolicName);
    }

    private Object decide(Object guard, String type, Object principal) {
        Object builder = call(sdkClass("org.symphainy.sdk.intent.Intent"), "builder", type);
        String tenant = (String) call(principal, "tenant");
        String actor = (String) call(principal, "actor");
        for (String[] value : new String[][] {{"tenant", tenant}, {"actor", actor}, {"session", "s-1"},
            {"correlationId", "c-1"}}) {
            builder = call(builder, value[0], value[1]);
        }
        Object intent = call(builder, "build");
        Class<?> contextType = sdkClass("org.symphainy.sdk.governance.GovernanceContext");
        Object context = Proxy.newProxyInstance(contextType.getClassLoader(), new Class<?>[] {contextType},
                (proxy, method, args) -> switch (method.getName()) {
                    case "principal" -> Optional.of(principal);
                    case "executionId" -> "e-1";
                    case "receivedAt" -> Instant.now();
                    case "decisions" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return call(guard, "decide", intent, context);
    }

    private Class<?> sdkClass(String name) {
        try {
            return sdk.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the SDK bundle has no " + name, e);
        }
    }

    private void configure(Map<String, Object> properties) throws Exception {
        Object configAdmin = service("org.osgi.service.cm.ConfigurationAdmin");
        Object configuration = call(configAdmin, "getConfiguration", SecurityGuardRole.PID, "?");
        Hashtable<String, Object> values = new Hashtable<>(properties);
        values.put("apiKeyIterations", GuardSettings.MIN_ITERATIONS);
        call(configuration, "update", values);
    }

    private Object service(String type) throws Exception {
        return service(type, null);
    }

    private Object service(String type, String filter) throws Exception {
        BundleContext context = felix.getBundleContext();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            // all references: this test's class path has its own copy of the SDK, so the assignable ones are none
            ServiceReference<?>[] references = context.getAllServiceReferences(type, filter);
            if (references != null) {
                return context.getService(references[0]);
            }
            Thread.sleep(20);
        }
        StringBuilder states = new StringBuilder();
        for (Bundle bundle : context.getBundles()) {
            states.append(bundle.getSymbolicName()).append('=').append(bundle.getState()).append(' ');
        }
        return fail("no " + type + " service within " + TIMEOUT_MILLIS + " ms; bundle states (32 = active): " + states);
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            Thread.sleep(20);
        }
        fail("not within " + TIMEOUT_MILLIS + " ms: " + what + (last == null ? "" : " (last failure: " + last + ")"));
    }

    /** Calls the public method {@code name} with {@code args} on {@code target}; exceptions surface unchecked. */
    private static Object call(Object target, String name, Object... args) {
        Class<?> type = target instanceof Class<?> named ? named : target.getClass();
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                try {
                    method.setAccessible(true);
                    return method.invoke(target instanceof Class<?> ? null : target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException(type + " has no method " + name + "/" + args.length);
    }
}
