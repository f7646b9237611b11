/**
 * The Nurse role bundle's implementation: the retry policies the Runtime applies to failed steps
 * ({@link org.symphainy.sdk.runtime.RetryPolicies}) and the health of the deployed intents
 * ({@link org.symphainy.sdk.health.IntentHealth}), both configured by PID {@code org.symphainy.nurse}. Private to the
 * bundle: nothing here is API.
 */
package org.symphainy.nurse.internal;
