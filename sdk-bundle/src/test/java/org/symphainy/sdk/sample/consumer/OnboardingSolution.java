package org.symphainy.sdk.sample.consumer;

import org.symphainy.sdk.intent.RequiresIntent;

/** A sample solution bundle's class requiring one intent, for the manifest header test. */
@RequiresIntent("content.ingest")
public final class OnboardingSolution {
}
