package org.symphainy.securityguard.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.identity.ApiKeys.IssuedKey;

/**
 * The secure default: a platform starts with no credentials at all, and on its very first start (no key file yet) the
 * Security Guard creates one administrator key, {@code system/admin} with the role {@code admin}, and writes the
 * credential to {@code ${symphainy.data}/admin.key}, readable by its owner only. The credential file is written before
 * the key file, so a crash in between leaves no key file and the next start simply creates a new administrator key.
 * Once a key file exists this never runs again, even if that key is revoked or the credential file deleted.
 */
final class BootstrapAdmin {

    static final String TENANT = "system";
    static final String ACTOR = "admin";
    static final String LABEL = "bootstrap administrator";
    static final String FILE_NAME = "admin.key";

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private BootstrapAdmin() {
    }

    /** Creates the administrator key and writes {@code credentialFile} if {@code store} has no key file yet. */
    static Optional<IssuedKey> createIfFirstStart(ApiKeyStore store, Path credentialFile) {
        Optional<IssuedKey> issued = store.createFirst(TENANT, ACTOR, Set.of(GrantTable.ADMIN), LABEL,
                key -> SecureFiles.writeAtomically(credentialFile,
                        (key.secret() + "\n").getBytes(StandardCharsets.UTF_8)));
        issued.ifPresent(key -> LOG.info("first start: created the bootstrap administrator API key {} ({}/{}, role "
                + "admin); its credential is in {}, readable by this user only: sign in with it, create your own "
                + "administrator keys, then revoke it and delete the file", key.info().keyId(), TENANT, ACTOR,
                credentialFile.toAbsolutePath()));
        return issued;
    }
}
