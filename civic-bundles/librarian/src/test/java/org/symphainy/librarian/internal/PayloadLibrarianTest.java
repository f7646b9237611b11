package org.symphainy.librarian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.testkit.TestGovernanceContext;

/** The Librarian's decisions, with schemas from real bundles in a real Felix and a registry filled by hand. */
class PayloadLibrarianTest {

    private static final GovernanceContext CONTEXT = TestGovernanceContext.of("exec-1", null);

    @TempDir
    Path cache;

    private TestBundles bundles;
    private final StubRegistry registry = new StubRegistry();
    private PayloadLibrarian librarian;

    @BeforeEach
    void start() throws Exception {
        bundles = new TestBundles(cache);
        librarian = new PayloadLibrarian(bundles.felix().getBundleContext(), registry);
    }

    @AfterEach
    void stop() throws Exception {
        librarian.deactivate();
        bundles.close();
    }

    @Test
    void allowsAPayloadThatMatchesNamingTheSchema() throws Exception {
        people("schemas/person.json", Schemas.PERSON);

        Decision decision = decide("people.add", null, "{\"name\": \"Ada\", \"age\": 36}");

        assertEquals(Stage.LIBRARIAN, decision.stage());
        assertTrue(decision.allowed(), decision.toString());
        assertEquals(List.of("payload matches the schema 'schemas/person.json' of bundle org.acme.people 1.0.0 for intent"
                + " people.add 1.0.0"), decision.reasons());
    }

