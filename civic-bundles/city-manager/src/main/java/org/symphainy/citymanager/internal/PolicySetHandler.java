package org.symphainy.citymanager.internal;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * {@code platform.policy.set}: replaces the policy. The City Manager has compiled the candidate before accepting the
 * intent (a policy that does not compile, or that would lock administrators out, is denied with the position and the
 * reason); the handler compiles it again — a pure function of the payload — and records it as an artifact, which the
 * City Manager applies once the execution is recorded.
 */
@ProvidesIntent(value = GovernanceIntents.POLICY_SET, version = "1.0.0", schema = "schemas/platform.policy.set.json")
@Component(service = IntentHandler.class)
public final class PolicySetHandler implements IntentHandler {

    private final PolicyCompiler compiler = new PolicyCompiler(new PolicyLanguage());

    @Override
    public Result handle(Intent intent, RuntimeContext context) throws InvalidPolicy {
        GovernanceIntents.Change change = GovernanceIntents.request(intent);
        compiler.compile(change.policy(), "the payload's policy");
        return Result.of(change.artifact());
    }
}
