/**
 * The Security Guard role: API keys and signed JWTs prove who presents a credential; the configured role grants decide
 * which intents a principal may submit. Private to the bundle: the services are the SDK's {@code SecurityGuard},
 * {@code Authenticator} and {@code ApiKeys}.
 */
package org.symphainy.securityguard.internal;
