package org.symphainy.runtime.internal.record;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.symphainy.runtime.internal.record.KernelRecord.ExecutionCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionFailed;
import org.symphainy.runtime.internal.record.KernelRecord.IntentAccepted;
import org.symphainy.runtime.internal.record.KernelRecord.IntentDenied;
import org.symphainy.runtime.internal.record.KernelRecord.StepCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.StepFailed;
import org.symphainy.runtime.internal.record.KernelRecord.StepStarted;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Event;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;

/**
 * The binary form of kernel records in the WAL: a format byte, then the fields in order, strings and byte arrays
 * length-prefixed. Compact and allocation-light, because every intent writes at least three records.
 */
public final class RecordCodec {

    /** Format 2 added the principal to intent records; format 1 records (without it) are still read. */
    private static final int FORMAT = 2;
    private static final int FORMAT_WITHOUT_PRINCIPAL = 1;

    private RecordCodec() {
    }

    /** The bytes of {@code record}. */
    public static byte[] encode(KernelRecord record) {
        Out out = new Out(256);
        out.writeByte(FORMAT);
        string(out, record.executionId());
        instant(out, record.at());
        fields(out, record);
        return out.toByteArray();
    }

    /** A big-endian byte writer like DataOutputStream, without its stream layers and locks: every record is made here. */
    private static final class Out {

        private byte[] bytes;
        private int size;

        Out(int capacity) {
            bytes = new byte[capacity];
        }

