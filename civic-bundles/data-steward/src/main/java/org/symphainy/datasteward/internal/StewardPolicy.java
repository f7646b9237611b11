package org.symphainy.datasteward.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;

/**
 * One compiled Data Steward configuration and the decision it makes: the payload is scanned once; the sources it
 * references must lie within the tenant's boundary, and personal fields need a principal with the personal-data role
 * (or {@value #ADMIN}). A denial lists every problem found; its code is {@code PAYLOAD_INVALID} if the references
 * cannot be read, {@code UNAUTHENTICATED} if personal data comes without a principal, otherwise {@code FORBIDDEN}.
 * Immutable and thread-safe.
 */
final class StewardPolicy {

    /** The role that may always submit personal data. */
    static final String ADMIN = "admin";

    /** The policy before any configuration: only {@code system} references sources, no field is personal. */
    static final StewardPolicy SECURE_DEFAULT = new StewardPolicy(DataBoundaries.SECURE_DEFAULT, FieldTree.EMPTY,
            "personal-data", ProvenanceChecker.DEFAULT);

    private static final Stage STAGE = Stage.DATA_STEWARD;

    private final DataBoundaries boundaries;
    private final FieldTree personalFields;
    private final String personalDataRole;
    private final ProvenanceChecker provenance;
    private final PayloadScanner scanner;

    StewardPolicy(DataBoundaries boundaries, FieldTree personalFields, String personalDataRole,
            ProvenanceChecker provenance) {
        this.boundaries = boundaries;
        this.personalFields = personalFields;
        this.personalDataRole = personalDataRole;
        this.provenance = provenance;
        this.scanner = new PayloadScanner(personalFields);
    }

    /** Allows or denies {@code intent}, with reasons. */
    Decision decide(Intent intent, GovernanceContext context) {
        PayloadFacts facts = scanner.scan(intent.payload().bytes());
        if (!facts.problems().isEmpty()) {
            return new Decision(STAGE, false, facts.problems(), Decision.PAYLOAD_INVALID);
        }
        String tenant = intent.tenant();
        Collection<String> sources = facts.sources();
        List<String> outside = boundaries.outside(tenant, sources);
        List<String> personal = facts.personalFields(personalFields);
        Principal principal = personal.isEmpty() ? null : principal(context);
        List<String> denials = new ArrayList<>(2);
        String code = Decision.FORBIDDEN;
        if (!outside.isEmpty()) {
            denials.add(Reasons.outsideBoundary(tenant, outside, boundaries.describe(tenant)));
        }
        if (!personal.isEmpty() && principal == null) {
            denials.add(Reasons.noPrincipal(personal));
            code = Decision.UNAUTHENTICATED;
        } else if (!personal.isEmpty() && !principal.hasRole(personalDataRole) && !principal.hasRole(ADMIN)) {
            denials.add(Reasons.missingRole(principal, personal, personalDataRole));
        }
        if (!denials.isEmpty()) {
            return new Decision(STAGE, false, denials, code);
        }
        return Decision.allow(STAGE, Reasons.allowed(tenant, sources, personal, principal, personalDataRole));
    }

    /** The provenance rules of this configuration. */
    ProvenanceChecker provenance() {
        return provenance;
    }

    private static Principal principal(GovernanceContext context) {
        Optional<Principal> principal = context.principal();
        return principal == null ? null : principal.orElse(null);
    }

    @Override
    public String toString() {
        return "boundaries " + boundaries + "; personal fields " + personalFields + " (role '" + personalDataRole
                + "' or 'admin'); " + provenance;
    }
}
