package org.symphainy.runtime.internal.record;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.saga.Compensation;
import org.symphainy.sdk.saga.PayloadMapping;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaStep;

/**
 * The binary form of a saga definition, recorded with the saga's IntentAccepted: the saga runs, resumes and replays
 * by the definition it was accepted with, whatever the deployed bundles declare later.
 */
final class SagaCodec {

    private SagaCodec() {
    }

    static byte[] encode(SagaDefinition saga) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(saga.intentType());
            duration(out, saga.timeout());
            out.writeInt(saga.steps().size());
            for (SagaStep step : saga.steps()) {
                out.writeUTF(step.name());
                out.writeUTF(step.intentType());
                mappings(out, step.payload());
                out.writeBoolean(step.compensation() != null);
                if (step.compensation() != null) {
                    out.writeUTF(step.compensation().intentType());
                    mappings(out, step.compensation().payload());
                }
                out.writeBoolean(step.retry() != null);
                if (step.retry() != null) {
                    retry(out, step.retry());
                }
                duration(out, step.timeout());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static SagaDefinition decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        String intentType = in.readUTF();
        Duration timeout = duration(in);
        int count = in.readInt();
        List<SagaStep> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            String stepIntent = in.readUTF();
            List<PayloadMapping> payload = mappings(in);
            Compensation compensation = in.readBoolean() ? new Compensation(in.readUTF(), mappings(in)) : null;
            RetryPolicy retry = in.readBoolean() ? retry(in) : null;
            steps.add(new SagaStep(name, stepIntent, payload, compensation, retry, duration(in)));
        }
        return new SagaDefinition(intentType, steps, timeout);
    }

    private static void mappings(DataOutputStream out, List<PayloadMapping> mappings) throws IOException {
        out.writeInt(mappings.size());
        for (PayloadMapping mapping : mappings) {
            out.writeUTF(mapping.target());
            out.writeUTF(mapping.source());
        }
    }

    private static List<PayloadMapping> mappings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<PayloadMapping> mappings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            mappings.add(new PayloadMapping(in.readUTF(), in.readUTF()));
        }
        return mappings;
    }

    private static void retry(DataOutputStream out, RetryPolicy retry) throws IOException {
        out.writeInt(retry.maxAttempts());
        duration(out, retry.initialInterval());
        out.writeDouble(retry.backoffCoefficient());
        duration(out, retry.maxInterval());
        out.writeDouble(retry.jitter());
        out.writeInt(retry.nonRetryable().size());
        for (ErrorCode code : retry.nonRetryable()) {
            out.writeUTF(code.name());
        }
    }

    private static RetryPolicy retry(DataInputStream in) throws IOException {
        int maxAttempts = in.readInt();
        Duration initial = duration(in);
        double coefficient = in.readDouble();
        Duration max = duration(in);
        double jitter = in.readDouble();
        int count = in.readInt();
        Set<ErrorCode> nonRetryable = EnumSet.noneOf(ErrorCode.class);
        for (int i = 0; i < count; i++) {
            nonRetryable.add(ErrorCode.valueOf(in.readUTF()));
        }
        return new RetryPolicy(maxAttempts, initial, coefficient, max, jitter, nonRetryable);
    }

    private static void duration(DataOutputStream out, Duration duration) throws IOException {
        out.writeBoolean(duration != null);
        if (duration != null) {
            out.writeLong(duration.getSeconds());
            out.writeInt(duration.getNano());
        }
    }

    private static Duration duration(DataInputStream in) throws IOException {
        return in.readBoolean() ? Duration.ofSeconds(in.readLong(), in.readInt()) : null;
    }
}
