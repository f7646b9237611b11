package org.symphainy.admin.internal;

import java.lang.management.MemoryUsage;
import java.util.Locale;

import org.symphainy.sdk.health.HealthReport;
import org.symphainy.sdk.health.IntentStatus;
import org.symphainy.sdk.health.Readiness;

/**
 * Metrics in the Prometheus text exposition format 0.0.4, from what the services report: the Nurse's per-intent
 * executions in its window (completed, failed, running, readiness), the WAL's last sequence and the JVM heap.
 */
final class Metrics {

    /** The format's media type. */
    static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder(1024);

    /** The metrics of {@code report} (null when the Nurse is absent), {@code lastSequence} (null without a Ledger). */
    static String of(HealthReport report, Long lastSequence, MemoryUsage heap) {
        Metrics metrics = new Metrics();
        if (report != null) {
            metrics.executions(report);
            metrics.intents(report);
        }
        if (lastSequence != null) {
            metrics.family("symphainy_wal_last_sequence", "gauge", "Sequence number of the last durable WAL record");
            metrics.sample("symphainy_wal_last_sequence", null, lastSequence);
        }
        metrics.family("symphainy_up", "gauge", "1 if the platform is ready (registry, Runtime, every intent ready)");
        metrics.sample("symphainy_up", null, report != null && report.healthy() ? 1 : 0);
        metrics.family("jvm_memory_heap_used_bytes", "gauge", "Heap in use");
        metrics.sample("jvm_memory_heap_used_bytes", null, heap.getUsed());
        metrics.family("jvm_memory_heap_committed_bytes", "gauge", "Heap committed");
        metrics.sample("jvm_memory_heap_committed_bytes", null, heap.getCommitted());
        if (heap.getMax() >= 0) {
            metrics.family("jvm_memory_heap_max_bytes", "gauge", "Largest heap");
            metrics.sample("jvm_memory_heap_max_bytes", null, heap.getMax());
        }
        return metrics.text.toString();
    }

    private void executions(HealthReport report) {
        long completed = 0;
        long failed = 0;
        long running = 0;
        for (IntentStatus intent : report.intents()) {
            completed += intent.executions().completed();
            failed += intent.executions().failed();
            running += intent.executions().running();
        }
        family("symphainy_executions", "gauge", "Executions by state in the health window ("
                + report.window() + ")");
        sample("symphainy_executions", "state=\"COMPLETED\"", completed);
        sample("symphainy_executions", "state=\"FAILED\"", failed);
        sample("symphainy_executions", "state=\"RUNNING\"", running);
        family("symphainy_intents_submitted", "gauge", "Executions of declared intents in the health window");
        sample("symphainy_intents_submitted", null, completed + failed + running);
    }

    private void intents(HealthReport report) {
        family("symphainy_intent_completions", "gauge", "Completed executions per intent in the health window");
        for (IntentStatus intent : report.intents()) {
            sample("symphainy_intent_completions", type(intent), intent.executions().completed());
        }
        family("symphainy_intent_failures", "gauge", "Failed executions per intent in the health window");
        for (IntentStatus intent : report.intents()) {
            sample("symphainy_intent_failures", type(intent), intent.executions().failed());
        }
        family("symphainy_intent_ready", "gauge", "1 if the intent is ready");
        for (IntentStatus intent : report.intents()) {
            sample("symphainy_intent_ready", type(intent), intent.readiness() == Readiness.READY ? 1 : 0);
        }
    }

    private static String type(IntentStatus intent) {
        return "intent=\"" + escape(intent.type()) + "\"";
    }

    private void family(String name, String kind, String help) {
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        text.append("# TYPE ").append(name).append(' ').append(kind).append('\n');
    }

    private void sample(String name, String labels, double value) {
        text.append(name);
        if (labels != null) {
            text.append('{').append(labels).append('}');
        }
        text.append(' ');
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            text.append((long) value);
        } else {
            text.append(String.format(Locale.ROOT, "%s", value));
        }
        text.append('\n');
    }

    /** A label value escaped as the format requires (backslash, quote, newline). */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
