package org.symphainy.curator.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.symphainy.sdk.deploy.DeployIntents;
import org.symphainy.sdk.deploy.Deployments;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * {@code platform.bundle.stop}: checks the request against what is staged and installed and records the change as an
 * artifact; the {@link Deployer} applies it once the execution is recorded.
 */
@ProvidesIntent(value = DeployIntents.STOP, version = "1.0.0", schema = "schemas/platform.bundle.stop.json",
        artifacts = DeployIntents.CHANGE_ARTIFACT + "=schemas/platform.bundle.change.json")
@Component(service = IntentHandler.class)
public final class BundleStopHandler implements IntentHandler {

    private final Deployments deployments;

    /** A handler checking requests against {@code deployments}. */
    @Activate
    public BundleStopHandler(@Reference Deployments deployments) {
        this.deployments = deployments;
    }

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.of(DeployChange.request(intent, deployments).artifact());
    }
}
