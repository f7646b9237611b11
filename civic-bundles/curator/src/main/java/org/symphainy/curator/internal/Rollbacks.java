package org.symphainy.curator.internal;

import java.io.IOException;

import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.deploy.DeployIntents;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.runtime.Submission;

/**
 * Rolls back a change that failed its readiness gate — a fresh install is uninstalled, an update goes back to the jar
 * of the previous revision — as a platform intent of the system actor {@value #ACTOR} with {@code "rollback": true} and
 * the reason, so the write-ahead log (and the admin API's executions) record why. Without a Runtime to submit to, the
 * rollback is applied directly and logged.
 */
final class Rollbacks {

    /** The system actor of rollback intents. */
    static final String ACTOR = "deployer";

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.deploy");

    /** The framework change of a rollback, applied directly when it cannot be submitted. */
    interface Direct {
        void apply() throws BundleException, IOException;
    }

    private volatile PlatformSubmitter submitter;

    void submitter(PlatformSubmitter submitter) {
        this.submitter = submitter;
    }

    /**
     * Rolls {@code change} back because {@code why}; {@code previousSha256} is the jar an update replaced. Returns how
     * (the rollback intent's execution, or applied directly), or that it failed.
     */
    String rollBack(DeployChange change, String previousSha256, String why, Direct direct) {
        String what = change.symbolicName() + " " + change.version();
        String reason = "rolled back: " + what + " was not ready: " + why;
        if (reason.length() > 480) {
            reason = reason.substring(0, 477) + "...";
        }
        LOG.error("{} failed its readiness gate ({}); rolling it back", what, why);
        PlatformSubmitter through = submitter;
        if (through != null && ("install".equals(change.action()) || previousSha256 != null)) {
            String payload = payload(change, previousSha256, reason);
            String type = "install".equals(change.action()) ? DeployIntents.UNINSTALL : DeployIntents.UPDATE;
            try {
                Submission submission = through.submit(ACTOR, type, payload);
                LOG.info("rollback of {} submitted as {} execution {}", what, type, submission.executionId());
                return "rolled back through " + type + " (execution " + submission.executionId() + ")";
            } catch (IntentException e) {
                LOG.error("rollback of {} could not be submitted ({}); applying it directly", what, e.getMessage());
            }
        }
        try {
            direct.apply();
            LOG.info("rolled back {} directly: {}", what, reason);
            return "rolled back directly (no rollback intent could be submitted)";
        } catch (BundleException | IOException | IllegalStateException e) {
            LOG.error("rollback of {} failed: {}", what, e.getMessage());
            return "its rollback failed: " + e.getMessage();
        }
    }

    private static String payload(DeployChange change, String previousSha256, String reason) {
        return DeployChecks.json(out -> {
            out.writeStringField("symbolicName", change.symbolicName());
            if ("install".equals(change.action())) {
                out.writeStringField("version", change.version());
            } else {
                out.writeStringField("sha256", previousSha256);
            }
            out.writeStringField("reason", reason);
            out.writeBooleanField("rollback", true);
        });
    }
}
