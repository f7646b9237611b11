package org.symphainy.securityguard.internal;

import java.util.Optional;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;

/**
 * What the Security Guard checks when a {@code platform.apikey.*} intent is governed, after the submitter was allowed to
 * submit it at all: the payload must be well formed (a key hash included); a key to create must have a new id, and role
 * {@code admin} in tenant {@code system} is granted only by an administrator of tenant {@code system}; a key to revoke
 * must exist and be active, and must not be the last active administrator key of tenant {@code system} unless the
 * submitter is an administrator of tenant {@code system} who signed in some other way (a JWT) — so the
 * administrators are never locked out. A principal outside tenant {@code system} changes keys of its own tenant only.
 * The denial is recorded in the WAL with its reason.
 */
final class KeyChangeChecks {

    static final String SYSTEM = BootstrapAdmin.TENANT;

    private static final Stage STAGE = Stage.SECURITY_GUARD;

    private final ApiKeyStore keys;

    KeyChangeChecks(ApiKeyStore keys) {
        this.keys = keys;
    }

    /** A denial of {@code intent} submitted by {@code submitter}, or empty if its change may be made. */
    Optional<Decision> refusal(Intent intent, Principal submitter) {
        ApiKeyChange change;
        try {
            change = ApiKeyIntents.request(intent);
        } catch (IntentException e) {
            return deny(Decision.PAYLOAD_INVALID, e.getMessage() + "; nothing was changed");
        }
        return change.creates() ? createRefusal(change, submitter) : revokeRefusal(change, submitter);
    }

    private Optional<Decision> createRefusal(ApiKeyChange change, Principal submitter) {
        Principal key = change.principal();
        if (!ownTenant(submitter, key.tenant())) {
            return deny(Decision.FORBIDDEN, submitter + " may not create API keys for tenant '" + key.tenant()
                    + "': outside tenant 'system' a principal creates keys of its own tenant only");
        }
        if (SYSTEM.equals(key.tenant()) && key.hasRole(GrantTable.ADMIN) && !systemAdmin(submitter)) {
            return deny(Decision.FORBIDDEN, submitter + " may not create a key with role 'admin' in tenant 'system': "
                    + "only a principal that holds that role may grant it; ask an administrator of tenant 'system'");
        }
        if (keys.find(change.keyId()).isPresent()) {
            return deny(Decision.PAYLOAD_INVALID, "API key '" + change.keyId() + "' exists already: prepare a new key "
                    + "(ApiKeys.prepare) and submit its payload; nothing was changed");
        }
        return Optional.empty();
    }

    private Optional<Decision> revokeRefusal(ApiKeyChange change, Principal submitter) {
        Optional<StoredKey> found = keys.find(change.keyId())
                .filter(key -> ownTenant(submitter, key.principal().tenant()));
        if (found.isEmpty()) {
            return deny(Decision.PAYLOAD_INVALID, "there is no API key '" + change.keyId() + "'"
                    + (SYSTEM.equals(submitter.tenant()) ? "" : " in tenant '" + submitter.tenant() + "'")
                    + " to revoke; list the keys (ApiKeys.list) to find its id");
        }
        StoredKey key = found.get();
        if (!key.active()) {
            return deny(Decision.PAYLOAD_INVALID, "API key '" + key.keyId() + "' was revoked already, at "
                    + key.revokedAt() + "; nothing to do");
        }
        if (isSystemAdmin(key) && activeSystemAdminKeys() == 1 && !signedInOtherwise(submitter)) {
            return deny(Decision.FORBIDDEN, "API key '" + key.keyId() + "' is the last active administrator key of "
                    + "tenant 'system'" + (usedBy(key, submitter) ? ", the one you signed in with" : "")
                    + ": revoking it would lock the administrators out; create another administrator key first "
                    + "(platform.apikey.create with role 'admin' in tenant 'system'), sign in with it, then revoke this "
                    + "one");
        }
        return Optional.empty();
    }

    private long activeSystemAdminKeys() {
        return keys.keys().stream().filter(StoredKey::active).filter(KeyChangeChecks::isSystemAdmin).count();
    }

    private static boolean isSystemAdmin(StoredKey key) {
        return SYSTEM.equals(key.principal().tenant()) && key.principal().hasRole(GrantTable.ADMIN);
    }

    private static boolean systemAdmin(Principal principal) {
        return SYSTEM.equals(principal.tenant()) && principal.hasRole(GrantTable.ADMIN);
    }

    /** An administrator of tenant system who did not sign in with an API key: the last key is not their way in. */
    private static boolean signedInOtherwise(Principal submitter) {
        return systemAdmin(submitter) && !StoredKey.AUTHENTICATED_BY.equals(submitter.authenticatedBy());
    }

    private static boolean usedBy(StoredKey key, Principal submitter) {
        return StoredKey.AUTHENTICATED_BY.equals(submitter.authenticatedBy())
                && key.principal().tenant().equals(submitter.tenant())
                && key.principal().actor().equals(submitter.actor());
    }

    private static boolean ownTenant(Principal submitter, String tenant) {
        return SYSTEM.equals(submitter.tenant()) || submitter.tenant().equals(tenant);
    }

    private static Optional<Decision> deny(String code, String reason) {
        return Optional.of(Decision.deny(STAGE, code, reason));
    }
}
