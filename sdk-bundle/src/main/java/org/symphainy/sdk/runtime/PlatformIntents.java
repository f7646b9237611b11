package org.symphainy.sdk.runtime;

/**
 * The intent types the Runtime itself provides. They pass the same governance pipeline as every other intent, so the
 * write-ahead log is also the audited record of who did what to the platform.
 */
public final class PlatformIntents {

    /** The built-in diagnostic: its payload comes back as one artifact of kind {@code platform.echo}. */
    public static final String ECHO = "platform.echo";

    /**
     * Approves an execution that is {@link ExecutionState#AWAITING_APPROVAL}: payload
     * {@code {"executionId": "...", "reason": "..."}}. The approver must be another principal than the one who submitted
     * it, of the same tenant; the execution then runs. Its artifact (kind {@link #APPROVAL_ARTIFACT}) records the verdict.
     */
    public static final String APPROVE = "platform.execution.approve";

    /**
     * Rejects an execution that is {@link ExecutionState#AWAITING_APPROVAL}, with the same payload as {@link #APPROVE};
     * the execution fails with {@code APPROVAL_REJECTED} and the reason.
     */
    public static final String REJECT = "platform.execution.reject";

    /** The kind of the artifact an approval or rejection produces: {@code {"executionId", "verdict", "reason"}}. */
    public static final String APPROVAL_ARTIFACT = "platform.approval";

    /**
     * Cancels an execution of the same tenant, with payload {@code {"executionId": "...", "reason": "..."}} (reason
     * optional): a saga stops before its next step and compensates the steps it completed, in reverse order, ending
     * {@link ExecutionState#COMPENSATED} with failure code {@code CANCELLED}; an execution whose only step has not
     * started (or waits for a retry) fails with {@code CANCELLED}. An ended execution, or one whose only step is
     * running, cannot be cancelled ({@code NOT_CANCELLABLE}). Its artifact (kind {@link #CANCELLATION_ARTIFACT})
     * records who cancelled what and why.
     */
    public static final String CANCEL = "platform.execution.cancel";

    /** The kind of the artifact a cancellation produces: {@code {"executionId", "cancelledBy", "reason"}}. */
    public static final String CANCELLATION_ARTIFACT = "platform.cancellation";

    private PlatformIntents() {
    }
}
