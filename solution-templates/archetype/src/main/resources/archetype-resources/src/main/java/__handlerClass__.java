package ${package};

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * {@code ${intentType}}: greets the person the payload names, at the execution's recorded time, with a lucky number
 * drawn from its recorded seed. {@link ProvidesIntent} declares the intent in the bundle's manifest with its payload
 * schema and the kind of artifact it returns; the platform validates every payload against the schema before the
 * intent is accepted, and every artifact against its kind's schema before it is recorded.
 */
@ProvidesIntent(value = ${handlerClass}.INTENT, version = "${intentVersion}", schema = "schemas/${intentType}.json",
        artifacts = ${handlerClass}.GREETING + "=schemas/${intentType}.greeting.json")
@Component(service = IntentHandler.class)
public final class ${handlerClass} implements IntentHandler {

    /** The intent this handler serves. */
    public static final String INTENT = "${intentType}";

    /** The kind of artifact it returns. */
    public static final String GREETING = INTENT + ".greeting";

    /** The payload's name; its schema allows no quote or backslash in it, so the JSON string needs no unescaping. */
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"\\\\]+)\"");

    /**
     * Returns one greeting artifact. A handler is a function of its intent and context: time only from
     * {@code context.clock()}, randomness only from {@code context.random()}, no I/O; the platform records the result.
     */
    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        Matcher name = NAME.matcher(intent.payload().text());
        if (!name.find()) {
            throw new IntentException(ErrorCode.PAYLOAD_INVALID, "the payload of " + INTENT
                    + " names no one; send {\"name\": \"Ada\"} (see schemas/" + INTENT + ".json)");
        }
        String greeting = "{\"greeting\":\"Hello, " + name.group(1) + "!\",\"at\":\"" + context.clock().instant()
                + "\",\"luckyNumber\":" + context.random().nextInt(100) + "}";
        return Result.of(Artifact.of(GREETING, Json.of(greeting)));
    }
}
