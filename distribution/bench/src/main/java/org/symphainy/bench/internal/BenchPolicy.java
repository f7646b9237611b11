package org.symphainy.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The policy of the governance scenario: a thousand rules for the City Manager, written to its policy file in the
 * bench's temporary data directory (the container's own data is not touched). Ten rules about {@code bench.*} come
 * first and do not match (their conditions are false, so each is evaluated), then the one that allows, then the
 * bootstrap administrator's platform rule, the saga scenario's rule, then 987 rules about other intent types.
 */
final class BenchPolicy {

    static final int RULES = 1_000;
    static final String ALLOWING_RULE = "bench-orders";
    static final String SAGA_RULE = "bench-sagas";

    private BenchPolicy() {
    }

    /** Writes the policy to {@code data}'s City Manager policy file (atomically); returns the file. */
    static Path write(Path data) {
        StringBuilder json = new StringBuilder("{\"rules\": [\n");
        for (int i = 0; i < 10; i++) {
            json.append(rule("bench-big-" + i, "deny", "bench.*", "system", "payload.amount > " + (1_000_000 + i), "too big"));
        }
        json.append(rule(ALLOWING_RULE, "allow", GovernedHandler.TYPE, "system",
                "'admin' in principal.roles && payload.amount < 1000000.0 && payload.currency in ['EUR', 'USD', 'GBP']",
                "administrators may place bench orders"));
        json.append(rule("admins", "allow", "platform.*", "system", "'admin' in principal.roles",
                "the bootstrap administrator's platform intents"));
        json.append(rule(SAGA_RULE, "allow", "bench.saga.*", "system", "'admin' in principal.roles",
                "administrators may run the bench's sagas and their steps"));
        for (int i = 0; i < RULES - 13; i++) {
            json.append(rule("dept-" + i, i % 3 == 0 ? "deny" : "allow", "dept" + i + ".op" + (i % 7) + (i % 2 == 0 ? "" : ".*"),
                    i % 5 == 0 ? "*" : "tenant" + (i % 40), "'role" + (i % 13) + "' in principal.roles", "rule " + i));
        }
        json.setLength(json.length() - 2); // the last ",\n"
        json.append("\n]}\n");
        Path file = data.resolve("city-manager").resolve("policies.json");
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(".policies.json.bench");
            Files.writeString(temp, json);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BenchFailure("cannot write the governance scenario's policy file " + file + " (" + e + ")");
        }
        return file;
    }

    private static String rule(String id, String effect, String intent, String tenant, String when, String reason) {
        return "  {\"id\": \"" + id + "\", \"effect\": \"" + effect + "\", \"intent\": \"" + intent + "\", \"tenant\": \""
                + tenant + "\", \"when\": \"" + when.replace("\"", "\\\"") + "\", \"reason\": \"" + reason + "\"},\n";
    }
}
