/**
 * The Security Guard role: API keys and signed JWTs prove who presents a credential; the configured role grants decide
 * which intents a principal may submit; API keys change through the {@code platform.apikey.create} and
 * {@code platform.apikey.revoke} intents, applied from the WAL. Private to the bundle: the services are the SDK's
 * {@code SecurityGuard}, {@code Authenticator}, {@code ApiKeys}, {@code Projection} and two {@code IntentHandler}s.
 */
package org.symphainy.securityguard.internal;
