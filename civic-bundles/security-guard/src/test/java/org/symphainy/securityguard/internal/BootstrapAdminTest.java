package org.symphainy.securityguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.identity.ApiKeys.IssuedKey;
import org.symphainy.sdk.identity.Principal;

class BootstrapAdminTest {

    @TempDir
    Path data;

    private ApiKeyStore store() {
        return new ApiKeyStore(data.resolve("security").resolve(ApiKeyStore.FILE_NAME), 1_000, Clock.systemUTC(),
                new SecureRandom(), System::nanoTime);
    }

    private Path credentialFile() {
        return data.resolve(BootstrapAdmin.FILE_NAME);
    }

    @Test
    void theFirstStartWritesAnOwnerOnlyAdministratorCredential() throws Exception {
        ApiKeyStore store = store();

        IssuedKey issued = BootstrapAdmin.createIfFirstStart(store, credentialFile()).orElseThrow();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialFile())));
        String credential = Files.readString(credentialFile()).strip();
        assertEquals(issued.secret(), credential);
        assertEquals(new Principal("system", "admin", Set.of("admin"), "api-key"),
                store.authenticate(ApiKeyCredential.parse(credential).orElseThrow()));
        assertEquals("bootstrap administrator", store.list().get(0).label());
        assertFalse(Files.readString(store.file()).contains(credential.substring(credential.lastIndexOf('_') + 1)));
    }

    @Test
    void laterStartsNeverCreateAnotherEvenWithoutTheCredentialFile() throws Exception {
        BootstrapAdmin.createIfFirstStart(store(), credentialFile()).orElseThrow();
        String first = Files.readString(credentialFile());

        assertTrue(BootstrapAdmin.createIfFirstStart(store(), credentialFile()).isEmpty());
        assertEquals(first, Files.readString(credentialFile()));

        Files.delete(credentialFile());
        ApiKeyStore restarted = store();
        assertTrue(BootstrapAdmin.createIfFirstStart(restarted, credentialFile()).isEmpty());
        assertFalse(Files.exists(credentialFile()));
        assertEquals(1, restarted.list().size());
    }

    @Test
    void noKeyFileIsWrittenWhenTheCredentialCannotBe() throws Exception {
        Files.createDirectories(credentialFile());
        Files.writeString(credentialFile().resolve("blocker"), "a directory where the file should go");
        ApiKeyStore store = store();

        try {
            BootstrapAdmin.createIfFirstStart(store, credentialFile());
        } catch (RuntimeException expected) {
            // the credential could not be written
        }

        assertFalse(Files.exists(store.file()), "without the credential file, the next start must try again");
        assertEquals(0, store.list().size());
    }
}
