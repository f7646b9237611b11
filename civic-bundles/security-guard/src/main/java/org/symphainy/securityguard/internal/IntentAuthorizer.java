package org.symphainy.securityguard.internal;

import java.util.List;
import java.util.Optional;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;

/**
 * The Security Guard's decision on one intent: the session must prove a principal, the principal must be the tenant and
 * actor the intent names, and one of its roles must grant the intent type. Runs for every intent, so it only compares
 * strings and looks up the precomputed {@link GrantTable}; the longer texts are built on the denial paths only.
 */
final class IntentAuthorizer {

    static final String UNAUTHENTICATED_REASON =
            "the intent's session is unknown, expired or revoked: sign in again";

    private static final Stage STAGE = Stage.SECURITY_GUARD;

    private final GrantTable grants;

    IntentAuthorizer(GrantTable grants) {
        this.grants = grants;
    }

    /** Allows {@code intent} if its session's principal may submit it, else denies with the reason. */
    Decision decide(Intent intent, GovernanceContext context) {
        Optional<Principal> session = context.principal();
        if (session.isEmpty()) {
            return Decision.deny(STAGE, Decision.UNAUTHENTICATED, UNAUTHENTICATED_REASON);
        }
        Principal principal = session.get();
        if (!principal.tenant().equals(intent.tenant()) || !principal.actor().equals(intent.actor())) {
            return Decision.deny(STAGE, Decision.FORBIDDEN, mismatch(intent, principal));
        }
        Grant grant = grants.find(principal.roles(), intent.type());
        if (grant == null) {
            return Decision.deny(STAGE, Decision.FORBIDDEN, notGranted(intent, principal));
        }
        return Decision.allow(STAGE, principal + " may submit " + intent.type() + ": " + grant);
    }

    private static String mismatch(Intent intent, Principal principal) {
        return "the intent names actor '" + intent.actor() + "' in tenant '" + intent.tenant()
                + "', but its session proves actor '" + principal.actor() + "' in tenant '" + principal.tenant()
                + "': submit intents with the tenant and actor of your own session";
    }

    private String notGranted(Intent intent, Principal principal) {
        List<String> granting = grants.grantsFor(intent.type()).stream().map(Grant::role).toList();
        return "actor '" + principal.actor() + "' in tenant '" + principal.tenant() + "' with roles "
                + principal.roles().stream().sorted().toList() + " may not submit intent '" + intent.type()
                + "': no role it holds grants it (roles that do: " + granting + "); give it one of those roles, or add "
                + "a grant such as '<role>=" + intent.type() + "' to the attribute 'grants' of configuration "
                + SecurityGuardRole.PID + " (etc/" + SecurityGuardRole.PID + ".cfg)";
    }
}
