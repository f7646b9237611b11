package org.symphainy.curator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Submission;

/** The platform's own submissions: one kept session per system actor, opened anew only when the Traffic Cop ended it. */
class PlatformSubmitterTest {

    private final Map<String, Session> active = new ConcurrentHashMap<>();
    private final List<Principal> opened = new CopyOnWriteArrayList<>();
    private final List<Intent> submitted = new CopyOnWriteArrayList<>();
    private long lifetimeSeconds = 3600;

    private final PlatformSubmitter submitter = new PlatformSubmitter(runtime(), sessions());

    @Test
    void anActorKeepsItsSessionWhileItIsActive() {
        submitter.submit("deploy-folder", "platform.bundle.install", "{\"sha256\": \"ab\"}");
        submitter.submit("deploy-folder", "platform.bundle.install", "{\"sha256\": \"cd\"}");
        submitter.submit("deployer", "platform.bundle.uninstall", "{\"symbolicName\": \"org.acme\"}");

        assertEquals(2, opened.size(), "one session per actor: " + opened);
        assertEquals(submitted.get(0).session(), submitted.get(1).session());
        assertNotEquals(submitted.get(0).session(), submitted.get(2).session());
        assertEquals(new Principal("system", "deploy-folder", java.util.Set.of("admin"), "platform"), opened.get(0));
        assertEquals("deploy-folder", submitted.get(1).actor());
        assertEquals("system", submitted.get(1).tenant());
    }

    @Test
    void aSessionTheTrafficCopEndedOrThatIsAboutToExpireIsReplaced() {
        submitter.submit("deploy-folder", "platform.bundle.install", "{\"sha256\": \"ab\"}");
        active.clear(); // revoked, or swept after it expired

        submitter.submit("deploy-folder", "platform.bundle.install", "{\"sha256\": \"cd\"}");
        lifetimeSeconds = 30; // the next one opened expires within the margin
        active.clear();
        submitter.submit("deploy-folder", "platform.bundle.install", "{\"sha256\": \"ef\"}");
        submitter.submit("deploy-folder", "platform.bundle.install", "{\"sha256\": \"01\"}");

        assertEquals(4, opened.size(), "a session is not reused once it ended or has under a minute left");
        assertEquals(4, submitted.stream().map(Intent::session).distinct().count());
    }

    private Runtime runtime() {
        return (Runtime) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Runtime.class},
                (proxy, method, args) -> {
                    if (!"submit".equals(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    submitted.add((Intent) args[0]);
                    return new Submission(UUID.randomUUID().toString(), Instant.now(), false);
                });
    }

    private Sessions sessions() {
        return (Sessions) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Sessions.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "open" -> {
                        Instant now = Instant.now();
                        Session session = new Session(UUID.randomUUID().toString(), (Principal) args[0], now,
                                now.plusSeconds(lifetimeSeconds));
                        opened.add((Principal) args[0]);
                        active.put(session.id(), session);
                        yield session;
                    }
                    case "find" -> Optional.ofNullable(active.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
