package org.symphainy.runtime.internal.wal;

import java.time.Clock;
import java.util.Objects;

/**
 * How a log is opened and written. Immutable; start from {@link #defaults()} or {@link #builder()}.
 *
 * @param durability when an append counts as written ({@link Durability#FSYNC} by default)
 * @param segmentCapacity records per segment when a log is created (an existing log keeps its own); 4,096 by default
 * @param clock where record timestamps come from (UTC system clock by default)
 * @param chainCheck what opening does about the hash chain ({@link ChainCheck#REQUIRE_INTACT} by default)
 * @param maxBatchRecords most records in one commit (4,096)
 * @param maxBatchBytes most payload bytes in one commit, unless a single record is larger (8 MiB)
 * @param maxRecordBytes largest payload accepted (16 MiB)
 * @param queueCapacity appends waiting for the writer before {@code append} blocks its caller (65,536)
 */
public record WalOptions(Durability durability, int segmentCapacity, Clock clock, ChainCheck chainCheck,
        int maxBatchRecords, int maxBatchBytes, int maxRecordBytes, int queueCapacity) {

    /** Checks every value; the message names the one that is wrong. */
    public WalOptions {
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(chainCheck, "chainCheck");
        positive("segmentCapacity", segmentCapacity);
        positive("maxBatchRecords", maxBatchRecords);
        positive("maxBatchBytes", maxBatchBytes);
        positive("maxRecordBytes", maxRecordBytes);
        positive("queueCapacity", queueCapacity);
        if (maxRecordBytes > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("maxRecordBytes must be at most " + Integer.MAX_VALUE / 4
                    + "; store large contents as artifacts and log a reference to them");
        }
    }

    /** The defaults: durable (fsync), 4,096 records per segment, system clock, chain verified on open. */
    public static WalOptions defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().durability(durability).segmentCapacity(segmentCapacity).clock(clock)
                .chainCheck(chainCheck).maxBatchRecords(maxBatchRecords).maxBatchBytes(maxBatchBytes)
                .maxRecordBytes(maxRecordBytes).queueCapacity(queueCapacity);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** Builds {@link WalOptions}; every setter returns the builder. */
    public static final class Builder {

        private Durability durability = Durability.FSYNC;
        private int segmentCapacity = 4096;
        private Clock clock = Clock.systemUTC();
        private ChainCheck chainCheck = ChainCheck.REQUIRE_INTACT;
        private int maxBatchRecords = 4096;
        private int maxBatchBytes = 8 << 20;
        private int maxRecordBytes = 16 << 20;
        private int queueCapacity = 65_536;

        private Builder() {
        }

        /** See {@link WalOptions#durability()}. */
        public Builder durability(Durability value) {
            this.durability = value;
            return this;
        }

        /** See {@link WalOptions#segmentCapacity()}. */
        public Builder segmentCapacity(int value) {
            this.segmentCapacity = value;
            return this;
        }

        /** See {@link WalOptions#clock()}. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** See {@link WalOptions#chainCheck()}. */
        public Builder chainCheck(ChainCheck value) {
            this.chainCheck = value;
            return this;
        }

        /** See {@link WalOptions#maxBatchRecords()}. */
        public Builder maxBatchRecords(int value) {
            this.maxBatchRecords = value;
            return this;
        }

        /** See {@link WalOptions#maxBatchBytes()}. */
        public Builder maxBatchBytes(int value) {
            this.maxBatchBytes = value;
            return this;
        }

        /** See {@link WalOptions#maxRecordBytes()}. */
        public Builder maxRecordBytes(int value) {
            this.maxRecordBytes = value;
            return this;
        }

        /** See {@link WalOptions#queueCapacity()}. */
        public Builder queueCapacity(int value) {
            this.queueCapacity = value;
            return this;
        }

        /** The options; throws {@link IllegalArgumentException} naming a value that is out of range. */
        public WalOptions build() {
            return new WalOptions(durability, segmentCapacity, clock, chainCheck, maxBatchRecords, maxBatchBytes,
                    maxRecordBytes, queueCapacity);
        }
    }
}
