/**
 * A test kit for handler authors, usable in plain unit tests without OSGi or a Runtime. Build a synthetic
 * {@link org.symphainy.sdk.testkit.TestContext} (or one from a recorded execution), run a handler against it with
 * {@link org.symphainy.sdk.testkit.HandlerTestKit#run}, and check with
 * {@link org.symphainy.sdk.testkit.HandlerTestKit#assertDeterministic} that it returns the same artifacts for the same
 * inputs, as replay requires. Failures are plain {@link java.lang.AssertionError}s, so any test framework reports them.
 */
@Export
@Version("1.2.0")
package org.symphainy.sdk.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
