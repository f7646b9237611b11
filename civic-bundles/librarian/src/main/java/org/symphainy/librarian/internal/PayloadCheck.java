package org.symphainy.librarian.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.Json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;

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

    private static String position(IOException e) {
        JsonLocation at = e instanceof JsonProcessingException parse ? parse.getLocation() : null;
        String message = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
        return (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + " ("
                + Messages.oneLine(message) + ")";
    }
}
