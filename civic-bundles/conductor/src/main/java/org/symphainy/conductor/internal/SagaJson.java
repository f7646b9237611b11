package org.symphainy.conductor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.saga.Compensation;
import org.symphainy.sdk.saga.PayloadMapping;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaStep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a saga definition resource:
 *
 * <pre>
 * {"timeout": "PT1M",
 *  "steps": [
 *    {"name": "reserve", "intent": "stock.reserve", "payload": {"/sku": "/input/sku"},
 *     "compensation": {"intent": "stock.release", "payload": {"/id": "/steps/reserve/artifacts/stock.reservation/id"}},
 *     "retry": {"maxAttempts": 3, "initialInterval": "PT1S", "backoffCoefficient": 2.0, "maxInterval": "PT10S",
 *               "jitter": 0.2, "nonRetryable": ["PAYLOAD_INVALID"]},
 *     "timeout": "PT5S"}]}
 * </pre>
 *
 * Durations are ISO-8601. A resource that does not read gives an {@link InvalidSaga} saying where and what to fix.
 */
final class SagaJson {

    private static final JsonFactory JSON = new JsonFactory();

    /** A resource that is not a valid saga definition; {@code step} names the step at fault, or is null. */
    static final class InvalidSaga extends Exception {
        private final String step;

        InvalidSaga(String step, String message) {
            super(message);
            this.step = step;
        }

        String step() {
            return step;
        }
    }

    private SagaJson() {
    }

    /** The saga started by {@code intentType} that {@code in} defines. */
    static SagaDefinition read(String intentType, InputStream in) throws InvalidSaga {
        Object root;
        try (JsonParser parser = JSON.createParser(in)) {
            parser.nextToken();
            root = value(parser);
        } catch (IOException e) {
            throw new InvalidSaga(null, "the resource is not JSON: " + e.getMessage());
        }
        Map<String, Object> saga = object(null, "the definition", root);
        List<SagaStep> steps = new ArrayList<>();
        if (!(saga.get("steps") instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidSaga(null, "\"steps\" must be a non-empty array of steps");
        }
        for (Object element : list) {
            steps.add(step(object(null, "each step", element)));
        }
        try {
            return new SagaDefinition(intentType, steps, duration(null, "timeout", saga.get("timeout")));
        } catch (IllegalArgumentException e) {
            throw new InvalidSaga(null, e.getMessage());
        }
    }

    private static SagaStep step(Map<String, Object> step) throws InvalidSaga {
        String name = text(null, "\"name\" of a step", step.get("name"));
        try {
            Object compensation = step.get("compensation");
            Compensation undo = null;
            if (compensation != null) {
                Map<String, Object> c = object(name, "\"compensation\"", compensation);
                undo = new Compensation(text(name, "\"intent\" of the compensation", c.get("intent")), mappings(name, c.get("payload")));
            }
            return new SagaStep(name, text(name, "\"intent\"", step.get("intent")), mappings(name, step.get("payload")), undo,
                    retry(name, step.get("retry")), duration(name, "timeout", step.get("timeout")));
        } catch (IllegalArgumentException e) {
            throw new InvalidSaga(name, e.getMessage());
        }
    }

    private static List<PayloadMapping> mappings(String step, Object payload) throws InvalidSaga {
        List<PayloadMapping> mappings = new ArrayList<>();
        if (payload != null) {
            for (Map.Entry<String, Object> e : object(step, "\"payload\"", payload).entrySet()) {
                mappings.add(PayloadMapping.of(e.getKey(), text(step, "the source of payload '" + e.getKey() + "'", e.getValue())));
            }
        }
        return mappings;
    }

    private static RetryPolicy retry(String step, Object retry) throws InvalidSaga {
        if (retry == null) {
            return null;
        }
        Map<String, Object> r = object(step, "\"retry\"", retry);
        RetryPolicy base = RetryPolicy.DEFAULT;
        Set<ErrorCode> nonRetryable = EnumSet.noneOf(ErrorCode.class);
        if (r.get("nonRetryable") instanceof List<?> codes) {
            for (Object code : codes) {
                String name = text(step, "a nonRetryable code", code);
                try {
                    nonRetryable.add(ErrorCode.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new InvalidSaga(step, "nonRetryable code '" + name + "' is not an ErrorCode; use one of "
                            + java.util.Arrays.toString(ErrorCode.values()));
                }
            }
        } else {
            nonRetryable.addAll(base.nonRetryable());
        }
        Duration initial = duration(step, "initialInterval", r.get("initialInterval"));
        Duration max = duration(step, "maxInterval", r.get("maxInterval"));
        return new RetryPolicy(number(step, "maxAttempts", r.get("maxAttempts"), base.maxAttempts()).intValue(),
                initial == null ? base.initialInterval() : initial,
                number(step, "backoffCoefficient", r.get("backoffCoefficient"), base.backoffCoefficient()).doubleValue(),
                max == null ? base.maxInterval() : max, number(step, "jitter", r.get("jitter"), base.jitter()).doubleValue(),
                nonRetryable);
    }

    private static Duration duration(String step, String what, Object value) throws InvalidSaga {
        if (value == null) {
            return null;
        }
        try {
            return Duration.parse(text(step, "\"" + what + "\"", value));
        } catch (DateTimeParseException e) {
            throw new InvalidSaga(step, "\"" + what + "\" is '" + value + "'; write an ISO-8601 duration such as PT5S");
        }
    }

    private static Number number(String step, String what, Object value, Number otherwise) throws InvalidSaga {
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Number n) {
            return n;
        }
        throw new InvalidSaga(step, "\"" + what + "\" must be a number");
    }

    private static String text(String step, String what, Object value) throws InvalidSaga {
        if (value instanceof String s) {
            return s;
        }
        throw new InvalidSaga(step, what + " must be a string");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String step, String what, Object value) throws InvalidSaga {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new InvalidSaga(step, what + " must be a JSON object");
    }

    /** The value at the parser's current token: Map, List, String, Number, Boolean or null. */
    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                map.put(name, value(parser));
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser));
            }
            return list;
        }
        if (token == null) {
            throw new IOException("the resource is empty");
        }
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }
}
