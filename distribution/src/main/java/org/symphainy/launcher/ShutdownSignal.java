package org.symphainy.launcher;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) ask for an orderly stop, which then exits 0. A second signal while stopping halts at once.
 */
final class ShutdownSignal {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();

    /** Replaces the JVM's default handling of SIGTERM and SIGINT. */
    static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), s -> signal.receive(s.getName()));
        }
        return signal;
    }

    /** Counted down when a stop is requested. */
    CountDownLatch requested() {
        return requested;
    }

    private void receive(String name) {
        if (received.incrementAndGet() > 1) {
            LifecycleLog.LOG.warn("SIG" + name + " again: halting without waiting for bundles to stop");
            Runtime.getRuntime().halt(130);
        }
        LifecycleLog.LOG.info("SIG" + name + " received: stopping");
        requested.countDown();
    }
}
