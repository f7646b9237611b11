package org.symphainy.runtime.internal.record;

/** The WAL type codes of kernel records. Codes are stored: never renumber, only add. */
public enum RecordType {
    INTENT_ACCEPTED(1),
    INTENT_DENIED(2),
    STEP_STARTED(3),
    STEP_COMPLETED(4),
    STEP_FAILED(5),
    EXECUTION_COMPLETED(6),
    EXECUTION_FAILED(7),
    /** An IntentAccepted whose decisions hold it until a second principal approves (same fields). */
    INTENT_HELD(8),
    EXECUTION_APPROVED(9),
    /** A saga's step failed for good, the saga timed out or was cancelled: compensation begins. */
    SAGA_FAILED(10),
    COMPENSATION_STARTED(11),
    COMPENSATION_COMPLETED(12),
    COMPENSATION_FAILED(13),
    /** Every completed step of a saga was compensated: it ended COMPENSATED. */
    SAGA_COMPENSATED(14),
    /** A compensation failed for good: the saga ended COMPENSATION_FAILED. */
    SAGA_COMPENSATION_FAILED(15),
    /** A platform.execution.cancel intent asked to cancel the execution. */
    CANCEL_REQUESTED(16),
    /** A projection recorded what came of a completed execution's change outside the log (applied or not). */
    EFFECT_RECORDED(17);

    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    /** The code stored in the WAL. */
    public int code() {
        return code;
    }

    /** The type of a stored code. */
    public static RecordType of(int code) {
        for (RecordType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("WAL record type " + code + " is not a kernel record type");
    }
}