        void writeByte(int value) {
            room(1);
            bytes[size++] = (byte) value;
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        void writeShort(int value) {
            room(2);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void writeInt(int value) {
            room(4);
            bytes[size++] = (byte) (value >>> 24);
            bytes[size++] = (byte) (value >>> 16);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void writeLong(long value) {
            writeInt((int) (value >>> 32));
            writeInt((int) value);
        }

        void write(byte[] value) {
            room(value.length);
            System.arraycopy(value, 0, bytes, size, value.length);
            size += value.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    private static void fields(Out out, KernelRecord record) {
        if (record instanceof IntentAccepted r) {
            intent(out, r.intent());
            decisions(out, r.decisions());
            handler(out, r.handler());
            out.writeLong(r.seed());
            string(out, r.payloadHash());
            principal(out, r.principal());
            out.writeBoolean(r.saga() != null);
            if (r.saga() != null) {
                bytes(out, SagaCodec.encode(r.saga()));
            }
        } else if (record instanceof IntentDenied r) {
            intent(out, r.intent());
            decisions(out, r.decisions());
            principal(out, r.principal());
        } else if (record instanceof StepStarted r) {
            out.writeInt(r.step());
            out.writeInt(r.attempt());
            out.writeBoolean(r.handler() != null);
            if (r.handler() != null) {
                handler(out, r.handler());
            }
        } else if (record instanceof KernelRecord.SagaFailed r) {
            out.writeInt(r.step());
            string(out, r.code().name());
            string(out, r.message());
        } else if (record instanceof KernelRecord.CompensationStarted r) {
            out.writeInt(r.step());
            out.writeInt(r.attempt());
            handler(out, r.handler());
        } else if (record instanceof KernelRecord.CompensationCompleted r) {
            out.writeInt(r.step());
            out.writeInt(r.attempt());
            artifacts(out, r.artifacts());
            events(out, r.events());
        } else if (record instanceof KernelRecord.CompensationFailed r) {
            out.writeInt(r.step());
            out.writeInt(r.attempt());
            string(out, r.code().name());
            string(out, r.message());
        } else if (record instanceof KernelRecord.SagaEnded r) {
            string(out, r.message());
        } else if (record instanceof KernelRecord.CancelRequested r) {
            string(out, r.cancelledBy());
            string(out, r.cancelExecutionId());
            nullable(out, r.reason());
        } else if (record instanceof KernelRecord.EffectRecorded r) {
            string(out, r.by());
            out.writeBoolean(r.applied());
            string(out, r.summary());
        } else if (record instanceof StepCompleted r) {
            out.writeInt(r.step());
            out.writeInt(r.attempt());
            artifacts(out, r.artifacts());
            events(out, r.events());
        } else if (record instanceof StepFailed r) {
            out.writeInt(r.step());
            out.writeInt(r.attempt());
            string(out, r.code().name());
            string(out, r.message());
        } else if (record instanceof ExecutionFailed r) {
            string(out, r.code().name());
            string(out, r.message());
        } else if (record instanceof KernelRecord.ExecutionApproved r) {
            string(out, r.approver());
            string(out, r.approvalExecutionId());
        }
        // ExecutionCompleted: nothing more
    }

    /** The record stored with {@code typeCode} as {@code payload}. */
    public static KernelRecord decode(int typeCode, byte[] payload) {
        RecordType type = RecordType.of(typeCode);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT && format != FORMAT_WITHOUT_PRINCIPAL) {
                throw new IllegalArgumentException("WAL record format " + format + " is not known to this kernel (knows "
                        + FORMAT_WITHOUT_PRINCIPAL + " and " + FORMAT + ")");
            }
            boolean principal = format >= FORMAT;
            String executionId = string(in);
            Instant at = instant(in);
            return switch (type) {
                case INTENT_ACCEPTED, INTENT_HELD -> new IntentAccepted(executionId, at, intent(in), decisions(in), handler(in),
                        in.readLong(), string(in), principal ? principal(in) : null,
                        in.available() > 0 && in.readBoolean() ? SagaCodec.decode(bytes(in)) : null);
                case INTENT_DENIED -> new IntentDenied(executionId, at, intent(in), decisions(in), principal ? principal(in) : null);
                case STEP_STARTED -> new StepStarted(executionId, at, in.readInt(), in.readInt(),
                        in.available() > 0 && in.readBoolean() ? handler(in) : null);
                case STEP_COMPLETED -> new StepCompleted(executionId, at, in.readInt(), in.readInt(), artifacts(in), events(in));
                case STEP_FAILED -> new StepFailed(executionId, at, in.readInt(), in.readInt(), ErrorCode.valueOf(string(in)), string(in));
                case EXECUTION_COMPLETED -> new ExecutionCompleted(executionId, at);
                case EXECUTION_FAILED -> new ExecutionFailed(executionId, at, ErrorCode.valueOf(string(in)), string(in));
                case EXECUTION_APPROVED -> new KernelRecord.ExecutionApproved(executionId, at, string(in), string(in));
                case SAGA_FAILED -> new KernelRecord.SagaFailed(executionId, at, in.readInt(), ErrorCode.valueOf(string(in)),
                        string(in));
                case COMPENSATION_STARTED -> new KernelRecord.CompensationStarted(executionId, at, in.readInt(), in.readInt(),
                        handler(in));
                case COMPENSATION_COMPLETED -> new KernelRecord.CompensationCompleted(executionId, at, in.readInt(),
                        in.readInt(), artifacts(in), events(in));
                case COMPENSATION_FAILED -> new KernelRecord.CompensationFailed(executionId, at, in.readInt(), in.readInt(),
                        ErrorCode.valueOf(string(in)), string(in));
                case SAGA_COMPENSATED -> new KernelRecord.SagaEnded(executionId, at, true, string(in));
                case SAGA_COMPENSATION_FAILED -> new KernelRecord.SagaEnded(executionId, at, false, string(in));
                case CANCEL_REQUESTED -> new KernelRecord.CancelRequested(executionId, at, string(in), string(in), nullable(in));
                case EFFECT_RECORDED -> new KernelRecord.EffectRecorded(executionId, at, string(in), in.readBoolean(),
                        string(in));
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("WAL record of type " + type + " is truncated or corrupt: " + e.getMessage(), e);
        }
    }

    /**
     * The head of the record stored with {@code typeCode} as {@code payload}: what the execution index needs, read
     * without building the intent, its decisions or its artifacts (recovery reads every record of the log this way).
     */
    public static RecordHead decodeHead(int typeCode, byte[] payload) {
        RecordType type = RecordType.of(typeCode);
        Fields in = new Fields(payload, type);
        int format = in.unsignedByte();
        if (format != FORMAT && format != FORMAT_WITHOUT_PRINCIPAL) {
            throw new IllegalArgumentException("WAL record format " + format + " is not known to this kernel (knows "
                    + FORMAT_WITHOUT_PRINCIPAL + " and " + FORMAT + ")");
        }
        String executionId = in.string();
        Instant at = Instant.ofEpochSecond(in.int64(), in.int32());
        return switch (type) {
            case INTENT_ACCEPTED, INTENT_HELD, INTENT_DENIED -> {
                String intentType = in.string();
                in.skipNullable(); // version range
                String tenant = in.string();
                in.skip(); // session
                String actor = in.string();
                in.skip(); // payload
                String idempotencyKey = in.nullable();
                in.skip(); // correlation id
                if (type == RecordType.INTENT_DENIED) {
                    yield new RecordHead(type, executionId, at, 0, 0, null, null,
                            new RecordHead.Admission(intentType, tenant, actor, idempotencyKey, null, null, 0));
                }
                in.skipDecisions();
                HandlerRef handler = new HandlerRef(in.string(), in.string(), in.string(), in.string());
                long seed = in.int64();
                String payloadHash = in.string();
                boolean saga = format >= FORMAT && in.skipPrincipal() && in.more() && in.unsignedByte() != 0;
                yield new RecordHead(type, executionId, at, 0, 0, null, null,
                        new RecordHead.Admission(intentType, tenant, actor, idempotencyKey, payloadHash, handler, seed, saga));
            }
            case STEP_STARTED, COMPENSATION_STARTED -> {
                int step = in.int32();
                int attempt = in.int32();
                boolean own = type == RecordType.COMPENSATION_STARTED || (in.more() && in.unsignedByte() != 0);
                HandlerRef handler = own ? new HandlerRef(in.string(), in.string(), in.string(), in.string()) : null;
                yield new RecordHead(type, executionId, at, attempt, 0, null, null, null, step, handler);
            }
            case STEP_COMPLETED, COMPENSATION_COMPLETED -> {
                int step = in.int32();
                int attempt = in.int32();
                yield new RecordHead(type, executionId, at, attempt, in.int32(), null, null, null, step);
            }
            case STEP_FAILED, COMPENSATION_FAILED -> {
                int step = in.int32();
                int attempt = in.int32();
                yield new RecordHead(type, executionId, at, attempt, 0, ErrorCode.valueOf(in.string()), in.string(), null, step);
            }
            case SAGA_FAILED -> {
                int step = in.int32();
                yield new RecordHead(type, executionId, at, 0, 0, ErrorCode.valueOf(in.string()), in.string(), null, step);
            }
            case SAGA_COMPENSATED, SAGA_COMPENSATION_FAILED -> new RecordHead(type, executionId, at, 0, 0, null, in.string(), null);
            case CANCEL_REQUESTED -> new RecordHead(type, executionId, at, 0, 0, null,
                    RecordHead.cancellation(in.string(), in.string(), in.nullable()), null);
            case EXECUTION_COMPLETED, EFFECT_RECORDED -> new RecordHead(type, executionId, at, 0, 0, null, null, null);
            case EXECUTION_FAILED -> new RecordHead(type, executionId, at, 0, 0, ErrorCode.valueOf(in.string()), in.string(), null);
            case EXECUTION_APPROVED -> new RecordHead(type, executionId, at, 0, 0, null,
                    RecordHead.approval(in.string(), in.string()), null);
        };
    }

    /** A bounds-checked reader over one record's bytes, for heads: strings it needs, skips over the rest. */
    private static final class Fields {

        private final byte[] bytes;
        private final RecordType type;
        private int position;

        Fields(byte[] bytes, RecordType type) {
            this.bytes = bytes;
            this.type = type;
        }

        int unsignedByte() {
            need(1);
            return bytes[position++] & 0xff;
        }

        int int32() {
            need(4);
            int value = ((bytes[position] & 0xff) << 24) | ((bytes[position + 1] & 0xff) << 16)
                    | ((bytes[position + 2] & 0xff) << 8) | (bytes[position + 3] & 0xff);
            position += 4;
            return value;
        }

        long int64() {
            return ((long) int32() << 32) | (int32() & 0xffffffffL);
        }

        int unsignedShort() {
            need(2);
            int value = ((bytes[position] & 0xff) << 8) | (bytes[position + 1] & 0xff);
            position += 2;
            return value;
        }

        String string() {
            int length = length();
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        String nullable() {
            return unsignedByte() != 0 ? string() : null;
        }

        void skip() {
            int length = length(); // not "position += length()": that would add to the position before the length was read
            position += length;
        }

        void skipNullable() {
            if (unsignedByte() != 0) {
                skip();
            }
        }

        /** Skips a recorded principal (a flag, then its fields); true, for use in a condition. */
        boolean skipPrincipal() {
            if (unsignedByte() != 0) {
                skip(); // tenant
                skip(); // actor
                int roles = unsignedShort();
                for (int i = 0; i < roles; i++) {
                    skip();
                }
                skip(); // authenticated by
            }
            return true;
        }

        /** True if bytes are left. */
        boolean more() {
            return position < bytes.length;
        }

        void skipDecisions() {
            int count = unsignedShort();
            for (int i = 0; i < count; i++) {
                need(2);
                position += 2; // stage, allowed
                skipNullable(); // code
                int reasons = unsignedShort();
                for (int j = 0; j < reasons; j++) {
                    skip();
                }
            }
        }

        private int length() {
            int length = int32();
            if (length < 0 || length > bytes.length - position) {
                throw corrupt("a length of " + length + " runs past the end of the record");
            }
            return length;
        }

        private void need(int count) {
            if (bytes.length - position < count) {
                throw corrupt("it ends " + (count - (bytes.length - position)) + " bytes early");
            }
        }

        private IllegalArgumentException corrupt(String why) {
            return new IllegalArgumentException("WAL record of type " + type + " is truncated or corrupt: " + why);
        }
    }

    private static void intent(Out out, Intent intent) {
        string(out, intent.type());
        nullable(out, intent.versionRange());
        string(out, intent.tenant());
        string(out, intent.session());
        string(out, intent.actor());
        bytes(out, intent.payload().bytes());
        nullable(out, intent.idempotencyKey());
        string(out, intent.correlationId());
    }

    private static Intent intent(DataInputStream in) throws IOException {
        return Intent.builder(string(in)).versionRange(nullable(in)).tenant(string(in)).session(string(in)).actor(string(in))
                .payload(Json.of(bytes(in))).idempotencyKey(nullable(in)).correlationId(string(in)).build();
    }

    private static void decisions(Out out, List<Decision> decisions) {
        out.writeShort(decisions.size());
        for (Decision decision : decisions) {
            out.writeByte(decision.stage().ordinal());
            out.writeBoolean(decision.allowed());
            nullable(out, decision.code());
            out.writeShort(decision.reasons().size());
            for (String reason : decision.reasons()) {
                string(out, reason);
            }
        }
    }

    private static List<Decision> decisions(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        List<Decision> decisions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Stage stage = Stage.values()[in.readUnsignedByte()];
            boolean allowed = in.readBoolean();
            String code = nullable(in);
            int reasonCount = in.readUnsignedShort();
            List<String> reasons = new ArrayList<>(reasonCount);
            for (int j = 0; j < reasonCount; j++) {
                reasons.add(string(in));
            }
            decisions.add(new Decision(stage, allowed, reasons, code));
        }
        return decisions;
    }

    /** A principal, or its absence: a flag, then tenant, actor, roles and how it was authenticated. */
    private static void principal(Out out, Principal principal) {
        out.writeBoolean(principal != null);
        if (principal != null) {
            string(out, principal.tenant());
            string(out, principal.actor());
            out.writeShort(principal.roles().size());
            for (String role : principal.roles()) {
                string(out, role);
            }
            string(out, principal.authenticatedBy());
        }
    }

    private static Principal principal(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String tenant = string(in);
        String actor = string(in);
        int count = in.readUnsignedShort();
        java.util.Set<String> roles = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            roles.add(string(in));
        }
        return new Principal(tenant, actor, roles, string(in));
    }

    private static void handler(Out out, HandlerRef handler) {
        string(out, handler.bundleSymbolicName());
        string(out, handler.bundleVersion());
        string(out, handler.intentType());
        string(out, handler.intentVersion());
    }

    private static HandlerRef handler(DataInputStream in) throws IOException {
        return new HandlerRef(string(in), string(in), string(in), string(in));
    }

    private static void artifacts(Out out, List<Artifact> artifacts) {
        out.writeInt(artifacts.size());
        for (Artifact artifact : artifacts) {
            string(out, artifact.kind());
            string(out, artifact.mediaType());
            bytes(out, artifact.content());
        }
    }

    private static List<Artifact> artifacts(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Artifact> artifacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            artifacts.add(Artifact.of(string(in), string(in), bytes(in)));
        }
        return artifacts;
    }

    private static void events(Out out, List<Event> events) {
        out.writeInt(events.size());
        for (Event event : events) {
            string(out, event.type());
            bytes(out, event.payload().bytes());
        }
    }

    private static List<Event> events(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new Event(string(in), Json.of(bytes(in))));
        }
        return events;
    }

    private static void instant(Out out, Instant instant) {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void nullable(Out out, String value) {
        out.writeBoolean(value != null);
        if (value != null) {
            string(out, value);
        }
    }

    private static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? string(in) : null;
    }

    private static void string(Out out, String value) {
        bytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(DataInputStream in) throws IOException {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static void bytes(Out out, byte[] value) {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a length of " + length + " runs past the end of the record");
        }
        return in.readNBytes(length);
    }
}
