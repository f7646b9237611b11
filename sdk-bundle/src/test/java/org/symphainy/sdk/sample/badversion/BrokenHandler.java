package org.symphainy.sdk.sample.badversion;

import org.symphainy.sdk.intent.RequiresIntent;

/** A sample with a version that is not one, which the bundle build must refuse. */
@RequiresIntent(value = "content.ingest", version = "latest")
public final class BrokenHandler {
}
