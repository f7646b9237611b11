package org.symphainy.runtime.internal.kernel;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * {@code platform.echo}: the built-in diagnostic intent. Its payload comes back as one JSON artifact, through the whole
 * governed path — a synthetic health check for operators and the load the benchmark drives.
 */
@ProvidesIntent(value = "platform.echo", version = "1.0.0", artifacts = "platform.echo")
@Component(service = IntentHandler.class)
public final class EchoHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.of(Artifact.of("platform.echo", intent.payload()));
    }
}
