package org.symphainy.librarian.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.testkit.TestGovernanceContext;

/**
 * Times {@link PayloadLibrarian#decide} on the hot path: a small payload (10 properties, about 250 bytes) against a
 * 10-property schema, the handler resolved through a version range. Prints the median and tail latencies of single
 * decisions, for a valid and for an invalid payload. A benchmark, not a test: run it with
 * {@code mvn -f civic-bundles/librarian/pom.xml test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.symphainy.librarian.internal.LibrarianBenchmark}.
 */
public final class LibrarianBenchmark {

    private static final int WARMUP = 300_000;
    private static final int MEASURED = 300_000;

    private static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "required": ["id", "title", "source", "mediaType", "sizeBytes"],
              "additionalProperties": false,
              "properties": {
                "id": {"type": "string", "pattern": "^[a-z0-9-]{8,64}$"},
                "title": {"type": "string", "minLength": 1, "maxLength": 200},
                "source": {"type": "string", "enum": ["upload", "s3", "sharepoint", "web"]},
                "mediaType": {"type": "string", "maxLength": 100},
                "sizeBytes": {"type": "integer", "minimum": 0},
                "language": {"type": "string", "minLength": 2, "maxLength": 8},
                "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 20},
                "priority": {"type": "integer", "minimum": 0, "maximum": 9},
                "confidential": {"type": "boolean"},
                "receivedAt": {"type": "string", "format": "date-time"}
              }
            }
            """;

    private static final String VALID = "{\"id\": \"doc-2026-0001\", \"title\": \"Quarterly report\", \"source\": \"upload\","
            + " \"mediaType\": \"application/pdf\", \"sizeBytes\": 482113, \"language\": \"en\", \"tags\": [\"finance\","
            + " \"q3\"], \"priority\": 3, \"confidential\": false, \"receivedAt\": \"2026-11-24T09:30:00Z\"}";

    private static final String INVALID = VALID.replace("482113", "\"big\"").replace("\"upload\"", "\"fax\"");

    private static final GovernanceContext CONTEXT = TestGovernanceContext.of("exec-1", null);

    private LibrarianBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Files.createTempDirectory("librarian-bench");
        try (TestBundles bundles = new TestBundles(cache)) {
            bundles.bundle("org.acme.content").intent("content.ingest", "1.0.0", "schemas/content.ingest.json")
                    .resource("schemas/content.ingest.json", SCHEMA).start();
            StubRegistry registry = new StubRegistry().serve("org.acme.content", "content.ingest", "1.0.0");
            PayloadLibrarian librarian = new PayloadLibrarian(bundles.felix().getBundleContext(), registry);
            try {
                run(librarian, "valid payload", intent(VALID), true);
                run(librarian, "invalid payload (2 violations)", intent(INVALID), false);
            } finally {
                librarian.deactivate();
            }
        }
    }

    private static void run(PayloadLibrarian librarian, String name, Intent intent, boolean allowed) {
        Decision first = librarian.decide(intent, CONTEXT);
        if (first.allowed() != allowed) {
            throw new IllegalStateException(name + ": unexpected decision " + first);
        }
        for (int i = 0; i < WARMUP; i++) {
            librarian.decide(intent, CONTEXT);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            librarian.decide(intent, CONTEXT);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("librarian.decide, %s (%d bytes): median %.1f us, p90 %.1f us, p99 %.1f us, over %d decisions%n",
                name, intent.payload().size(), nanos[MEASURED / 2] / 1000.0, nanos[MEASURED * 9 / 10] / 1000.0,
                nanos[MEASURED * 99 / 100] / 1000.0, MEASURED);
    }

    private static Intent intent(String payload) {
        return Intent.builder("content.ingest").versionRange("[1.0,2.0)").tenant("acme").session("s-1").actor("ada")
                .correlationId("c-1").payload(Json.of(payload)).build();
    }
}
