package org.symphainy.citymanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.governance.Tenants.Tenant;

/** The tenants: lifecycle, persistence across restarts, the secure first start, refusals with reasons. */
class TenantRegistryTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("city-manager/tenants.json");
    }

    @Test
    void firstStartKnowsOnlyTheSystemTenantAndWritesIt() throws IOException {
        TenantRegistry tenants = new TenantRegistry(file());

        assertEquals(List.of("system"), tenants.list().stream().map(Tenant::id).toList());
        assertTrue(Files.readString(file()).contains("\"system\""));
    }

    @Test
    void createSuspendResumeAndFind() throws IOException {
        TenantRegistry tenants = new TenantRegistry(file());

        Tenant acme = tenants.create("acme", "Acme Corp");
        assertEquals(new Tenant("acme", "Acme Corp", false, null), acme);
        assertTrue(tenants.suspend("acme", "invoice 42 unpaid"));
        assertEquals(Optional.of(new Tenant("acme", "Acme Corp", true, "invoice 42 unpaid")), tenants.find("acme"));
        assertTrue(tenants.resume("acme"));
        assertFalse(tenants.find("acme").orElseThrow().suspended());
        assertEquals(List.of("acme", "system"), tenants.list().stream().map(Tenant::id).toList());
    }

    @Test
    void changesSurviveARestart() throws IOException {
        TenantRegistry first = new TenantRegistry(file());
        first.create("acme", "Acme Corp");
        first.create("globex", null);
        first.suspend("globex", "security review");

        TenantRegistry second = new TenantRegistry(file());

        assertEquals(first.list(), second.list());
        assertEquals("globex", second.find("globex").orElseThrow().displayName());
        assertEquals("security review", second.find("globex").orElseThrow().suspendedBecause());
        assertFalse(Files.exists(file().resolveSibling(".tenants.json.tmp")), "the temporary file is renamed away");
    }

    @Test
    void unknownTenantsAreNotFoundNorChanged() throws IOException {
        TenantRegistry tenants = new TenantRegistry(file());

        assertEquals(Optional.empty(), tenants.find("nobody"));
        assertEquals(Optional.empty(), tenants.find(null));
        assertFalse(tenants.suspend("nobody", "why not"));
        assertFalse(tenants.resume("nobody"));
    }

    @Test
    void refusesBadIdsDuplicatesAndSuspensionsWithoutReason() throws IOException {
        TenantRegistry tenants = new TenantRegistry(file());
        tenants.create("acme", "Acme");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> tenants.create("Acme Corp", "x")).getMessage()
                .contains("is not valid: use 1 to 63 characters"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tenants.create("acme", "again")).getMessage()
                .contains("already exists"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tenants.suspend("acme", " ")).getMessage()
                .contains("needs a reason"));
        assertFalse(tenants.find("acme").orElseThrow().suspended());
    }

    @Test
    void theSystemTenantCannotBeSuspended() throws IOException {
        TenantRegistry tenants = new TenantRegistry(file());

        assertThrows(IllegalArgumentException.class, () -> tenants.suspend("system", "oops"));
        assertFalse(tenants.find("system").orElseThrow().suspended());
    }

    @Test
    void aDamagedFileStopsTheStartWithItsPosition() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"tenants\": [\n  {\"id\": \"acme\",, }\n]}");

        IOException e = assertThrows(IOException.class, () -> new TenantRegistry(file()));

        assertTrue(e.getMessage().contains("tenants.json is damaged at line 2, column"), e.getMessage());
    }
}
