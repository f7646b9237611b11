package org.symphainy.sdk.governance;

import java.util.List;
import java.util.Set;

import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.internal.Checks;

/**
 * Thrown when the governance pipeline denies an intent, with every decision taken (the last one is the denial) so the
 * caller can see which stage said no and why. Its code is the denial's own when that names a caller-facing
 * {@link ErrorCode} ({@link Decision#UNKNOWN_TENANT}, {@link Decision#UNAUTHENTICATED}, {@link Decision#FORBIDDEN},
 * {@link Decision#QUOTA_EXCEEDED}, {@link Decision#PAYLOAD_INVALID}, {@link Decision#APPROVAL_REQUIRED},
 * {@link Decision#NOT_AWAITING_APPROVAL}), otherwise
 * {@link ErrorCode#DENIED}.
 */
public class IntentDeniedException extends IntentException {

    private static final long serialVersionUID = 1L;

    private final List<Decision> decisions;

    /** A denial of an intent of {@code intentType}; {@code decisions} must end with a denial. */
    public IntentDeniedException(String intentType, List<Decision> decisions) {
        super(code(decisions), message(intentType, decisions));
        this.decisions = Checks.list("decisions", decisions);
    }

    private static final Set<String> CALLER_CODES = Set.of(Decision.UNKNOWN_TENANT, Decision.UNAUTHENTICATED,
            Decision.FORBIDDEN, Decision.QUOTA_EXCEEDED, Decision.PAYLOAD_INVALID, Decision.APPROVAL_REQUIRED,
            Decision.NOT_AWAITING_APPROVAL);

    private static ErrorCode code(List<Decision> decisions) {
        String code = decisions == null || decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).code();
        return code != null && CALLER_CODES.contains(code) ? ErrorCode.valueOf(code) : ErrorCode.DENIED;
    }

    private static String message(String intentType, List<Decision> decisions) {
        Checks.present("decisions", decisions);
        if (decisions.isEmpty() || decisions.get(decisions.size() - 1).allowed()) {
            throw new IllegalArgumentException("decisions must end with the denial; got " + decisions);
        }
        Decision denial = decisions.get(decisions.size() - 1);
        return "intent '" + intentType + "' was denied by the " + denial.stage().roleName() + " (" + denial.code()
                + "): " + String.join("; ", denial.reasons());
    }

    /** Every decision taken, in pipeline order; the last is the denial. */
    public List<Decision> decisions() {
        return decisions;
    }

    /** The decision that denied the intent. */
    public Decision denial() {
        return decisions.get(decisions.size() - 1);
    }
}
