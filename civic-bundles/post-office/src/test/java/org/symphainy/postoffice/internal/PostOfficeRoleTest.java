package org.symphainy.postoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.delivery.DeliveryEnd.Reason;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;

class PostOfficeRoleTest {

    private final FakeRuntime runtime = new FakeRuntime();

    @Test
    void deliversThroughTheServiceAndEndsDeliveriesWhenDeactivated() throws Exception {
        PostOfficeRole role = new PostOfficeRole(runtime, Configs.defaults());
        String ended = runtime.accept();
        runtime.runToCompletion(ended);
        String running = runtime.accept();
        Recorder all = new Recorder();
        Recorder open = new Recorder();

        role.subscribe(ended, 0, all);
        role.subscribe(running, 0, open);
        MailroomTest.await(() -> open.updates.size() == 1, "update 1 of the running execution was not delivered");
        // the ended execution's delivery runs on another delivery thread: it must be done before the role stops
        MailroomTest.await(() -> all.updates.size() == 4, "the ended execution's 4 updates were not delivered");
        role.deactivate();

        assertEquals(List.of(1L, 2L, 3L, 4L), all.sequences());
        assertEquals(Reason.EXECUTION_ENDED, all.awaitEnd().reason());
        assertEquals(Reason.STOPPED, open.awaitEnd().reason());
        assertEquals(0, runtime.openSubscriptions.get());
        assertEquals(ErrorCode.UNKNOWN_EXECUTION,
                assertThrows(IntentException.class, () -> new PostOfficeRole(runtime, Configs.defaults())
                        .subscribe("ex-404", 0, new Recorder())).code());
    }

    @Test
    void startsWithTheDefaultsUnderAnInvalidConfigurationAndKeepsTheLastGoodOne() {
        PostOfficeRole role = new PostOfficeRole(runtime, Configs.of(Map.of("maxLagUpdates", 0)));
        try {
            assertEquals(DeliveryPolicy.DEFAULTS, role.mailroom().policy());

            role.modified(Configs.of(Map.of("deliveryThreads", 2, "maxLagUpdates", 10)));
            assertEquals(2, role.mailroom().policy().deliveryThreads());
            assertEquals(10, role.mailroom().policy().maxLag());

            role.modified(Configs.of(Map.of("deliveryThreads", 100, "maxLagUpdates", 20)));
            assertEquals(10, role.mailroom().policy().maxLag(), "a configuration with a bad value is refused whole");
        } finally {
            role.deactivate();
        }
    }
}
