/**
 * The Runtime service: the single execution authority, as Experience, the admin console and tests see it. Submit an
 * {@link org.symphainy.sdk.intent.Intent} and get a {@link org.symphainy.sdk.runtime.Submission} once it is durable in
 * the write-ahead log; follow the {@link org.symphainy.sdk.runtime.Execution} by id, by query or by subscription; replay
 * it to learn whether a handler still produces the same artifacts. Everything here describes recorded facts and is
 * immutable.
 */
@Export
@Version("1.3.0")
package org.symphainy.sdk.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
