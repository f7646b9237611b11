package org.symphainy.sdk.governance;

import java.util.List;

import org.symphainy.sdk.internal.Checks;

/**
 * One stage's verdict on an intent, always with reasons a person can read. A denial also carries a stable code (upper
 * case, such as {@code QUOTA_EXCEEDED}) that clients may branch on. An allowance has no code, except one condition:
 * {@link #APPROVAL_REQUIRED}, an allowance that holds the execution until a second principal approves it
 * ({@link #allowOnApproval}). The Runtime records every decision with the execution, allowed or not.
 *
 * @param stage the stage that decided
 * @param allowed true to let the intent proceed, false to deny it
 * @param reasons why, in plain words; at least one
 * @param code the stable code of a denial; on an allowance null, or {@link #APPROVAL_REQUIRED} for a held one
 */
public record Decision(Stage stage, boolean allowed, List<String> reasons, String code) {

    /** The code of the denial the Runtime records for a role that has no registered service. */
    public static final String ROLE_UNAVAILABLE = "ROLE_UNAVAILABLE";

    /** The code of the denial the Runtime records for a role that threw or returned an unusable decision. */
    public static final String ROLE_FAILED = "ROLE_FAILED";

    /**
     * The code a stage (the City Manager, which keeps the tenants) denies with when the intent's tenant is not one the
     * platform knows. This and the codes below name an {@code ErrorCode}: a denial with one of them reaches the caller
     * as an {@link IntentDeniedException} with that code (so Experience answers 401, 403, 429 or 422 as fits); any
     * other denial code reaches it as {@code DENIED}.
     */
    public static final String UNKNOWN_TENANT = "UNKNOWN_TENANT";

    /** The code of a denial because the intent's session proves no one (unknown, expired, revoked). */
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";

    /** The code of a denial because the principal may not do this. */
    public static final String FORBIDDEN = "FORBIDDEN";

    /** The code of a denial because the tenant's quota is used up for now. */
    public static final String QUOTA_EXCEEDED = "QUOTA_EXCEEDED";

    /** The code of a denial because the payload does not match the intent's schema. */
    public static final String PAYLOAD_INVALID = "PAYLOAD_INVALID";

    /**
     * On an allowance, the condition that a second principal approves before the execution runs (the Runtime records it
     * as {@code AWAITING_APPROVAL}); on a denial, that an approval was asked for and could not be given.
     */
    public static final String APPROVAL_REQUIRED = "APPROVAL_REQUIRED";

    /** The code of a denial of an approval or rejection whose execution is not waiting for one. */
    public static final String NOT_AWAITING_APPROVAL = "NOT_AWAITING_APPROVAL";

    /** Checks the rules: reasons present and not blank; a code on a denial; on an allowance none or APPROVAL_REQUIRED. */
    public Decision {
        Checks.present("stage", stage);
        reasons = Checks.list("reasons", reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException(stage + " decision has no reasons; give at least one, in plain words");
        }
        reasons.forEach(reason -> Checks.text(stage + " decision reason", reason));
        if (allowed && code != null && !APPROVAL_REQUIRED.equals(code)) {
            throw new IllegalArgumentException(stage + " allowed the intent but gave code '" + code
                    + "'; an allowance's only code is " + APPROVAL_REQUIRED + " (allowed once a second principal approves)");
        }
        if (!allowed && !Checks.isCode(code)) {
            throw new IllegalArgumentException(stage + " denied the intent with code '" + Checks.printable(code)
                    + "'; a denial needs a stable code of upper-case letters, digits and '_', such as 'QUOTA_EXCEEDED'");
        }
    }

    /** An allowance by {@code stage}, for {@code reason}. */
    public static Decision allow(Stage stage, String reason) {
        return new Decision(stage, true, List.of(Checks.present("reason", reason)), null);
    }

    /**
     * An allowance by {@code stage} on condition that a second principal approves the execution first, for
     * {@code reason} (which should say what requires the approval).
     */
    public static Decision allowOnApproval(Stage stage, String reason) {
        return new Decision(stage, true, List.of(Checks.present("reason", reason)), APPROVAL_REQUIRED);
    }

    /** A denial by {@code stage} with a stable {@code code}, for {@code reason}. */
    public static Decision deny(Stage stage, String code, String reason) {
        return new Decision(stage, false, List.of(Checks.present("reason", reason)), code);
    }

    /** True if this decision allows the intent only once a second principal approves it. */
    public boolean needsApproval() {
        return allowed && APPROVAL_REQUIRED.equals(code);
    }

    /** True if this decision denies the intent. */
    public boolean denied() {
        return !allowed;
    }

    /** {@code Security Guard denied (NOT_AUTHORISED): actor bob may not ...}, as messages show a decision. */
    @Override
    public String toString() {
        return stage.roleName() + (!allowed ? " denied (" + code + "): " : needsApproval() ? " allowed once approved: "
                : " allowed: ") + String.join("; ", reasons);
    }
}
