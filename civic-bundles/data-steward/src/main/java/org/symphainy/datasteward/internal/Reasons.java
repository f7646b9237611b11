package org.symphainy.datasteward.internal;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.symphainy.sdk.identity.Principal;

/**
 * The sentences of the Data Steward's decisions: what was checked when it allows, what to change when it denies.
 * Reasons name tenants, data sources, field paths and roles, never the values of fields.
 */
final class Reasons {

    private Reasons() {
    }

    /** Why an intent of {@code tenant} may not reference the {@code outside} sources. */
    static String outsideBoundary(String tenant, List<String> outside, String boundary) {
        String first = outside.get(0);
        String prefix = (first.contains(".") ? first.substring(0, first.indexOf('.')) : first) + ".*";
        return "tenant '" + tenant + "' may not reference data source" + (outside.size() > 1 ? "s " : " ")
                + quoted(outside) + ": outside its data boundary (" + tenant + " may reference: " + boundary
                + "); to allow " + (outside.size() > 1 ? "them" : "it") + ", add '" + tenant + "="
                + String.join(",", outside) + "' (or a prefix such as '" + tenant + "=" + prefix + "') to 'boundaries' "
                + "in configuration " + PolicyReader.PID;
    }

    /** Why personal data needs a principal. */
    static String noPrincipal(List<String> personal) {
        return "the payload holds personal data (" + fields(personal) + ") but the intent's session proves no one "
                + "(unknown, expired or revoked); sign in again and resubmit";
    }

    /** Why {@code principal} may not submit the {@code personal} fields. */
    static String missingRole(Principal principal, List<String> personal, String role) {
        return principal + " may not submit personal data (" + fields(personal) + "): that needs the role '" + role
                + "' (or 'admin'); grant " + principal.actor() + " the role '" + role + "', or leave these fields "
                + "out of the payload";
    }

    /** What was checked, for an allowance. */
    static String allowed(String tenant, Collection<String> sources, List<String> personal, Principal principal,
            String role) {
        String sourcePart = sources.isEmpty() ? "no data sources referenced"
                : "sources " + String.join(", ", sources) + " within " + tenant + "'s boundary";
        String personalPart = personal.isEmpty() ? "no personal fields"
                : "personal fields " + String.join(", ", personal) + " allowed: " + principal + " has role '"
                        + (principal.hasRole(role) ? role : StewardPolicy.ADMIN) + "'";
        return sourcePart + "; " + personalPart;
    }

    private static String fields(List<String> personal) {
        return (personal.size() > 1 ? "fields " : "field ") + String.join(", ", personal);
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }
}
