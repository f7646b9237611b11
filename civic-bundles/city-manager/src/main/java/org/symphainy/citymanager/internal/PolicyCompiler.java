package org.symphainy.citymanager.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a policy document and compiles it, or rejects it whole. The document is {@code {"rules": [...]}} (an optional
 * {@code "description"} beside it) or the bare array; each rule is
 * {@code {"id", "effect": "allow"|"deny", "intent": "<type>"|"<prefix>.*"|"*", "tenant"?, "when"?, "reason"?}}.
 * Unknown fields are refused (a misspelt {@code "tenant"} must not widen a rule), so are duplicate ids, unknown effects
 * and conditions that do not compile. Thread-safe.
 */
final class PolicyCompiler {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_ID = 128;
    private static final String FIELDS = "id, effect, intent, tenant, when, reason";

    private final PolicyLanguage language;

    PolicyCompiler(PolicyLanguage language) {
        this.language = language;
    }

    /** The policy in {@code source}, read from {@code origin}; throws InvalidPolicy saying where and what is wrong. */
    Policy compile(String source, String origin) throws InvalidPolicy {
        return compile(source.getBytes(StandardCharsets.UTF_8), origin, false);
    }

    /** Like {@link #compile(String, String)} for the document's bytes; {@code secureDefault} marks the built-in one. */
    Policy compile(byte[] utf8, String origin, boolean secureDefault) throws InvalidPolicy {
        List<PolicyRule> rules = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(utf8)) {
            readDocument(parser, origin, rules);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicy(origin + ": " + at(e.getLocation()) + ": " + e.getOriginalMessage()
                    + "; fix the JSON");
        } catch (IOException e) {
            throw new InvalidPolicy(origin + ": could not be read: " + e.getMessage());
        }
        return new Policy(rules, origin, secureDefault);
    }

    private void readDocument(JsonParser parser, String origin, List<PolicyRule> rules) throws IOException, InvalidPolicy {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            readRules(parser, origin, rules);
        } else if (first == JsonToken.START_OBJECT) {
            boolean sawRules = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("rules".equals(field) && value == JsonToken.START_ARRAY) {
                    readRules(parser, origin, rules);
                    sawRules = true;
                } else if ("description".equals(field)) {
                    parser.skipChildren();
                } else {
                    throw new InvalidPolicy(origin + ": " + at(parser.currentTokenLocation()) + ": unexpected field '"
                            + field + "'; a policy document is {\"rules\": [...]} with an optional \"description\"");
                }
            }
            if (!sawRules) {
                throw new InvalidPolicy(origin + ": the document has no \"rules\" array; write {\"rules\": [...]}");
            }
        } else {
            throw new InvalidPolicy(origin + ": " + at(parser.currentTokenLocation())
                    + ": a policy document is {\"rules\": [...]} or an array of rules, not " + first);
        }
        if (parser.nextToken() != null) {
            throw new InvalidPolicy(origin + ": " + at(parser.currentTokenLocation())
                    + ": the document goes on after its end; remove what follows");
        }
    }

    private void readRules(JsonParser parser, String origin, List<PolicyRule> rules) throws IOException, InvalidPolicy {
        Set<String> ids = new HashSet<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            int number = rules.size() + 1;
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidPolicy(origin + ": " + at(parser.currentTokenLocation()) + ": rule #" + number
                        + " is " + token + ", not an object {\"id\", \"effect\", \"intent\", ...}");
            }
            RuleSource source = RuleSource.read(parser, number, origin);
            PolicyRule rule = source.compile(rules.size(), language, origin);
            if (!ids.add(rule.id())) {
                throw new InvalidPolicy(origin + ": " + source.where() + ": id '" + rule.id()
                        + "' is used by an earlier rule; give every rule its own id");
            }
            rules.add(rule);
        }
    }

    private static String at(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** One rule as written, with where each part was, before it is checked and compiled. */
    private static final class RuleSource {

        private final int number;
        private final JsonLocation start;
        private String id;
        private String effect;
        private String intent;
        private String tenant;
        private String when;
        private JsonLocation whenAt;
        private String reason;

        private RuleSource(int number, JsonLocation start) {
            this.number = number;
            this.start = start;
        }

        static RuleSource read(JsonParser parser, int number, String origin) throws IOException, InvalidPolicy {
            RuleSource rule = new RuleSource(number, parser.currentTokenLocation());
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    throw new InvalidPolicy(origin + ": " + at(parser.currentTokenLocation()) + ": rule #" + number
                            + " field '" + field + "' must be a string, not " + value);
                }
                rule.set(field, parser.getText(), parser.currentTokenLocation(), origin);
            }
            return rule;
        }

        private void set(String field, String value, JsonLocation at, String origin) throws InvalidPolicy {
            switch (field) {
                case "id" -> id = value;
                case "effect" -> effect = value;
                case "intent" -> intent = value;
                case "tenant" -> tenant = value;
                case "when" -> {
                    when = value;
                    whenAt = at;
                }
                case "reason" -> reason = value;
                default -> throw new InvalidPolicy(origin + ": " + at(at) + ": rule #" + number + " has unknown field '"
                        + field + "'; a rule has the fields " + FIELDS);
            }
        }

        String where() {
            return "rule #" + number + (id == null ? "" : " (id '" + id + "')") + " at " + at(start);
        }

        PolicyRule compile(int order, PolicyLanguage language, String origin) throws InvalidPolicy {
            String prefix = origin + ": " + where() + ": ";
            if (id == null || id.isBlank() || id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidPolicy(prefix + "needs an \"id\" of 1 to " + MAX_ID + " characters");
            }
            boolean allow = switch (effect == null ? "" : effect) {
                case "allow", "approve" -> true;
                case "deny" -> false;
                default -> throw new InvalidPolicy(prefix + "effect '" + effect + "' is not \"allow\", \"approve\" "
                        + "(allow once a second principal approves) or \"deny\"");
            };
            boolean approval = "approve".equals(effect);
            if (intent == null) {
                throw new InvalidPolicy(prefix + "needs an \"intent\": a type ('content.ingest'), a prefix "
                        + "('content.*') or '*'");
            }
            IntentPattern pattern;
            try {
                pattern = IntentPattern.parse(intent);
            } catch (IllegalArgumentException e) {
                throw new InvalidPolicy(prefix + e.getMessage());
            }
            if (tenant != null && tenant.isBlank()) {
                throw new InvalidPolicy(prefix + "tenant is blank; name a tenant, or '*' (or no \"tenant\") for all");
            }
            return new PolicyRule(order, id, allow, approval, pattern, tenant == null || "*".equals(tenant) ? null : tenant,
                    condition(language, prefix), reason == null || reason.isBlank() ? null : reason);
        }

        private PolicyLanguage.Condition condition(PolicyLanguage language, String prefix) throws InvalidPolicy {
            if (when == null) {
                return null;
            }
            try {
                return language.compile(when);
            } catch (PolicyLanguage.InvalidExpression e) {
                throw new InvalidPolicy(prefix + "\"when\" (" + at(whenAt) + ") does not compile at line " + e.line
                        + ", column " + e.column + " of the expression: " + e.getMessage());
            }
        }
    }
}
