/**
 * The Conductor's implementation: the deploy-time check of saga definitions ({@link
 * org.symphainy.conductor.internal.SagaCheck}) against what the deployed bundles declare of their intents.
 */
package org.symphainy.conductor.internal;
