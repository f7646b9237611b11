package org.symphainy.librarian.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;

/**
 * Checks one payload against one compiled schema: parses it once, validates it, and turns the result into the
 * Librarian's decision: an allowance naming the schema, or a {@link Decision#PAYLOAD_INVALID} denial that lists each
 * violation as a JSON pointer and a message (the first {@value #LISTED}, then how many more). Thread-safe.
 */
final class PayloadCheck {

    /** How many violations a denial lists. */
    static final int LISTED = 10;

    private final ObjectMapper reader = JsonMapper.builder().build();

    /** Allows {@code payload} if it matches {@code entry}'s schema (which must be valid), denies it otherwise. */
    Decision check(Json payload, IndexedSchema entry) {
        IntentSchema view = entry.view();
        JsonNode node;
        try {
            node = reader.readTree(payload.bytes());
        } catch (IOException e) {
            return Decision.deny(Stage.LIBRARIAN, Decision.PAYLOAD_INVALID, "payload of intent " + view.intentType()
                    + " " + view.intentVersion() + " is not well-formed JSON" + position(e) + ": send a JSON document");
        }
        List<Error> errors = entry.schema().validate(node);
        if (errors.isEmpty()) {
            return Decision.allow(Stage.LIBRARIAN, "payload matches the " + view.describe() + " for intent "
                    + view.intentType() + " " + view.intentVersion());
        }
        List<String> reasons = new ArrayList<>(LISTED + 2);
        reasons.add("payload does not match the " + view.describe() + " for intent " + view.intentType() + " "
                + view.intentVersion() + " (" + errors.size() + (errors.size() == 1 ? " violation" : " violations")
                + "): correct the payload and submit it again");
        reasons.addAll(Messages.violations(errors, LISTED, "and %d more violations not listed"));
        return new Decision(Stage.LIBRARIAN, false, reasons, Decision.PAYLOAD_INVALID);
    }

    /** What is wrong with {@code artifacts} under {@code kinds}, one sentence per artifact with a problem. */
    List<String> artifactProblems(HandlerRef handler, ArtifactKinds kinds, List<Artifact> artifacts) {
        List<String> problems = new ArrayList<>();
        String intent = "intent " + handler.intentType() + " " + handler.intentVersion() + " (bundle "
                + handler.bundleSymbolicName() + " " + handler.bundleVersion() + ")";
        for (int i = 0; i < artifacts.size(); i++) {
            Artifact artifact = artifacts.get(i);
            String name = "artifact " + (artifact.isRecorded() ? artifact.id() : "#" + (i + 1)) + " of kind '"
                    + artifact.kind() + "'";
            if (kinds.broken().containsKey(artifact.kind())) {
                problems.add(name + " cannot be checked: " + kinds.broken().get(artifact.kind()) + "; the bundle's "
                        + "author must fix the schema");
            } else if (!kinds.schemas().containsKey(artifact.kind())) {
                problems.add(name + " is not a kind " + intent + " declares (" + String.join(", ", kinds.kinds())
                        + "); return a declared kind, or declare it in @ProvidesIntent(artifacts = ...)");
            } else if (kinds.schemas().get(artifact.kind()) != null) {
                Schema schema = kinds.schemas().get(artifact.kind());
                try {
                    List<Error> errors = schema.validate(reader.readTree(artifact.content()));
                    if (!errors.isEmpty()) {
                        problems.add(name + " does not match its kind's schema (" + errors.size()
                                + (errors.size() == 1 ? " violation" : " violations") + "): "
                                + String.join("; ", Messages.violations(errors, LISTED, "and %d more")));
                    }
                } catch (IOException e) {
                    problems.add(name + " is not well-formed JSON" + position(e) + ", but its kind has a JSON Schema");
                }
            }
        }
        return problems;
    }

    private static String position(IOException e) {
        JsonLocation at = e instanceof JsonProcessingException parse ? parse.getLocation() : null;
        String message = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
        return (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + " ("
                + Messages.oneLine(message) + ")";
    }
}
