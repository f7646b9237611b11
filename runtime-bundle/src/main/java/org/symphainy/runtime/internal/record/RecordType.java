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
    EXECUTION_APPROVED(9);

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