    @Test
    void checksAStepsArtifactsAgainstTheKindsItsIntentDeclares() throws Exception {
        Bundle bundle = bundles.bundle("org.acme.insights")
                .intentWithArtifacts("insights.summarise", "insights.summary=schemas/person.json", "insights.note")
                .resource("schemas/person.json", Schemas.PERSON).start();
        HandlerRef handler = new HandlerRef("org.acme.insights", bundle.getVersion().toString(), "insights.summarise", "1.0.0");

        assertEquals(List.of(), librarian.artifactProblems(handler, List.of(
                org.symphainy.sdk.intent.Artifact.of("insights.summary", Json.of("{\"name\": \"Ada\", \"age\": 36}")),
                org.symphainy.sdk.intent.Artifact.of("insights.note", "text/plain", "anything".getBytes()))));
        List<String> problems = librarian.artifactProblems(handler, List.of(
                org.symphainy.sdk.intent.Artifact.of("insights.summary", Json.of("{\"age\": \"ten\"}")),
                org.symphainy.sdk.intent.Artifact.of("insights.secret", Json.of("{}"))));

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("artifact #1 of kind 'insights.summary' does not match its kind's schema "
                + "(2 violations): "), problems.get(0));
        assertEquals("artifact #2 of kind 'insights.secret' is not a kind intent insights.summarise 1.0.0 (bundle "
                + "org.acme.insights 1.0.0) declares (insights.note, insights.summary); return a declared kind, or declare "
                + "it in @ProvidesIntent(artifacts = ...)", problems.get(1));
        assertEquals(List.of(), librarian.artifactProblems(new HandlerRef("org.acme.other", "1.0.0", "x.y", "1.0.0"),
                List.of(org.symphainy.sdk.intent.Artifact.of("anything", Json.of("{}")))), "nothing declared: unchecked");
    }

    @Test
    void deniesAPayloadThatDoesNotMatchListingEachViolation() throws Exception {
        people("schemas/person.json", Schemas.PERSON);

        Decision decision = decide("people.add", null, "{\"age\": \"ten\", \"nickname\": \"A\"}");

        assertFalse(decision.allowed());
        assertEquals(Decision.PAYLOAD_INVALID, decision.code());
        assertEquals(List.of(
                "payload does not match the schema 'schemas/person.json' of bundle org.acme.people 1.0.0 for intent"
                        + " people.add 1.0.0 (3 violations): correct the payload and submit it again",
                "(root): required property 'name' not found",
                "(root): property 'nickname' is not defined in the schema and the schema does not allow additional"
                        + " properties",
                "/age: string found, integer expected"),
                decision.reasons());
    }

    @Test
    void listsTenViolationsAndCountsTheRest() throws Exception {
        people("s.json", Schemas.requiring(13));

        Decision decision = decide("people.add", null, "{}");

        assertEquals(12, decision.reasons().size(), decision.reasons().toString());
        assertTrue(decision.reasons().get(0).contains("(13 violations)"), decision.reasons().get(0));
        assertEquals("(root): required property 'p1' not found", decision.reasons().get(1));
        assertEquals("and 3 more violations not listed", decision.reasons().get(11));
    }

    @Test
    void deniesAPayloadThatIsNotJsonWithThePosition() throws Exception {
        people("s.json", Schemas.PERSON);

        Decision decision = decide("people.add", null, "{\"name\": }");

        assertEquals(Decision.PAYLOAD_INVALID, decision.code());
        assertTrue(decision.reasons().get(0).startsWith("payload of intent people.add 1.0.0 is not well-formed JSON at"
                + " line 1, column 10 (Unexpected character"), decision.reasons().get(0));
    }

    @Test
    void allowsAnIntentThatDeclaresNoSchema() throws Exception {
        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", null).start();
        registry.serve("org.acme.people", "people.add", "1.0.0");

        Decision decision = decide("people.add", null, "[1, 2, 3]");

        assertTrue(decision.allowed());
        assertTrue(decision.reasons().get(0).startsWith("intent people.add 1.0.0 declares no payload schema"),
                decision.reasons().get(0));
    }

    @Test
    void allowsAnIntentNobodyServesSayingSo() throws Exception {
        people("s.json", Schemas.PERSON);
        registry.clear();

        Decision decision = decide("people.add", "[2.0,3.0)", "{}");

        assertTrue(decision.allowed());
        assertTrue(decision.reasons().get(0).startsWith("no deployed bundle serves intent people.add in versions"
                + " [2.0,3.0)"), decision.reasons().get(0));
    }

    @Test
    void checksAgainstTheSchemaOfTheVersionTheRangeResolvesTo() throws Exception {
        bundles.bundle("org.acme.v1").intent("people.add", "1.0.0", "s.json").resource("s.json", Schemas.PERSON).start();
        bundles.bundle("org.acme.v2").intent("people.add", "2.0.0", "s.json").resource("s.json", Schemas.BOOK).start();
        registry.serve("org.acme.v1", "people.add", "1.0.0").serve("org.acme.v2", "people.add", "2.0.0");
        String person = "{\"name\": \"Ada\"}";

        Decision inRange = decide("people.add", "[1.0,2.0)", person);
        Decision latest = decide("people.add", null, person);

        assertTrue(inRange.allowed(), inRange.toString());
        assertTrue(inRange.reasons().get(0).contains("org.acme.v1 1.0.0 for intent people.add 1.0.0"), inRange.toString());
        assertFalse(latest.allowed());
        assertTrue(latest.reasons().get(0).contains("org.acme.v2 1.0.0 for intent people.add 2.0.0"), latest.toString());
        assertTrue(latest.reasons().contains("(root): required property 'title' not found"), latest.toString());
    }

    @Test
    void deniesEveryIntentWhileItsSchemaIsBrokenSayingWhereAndWhy() throws Exception {
        people("schemas/person.json", Schemas.NOT_JSON);

        Decision decision = decide("people.add", null, "{\"name\": \"Ada\"}");

        assertEquals(Decision.PAYLOAD_INVALID, decision.code());
        assertEquals("intent people.add 1.0.0 cannot be accepted: its payload schema 'schemas/person.json' of bundle"
                + " org.acme.people 1.0.0 is broken (it is not JSON: line 4, column 3: Unexpected character ('\"' (code 34)):"
                + " was expecting comma to separate Object entries; correct the JSON syntax); the bundle's author must fix"
                + " the schema and redeploy the bundle", decision.reasons().get(0));
    }

    @Test
    void usesTheSchemaOfTheServingBundleNeverAnothers() throws Exception {
        bundles.bundle("org.acme.broken").intent("people.add", "1.0.0", "s.json").resource("s.json", "{").start();
        bundles.bundle("org.acme.sound").intent("people.add", "1.0.0", "s.json").resource("s.json", Schemas.PERSON).start();
        String person = "{\"name\": \"Ada\"}";

        registry.serve("org.acme.broken", "people.add", "1.0.0");
        Decision servedByBroken = decide("people.add", null, person);
        registry.clear();
        registry.serve("org.acme.sound", "people.add", "1.0.0");
        Decision servedBySound = decide("people.add", null, person);

        assertEquals(Decision.PAYLOAD_INVALID, servedByBroken.code());
        assertTrue(servedByBroken.reasons().get(0).contains("of bundle org.acme.broken 1.0.0 is broken"),
                servedByBroken.toString());
        assertTrue(servedBySound.allowed(), servedBySound.toString());
    }

    @Test
    void anUpdateThatBreaksTheSchemaKeepsDenyingWithoutFallingBack() throws Exception {
        Bundle bundle = people("s.json", Schemas.PERSON);
        String person = "{\"name\": \"Ada\"}";
        assertTrue(decide("people.add", null, person).allowed());

        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "s.json").resource("s.json", "{\"type\": 5}")
                .updates(bundle);
        Decision decision = decide("people.add", null, person);

        assertEquals(Decision.PAYLOAD_INVALID, decision.code());
        assertTrue(decision.reasons().get(0).contains("is broken (it is not a valid JSON Schema 2020-12: /type: "),
                decision.toString());
    }

    @Test
    void anUpdateReplacesTheSchema() throws Exception {
        Bundle bundle = people("s.json", Schemas.PERSON);

        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "s.json").resource("s.json", Schemas.BOOK)
                .updates(bundle);

        assertTrue(decide("people.add", null, "{\"title\": \"Emma\"}").allowed());
        assertFalse(decide("people.add", null, "{\"name\": \"Ada\"}").allowed());
    }

    @Test
    void failsClosedWhenTheServingBundleIsUnknownToTheLibrarian() throws Exception {
        Bundle bundle = people("s.json", Schemas.PERSON);
        bundle.uninstall();

        Decision decision = decide("people.add", null, "{\"name\": \"Ada\"}");

        assertEquals(PayloadLibrarian.SCHEMA_UNAVAILABLE, decision.code());
        assertTrue(decision.reasons().get(0).startsWith("the Librarian has not read the declarations of org.acme.people"
                + " 1.0.0, which serves intent people.add 1.0.0"), decision.toString());
    }

    @Test
    void matchesTheServingBundleWhateverWayItsVersionIsWritten() throws Exception {
        bundles.bundle("org.acme.people").version("2.0").intent("people.add", "1.0", "s.json")
                .resource("s.json", Schemas.PERSON).start();
        registry.serve(new HandlerRef("org.acme.people", "2.0", "people.add", "1.0"));

        assertTrue(decide("people.add", null, "{\"name\": \"Ada\"}").allowed());
        assertFalse(decide("people.add", null, "{}").allowed());
    }

    @Test
    void showsEachSchemaWithItsBundleAndState() throws Exception {
        Bundle bundle = people("schemas/person.json", Schemas.PERSON);

        assertEquals(List.of(new IntentSchema("people.add", "1.0.0", "org.acme.people", "1.0.0", bundle.getBundleId(),
                "schemas/person.json", IntentSchema.Status.VALID, null)), librarian.schemas());
    }

    /** Deploys org.acme.people 1.0.0 declaring people.add 1.0.0 with {@code schema} at {@code path}, and serves it. */
    private Bundle people(String path, String schema) throws Exception {
        Bundle bundle = bundles.bundle("org.acme.people").intent("people.add", "1.0.0", path).resource(path, schema).start();
        registry.serve("org.acme.people", "people.add", "1.0.0");
        return bundle;
    }

    private Decision decide(String type, String range, String payload) {
        Intent intent = Intent.builder(type).versionRange(range).tenant("acme").session("s-1").actor("ada")
                .correlationId("c-1").payload(Json.of(payload)).build();
        return librarian.decide(intent, CONTEXT);
    }
}
