/**
 * Intents, the unit of governed work, and the handlers that serve them. An {@link org.symphainy.sdk.intent.Intent} says
 * what a caller wants; an {@link org.symphainy.sdk.intent.IntentHandler}, declared with
 * {@link org.symphainy.sdk.intent.ProvidesIntent}, turns it into a {@link org.symphainy.sdk.intent.Result} of artifacts
 * and events under a {@link org.symphainy.sdk.intent.RuntimeContext} whose clock and random source the Runtime records,
 * so every execution can be replayed. Handlers never perform side effects: the Runtime records what they return.
 */
@Export
@Version("1.3.0")
package org.symphainy.sdk.intent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
