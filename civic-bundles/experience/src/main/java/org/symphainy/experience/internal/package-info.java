/**
 * The Experience bundle's implementation: the REST API under {@code /api/v1} as Jakarta REST whiteboard services
 * (resources, the Bearer authentication filter, the problem+json exception mapper) and their configuration (PID
 * {@code org.symphainy.experience}). It turns requests into intents for the Runtime and reads executions back; it never
 * calls a domain service. Private to the bundle: nothing here is API.
 */
package org.symphainy.experience.internal;
