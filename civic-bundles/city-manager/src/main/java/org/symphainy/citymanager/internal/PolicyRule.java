package org.symphainy.citymanager.internal;

/**
 * One compiled policy rule: which intents and tenant it is about, its optional condition, and its effect.
 *
 * @param order its position in the document, from 0; the first rule that matches decides
 * @param id its id, named in decisions and what-if reports
 * @param allow true for {@code "effect": "allow"} and {@code "approve"}, false for {@code "deny"}
 * @param approval true for {@code "effect": "approve"}: allowed once a second principal approves the execution
 * @param intent the intent types it applies to
 * @param tenant the tenant it applies to; null for every tenant
 * @param condition its {@code when} condition; null if it has none (always true)
 * @param reason the author's reason, or null
 */
record PolicyRule(int order, String id, boolean allow, boolean approval, IntentPattern intent, String tenant,
        PolicyLanguage.Condition condition, String reason) {

    /** True if the rule is about intents of {@code tenant}. */
    boolean appliesToTenant(String intentTenant) {
        return tenant == null || tenant.equals(intentTenant);
    }

    /** {@code allow}, {@code approve} or {@code deny}. */
    String effect() {
        return approval ? "approve" : allow ? "allow" : "deny";
    }
}
