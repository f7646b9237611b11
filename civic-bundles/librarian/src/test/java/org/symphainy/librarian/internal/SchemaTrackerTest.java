package org.symphainy.librarian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.symphainy.librarian.internal.IntentSchema.Status;
import org.symphainy.sdk.intent.HandlerRef;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Schemas read from real bundles in a real Felix: loading, every kind of broken schema, bundles leaving and updating. */
class SchemaTrackerTest {

    @TempDir
    Path cache;

    private TestBundles bundles;
    private SchemaIndex index;
    private SchemaTracker tracker;

    @BeforeEach
    void start() throws Exception {
        bundles = new TestBundles(cache);
        index = new SchemaIndex();
        tracker = new SchemaTracker(bundles.felix().getBundleContext(), new SchemaCompiler(), index);
        tracker.open();
    }

    @AfterEach
    void stop() throws Exception {
        tracker.close();
        bundles.close();
    }

    @Test
    void readsTheSchemaOfEveryDeclaredIntent() throws Exception {
        Bundle bundle = bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "schemas/person.json")
                .intent("people.list", "1.0.0", null).resource("schemas/person.json", Schemas.PERSON).start();

        List<IntentSchema> views = index.views();

        assertEquals(List.of(
                new IntentSchema("people.add", "1.0.0", "org.acme.people", "1.0.0", bundle.getBundleId(),
                        "schemas/person.json", Status.VALID, null),
                new IntentSchema("people.list", "1.0.0", "org.acme.people", "1.0.0", bundle.getBundleId(),
                        null, Status.NONE, null)), views);
    }

    @Test
    void aBundleWithoutIntentsIsNotListed() throws Exception {
        bundles.bundle("org.acme.plain").resource("schemas/person.json", Schemas.PERSON).start();

        assertEquals(List.of(), index.views());
    }

    @Test
    void aMissingResourceIsBroken() throws Exception {
        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "schemas/nowhere.json").start();

        assertBroken("the bundle has no resource at that path");
    }

    @Test
    void aSyntaxErrorIsReportedWithItsLineAndColumn() throws Exception {
        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "schemas/person.json")
                .resource("schemas/person.json", Schemas.NOT_JSON).start();

        String problem = assertBroken("it is not JSON: line 4, column 3: ");
        assertTrue(problem.contains("was expecting comma to separate Object entries"), problem);
    }

    @Test
    void aBrokenSchemaIsLoggedAtErrorInOneLineNamingTheBundleThePathAndThePosition() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            bundles.bundle("org.acme.people").version("2.1.0").intent("people.add", "1.0.0", "schemas/person.json")
                    .resource("schemas/person.json", Schemas.NOT_JSON).start();
        } finally {
            System.setErr(previous);
        }

        List<String> errors = err.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(" ERROR ")).toList();

        assertEquals(1, errors.size(), err.toString(StandardCharsets.UTF_8));
        assertTrue(errors.get(0).contains("payload schema 'schemas/person.json' of bundle org.acme.people 2.1.0 (intent"
                + " people.add 1.0.0) is broken: it is not JSON: line 4, column 3: Unexpected character"), errors.get(0));
    }

    @Test
    void anEmptyFileOrTrailingContentOrADuplicateKeyIsBroken() throws Exception {
        bundles.bundle("org.acme.empty").intent("people.add", "1.0.0", "s.json").resource("s.json", " \n").start();
        bundles.bundle("org.acme.trailing").intent("people.add", "2.0.0", "s.json").resource("s.json", "{} {}").start();
        bundles.bundle("org.acme.twice").intent("people.add", "3.0.0", "s.json")
                .resource("s.json", "{\"type\": \"object\",\n \"type\": \"string\"}").start();

        List<String> problems = index.views().stream().map(IntentSchema::problem).toList();

        assertTrue(problems.get(0).startsWith("it is empty"), problems.get(0));
        assertTrue(problems.get(1).startsWith("it is not JSON: line 1, column 4: "), problems.get(1));
        assertTrue(problems.get(2).startsWith("it is not JSON: line 2, column 8: Duplicate field 'type'"), problems.get(2));
    }

    @Test
    void aDocumentThatBreaksTheMetaSchemaIsBrokenWithThePointerInsideTheSchema() throws Exception {
        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "s.json")
                .resource("s.json", "{\"properties\": {\"age\": {\"type\": \"int\"}}, \"required\": \"age\"}").start();

        String problem = assertBroken("it is not a valid JSON Schema 2020-12: ");
        assertTrue(problem.contains("/properties/age/type"), problem);
        assertTrue(problem.contains("/required: "), problem);
    }

    @Test
    void anotherDialectIsBroken() throws Exception {
        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "s.json")
                .resource("s.json", "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}").start();

        assertBroken("it declares \"$schema\": \"http://json-schema.org/draft-07/schema#\", but payload schemas are"
                + " JSON Schema 2020-12");
    }

    @Test
    void aRefThatDoesNotResolveIsBroken() throws Exception {
        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "s.json")
                .resource("s.json", "{\"properties\": {\"a\": {\"$ref\": \"#/$defs/missing\"}}}").start();

        String problem = assertBroken("it cannot be compiled: ");
        assertTrue(problem.contains("/$defs/missing cannot be resolved"), problem);
    }

    @Test
    void refsReachOnlyJsonFilesOfTheSameBundle() throws Exception {
        bundles.bundle("org.acme.remote").intent("people.add", "1.0.0", "s.json")
                .resource("s.json", "{\"$ref\": \"https://example.com/person.json\"}").start();
        bundles.bundle("org.acme.yaml").intent("people.add", "2.0.0", "s.json")
                .resource("s.json", "{\"$ref\": \"person.yaml\"}").resource("person.yaml", "type: object").start();
        bundles.bundle("org.acme.absent").intent("people.add", "3.0.0", "s.json")
                .resource("s.json", "{\"$ref\": \"other.json\"}").start();

        List<String> problems = index.views().stream().map(IntentSchema::problem).toList();

        assertTrue(problems.get(0).contains("'https://example.com/person.json' is not allowed to be loaded"), problems.get(0));
        assertTrue(problems.get(1).contains("'symphainy-bundle://org.acme.yaml/person.yaml' is not allowed"), problems.get(1));
        assertTrue(problems.get(2).contains("no such resource: symphainy-bundle://org.acme.absent/other.json"),
                problems.get(2));
    }

    @Test
    void aRefToAnotherFileOfTheBundleIsFollowed() throws Exception {
        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "schemas/add.json")
                .resource("schemas/add.json", "{\"type\": \"object\", \"properties\": {\"who\": {\"$ref\": \"common/person.json\"}}}")
                .resource("schemas/common/person.json", Schemas.PERSON).start();

        IndexedSchema entry = index.find(new HandlerRef("org.acme.people", "1.0.0", "people.add", "1.0.0"));

        assertEquals(Status.VALID, entry.view().status(), entry.view().problem());
        ObjectMapper json = new ObjectMapper();
        assertEquals(0, entry.schema().validate(json.readTree("{\"who\": {\"name\": \"Ada\"}}")).size());
        assertEquals("/who: required property 'name' not found",
                Messages.violation(entry.schema().validate(json.readTree("{\"who\": {}}")).get(0)));
    }

    @Test
    void anUninstalledBundleTakesItsSchemasAlong() throws Exception {
        Bundle bundle = bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "s.json")
                .resource("s.json", Schemas.PERSON).start();

        bundle.uninstall();

        assertEquals(List.of(), index.views());
        assertNull(index.find(new HandlerRef("org.acme.people", "1.0.0", "people.add", "1.0.0")));
    }

    @Test
    void stoppingAndStartingABundleKeepsItsCompiledSchemas() throws Exception {
        Bundle bundle = bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "s.json")
                .resource("s.json", Schemas.PERSON).start();
        HandlerRef ref = new HandlerRef("org.acme.people", "1.0.0", "people.add", "1.0.0");
        IndexedSchema compiled = index.find(ref);

        bundle.stop();
        IndexedSchema whileStopped = index.find(ref);
        bundle.start();

        assertSame(compiled, whileStopped);
        assertSame(compiled, index.find(ref));
    }

    @Test
    void anUpdatedBundleIsReadAgain() throws Exception {
        Bundle bundle = bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "s.json")
                .resource("s.json", Schemas.PERSON).start();

        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "book.json").intent("people.add", "2.0.0", null)
                .resource("book.json", Schemas.BOOK).updates(bundle);

        List<IntentSchema> views = index.views();
        assertEquals(List.of("book.json", "none"), views.stream()
                .map(view -> view.schemaPath() == null ? "none" : view.schemaPath()).toList());
        IndexedSchema entry = index.find(new HandlerRef("org.acme.people", "1.0.0", "people.add", "1.0.0"));
        assertEquals("(root): required property 'title' not found",
                Messages.violation(entry.schema().validate(new ObjectMapper().readTree("{\"name\": \"Ada\"}")).get(0)));
    }

    @Test
    void anUpdateThatBreaksTheSchemaLeavesOnlyTheBrokenOne() throws Exception {
        Bundle bundle = bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "s.json")
                .resource("s.json", Schemas.PERSON).start();

        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "s.json").resource("s.json", Schemas.NOT_JSON)
                .updates(bundle);

        List<IntentSchema> views = index.views();
        assertEquals(1, views.size(), views.toString());
        assertEquals(Status.BROKEN, views.get(0).status());
        assertNull(index.find(new HandlerRef("org.acme.people", "1.0.0", "people.add", "1.0.0")).schema());
    }

    @Test
    void closingForgetsEverySchema() throws Exception {
        bundles.bundle("org.acme.people").intent("people.add", "1.0.0", "s.json").resource("s.json", Schemas.PERSON).start();

        tracker.close();

        assertEquals(List.of(), index.views());
    }

    private String assertBroken(String problemStart) {
        List<IntentSchema> views = index.views();
        assertEquals(1, views.size(), views.toString());
        IntentSchema view = views.get(0);
        assertEquals(Status.BROKEN, view.status());
        assertTrue(view.problem().startsWith(problemStart), view.problem());
        assertNull(index.find(new HandlerRef(view.bundleSymbolicName(), view.bundleVersion(), view.intentType(),
                view.intentVersion())).schema());
        return view.problem();
    }
}
