package org.symphainy.sdk.sample.versioned;

import org.symphainy.sdk.intent.RequiresIntent;

/** A sample solution bundle's class requiring intents in versions, for the manifest header test. */
@RequiresIntent(value = "insights.analyze", version = "[1.2,3.0)")
@RequiresIntent(value = "outcomes.propose", version = "1.1")
public final class ReportingSolution {
}
