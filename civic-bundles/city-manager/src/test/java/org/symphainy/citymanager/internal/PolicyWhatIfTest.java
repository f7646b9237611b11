package org.symphainy.citymanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.citymanager.internal.Fixtures.intent;
import static org.symphainy.citymanager.internal.Fixtures.principal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.citymanager.internal.PolicyWhatIf.Flip;
import org.symphainy.citymanager.internal.PolicyWhatIf.Report;
import org.symphainy.citymanager.internal.PolicyWhatIf.Sample;

/** What-if: which recent decisions a candidate policy would flip. */
class PolicyWhatIfTest {

    private static final String CURRENT = """
            [{"id": "editors", "effect": "allow", "intent": "content.*", "when": "'editor' in principal.roles"}]
            """;
    private static final String CANDIDATE = """
            [{"id": "no-exports", "effect": "deny", "intent": "content.export"},
             {"id": "editors", "effect": "allow", "intent": "content.*", "when": "'editor' in principal.roles"},
             {"id": "insights-for-all", "effect": "allow", "intent": "insights.*"}]
            """;

    @TempDir
    Path dir;

    private final List<Sample> samples = List.of(
            new Sample(intent("content.ingest", "acme"), principal("acme", "editor")),
            new Sample(intent("content.export", "acme"), principal("acme", "editor")),
            new Sample(intent("insights.query", "acme"), principal("acme", "viewer")),
            new Sample(intent("content.ingest", "acme"), null));

    @Test
    void reportsTheDecisionsThatFlipWithTheRulesOnEachSide() throws InvalidPolicy {
        Report report = PolicyWhatIf.compare(Fixtures.compile(CURRENT), Fixtures.compile(CANDIDATE), samples);

        assertEquals(4, report.examined());
        assertEquals(2, report.flips().size(), report.flips().toString());
        Flip export = report.flips().get(0);
        assertEquals("content.export", export.intent().type());
        assertTrue(export.before().allowed());
        assertEquals("editors", export.before().ruleId());
        assertFalse(export.after().allowed());
        assertEquals("no-exports", export.after().ruleId());
        Flip query = report.flips().get(1);
        assertEquals("insights.query@acme: deny (no rule) -> allow by 'insights-for-all'", query.toString());
        assertNull(query.before().ruleId());
    }

    @Test
    void theSamePolicyFlipsNothing() throws InvalidPolicy {
        assertEquals(List.of(), PolicyWhatIf.compare(Fixtures.compile(CURRENT), Fixtures.compile(CURRENT), samples)
                .flips());
    }

    @Test
    void theRoleComparesACandidateWithThePolicyInForceWithoutTakingQuota() throws IOException, InvalidPolicy {
        Files.writeString(dir.resolve("policies.json"), CURRENT);
        TenantRegistry tenants = new TenantRegistry(dir.resolve("tenants.json"));
        tenants.create("acme", "Acme");
        CityManagerRole role = new CityManagerRole(tenants, dir, Fixtures.config("", "1/1"), System::nanoTime);

        Report report = role.whatIf(CANDIDATE, samples);
        role.whatIf(CANDIDATE, samples);

        assertEquals(2, report.flips().size());
        assertTrue(role.decide(intent("content.ingest", "acme"), Fixtures.context(principal("acme", "editor")))
                .allowed(), "the what-if took no token of the tenant's quota of 1");
    }

    @Test
    void aMalformedCandidateIsRejectedWithItsPosition() {
        InvalidPolicy e = assertThrows(InvalidPolicy.class, () -> PolicyWhatIf.compare(Fixtures.compile(CURRENT),
                Fixtures.compile("[{\"id\": \"x\", \"effect\": \"allow\", \"intent\": \"a.b\", \"when\": \"nope(\"}]"),
                samples));

        assertTrue(e.getMessage().startsWith("test.json: rule #1 (id 'x') at line 1, column 2: \"when\""),
                e.getMessage());
    }
}
