package org.symphainy.nurse.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.health.HealthReport;
import org.symphainy.sdk.health.IntentHealth;
import org.symphainy.sdk.health.IntentStatus;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.runtime.Runtime;

/**
 * The Nurse's {@link IntentHealth}: readiness from the {@link IntentRegistry}, asked at each report, and execution counts
 * over a sliding window from an {@link ExecutionWatch} that looks at the {@link Runtime} every
 * {@code healthPollInterval} on a daemon thread of its own, so neither asking for a report nor executing slows the
 * other. Both references are optional and dynamic: without them the report says what it cannot tell. Configured by
 * PID {@code org.symphainy.nurse} ({@link NurseConfig}); a bad value is refused with an ERROR line, the settings in
 * force stay.
 */
@Component(name = "org.symphainy.nurse.health", service = IntentHealth.class, configurationPid = NurseConfig.PID)
public final class NurseHealth implements IntentHealth {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.nurse");

    private final Clock clock;
    private final AtomicReference<Runtime> runtime = new AtomicReference<>();
    private final AtomicReference<IntentRegistry> registry = new AtomicReference<>();
    private final ExecutionWatch watch = new ExecutionWatch();
    private final ScheduledExecutorService poller;
    private volatile HealthSettings settings;
    private volatile WindowCounts counts;
    private volatile String pollProblem;
    private Runtime watched;
    private ScheduledFuture<?> schedule;

    /** Starts with {@code config} (the defaults if it has a bad value) and the poller. */
    @Activate
    public NurseHealth(NurseConfig config) {
        this(config, Clock.systemUTC());
    }

    /** As the public constructor, reading the time from {@code clock}. */
    NurseHealth(NurseConfig config, Clock clock) {
        this.clock = clock;
        this.settings = accept(config, HealthSettings.DEFAULTS, "the defaults");
        this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "symphainy-nurse-health");
            thread.setDaemon(true);
            return thread;
        });
        reschedule();
        LOG.info("Nurse intent health ready ({})", settings);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindRuntime")
    void bindRuntime(Runtime service) {
        runtime.set(service);
    }

    void unbindRuntime(Runtime service) {
        runtime.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindRegistry")
    void bindRegistry(IntentRegistry service) {
        registry.set(service);
    }

    void unbindRegistry(IntentRegistry service) {
        registry.compareAndSet(service, null);
    }

    /** Applies a changed configuration, unless it has a bad value; a new window starts the counts afresh. */
    @Modified
    synchronized void modified(NurseConfig config) {
        HealthSettings previous = settings;
        HealthSettings next = accept(config, previous, "the settings in force");
        if (next.equals(previous)) {
            return;
        }
        settings = next;
        if (!next.window().equals(previous.window()) || !next.followFor().equals(previous.followFor())) {
            watch.reset();
            counts = null;
        }
        reschedule();
        LOG.info("Nurse intent health reconfigured: {}", next);
    }

    /** Stops the poller. */
    @Deactivate
    void deactivate() {
        poller.shutdownNow();
    }

    @Override
    public HealthReport report() {
        Runtime current = runtime.get();
        return HealthReports.assemble(clock.instant(), settings.window(), registry.get(), current != null, counts,
                pollProblem);
    }

    @Override
    public List<IntentStatus> intents() {
        return report().intents();
    }

    @Override
    public Optional<IntentStatus> intent(String intentType) {
        return intents().stream().filter(status -> status.type().equals(intentType)).findFirst();
    }

    /** Looks at the Runtime once now (the poller's task; tests call it). */
    synchronized void poll() {
        Runtime current = runtime.get();
        if (current != watched) {
            watch.reset();
            counts = null;
            watched = current;
        }
        if (current == null) {
            pollProblem = null;
            return;
        }
        try {
            counts = watch.poll(current, clock.instant(), settings);
            if (pollProblem != null) {
                LOG.info("the Nurse reads the Runtime's executions again");
            }
            pollProblem = null;
        } catch (RuntimeException e) {
            String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!problem.equals(pollProblem)) {
                LOG.warn("the Nurse could not read the Runtime's executions ({}); it tries again every {}", problem,
                        Durations.format(settings.pollInterval()));
            }
            pollProblem = problem;
        }
    }

    /** Polls every {@code healthPollInterval}, the first time at once. */
    private synchronized void reschedule() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        long millis = settings.pollInterval().toMillis();
        schedule = poller.scheduleWithFixedDelay(this::pollGuarded, 0, millis, TimeUnit.MILLISECONDS);
    }

    /** Polls; anything unexpected is logged and the next poll still happens. */
    private void pollGuarded() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.error("the Nurse's look at the Runtime failed unexpectedly; the next one is in {}",
                    Durations.format(settings.pollInterval()), e);
        }
    }

    /** The settings {@code config} describes, or {@code fallback} (logging why) if it has a bad value. */
    private static HealthSettings accept(NurseConfig config, HealthSettings fallback, String fallbackName) {
        HealthSettings.Reading reading = HealthSettings.read(config);
        if (reading.settings() != null) {
            return reading.settings();
        }
        for (String problem : reading.problems()) {
            LOG.error("configuration {} refused: {}. The Nurse's intent health keeps {} ({}) until the configuration "
                    + "is fixed", NurseConfig.PID, problem, fallbackName, fallback);
        }
        return fallback;
    }
}
