/**
 * Who acts: the {@link org.symphainy.sdk.identity.Principal} a credential proves, and the
 * {@link org.symphainy.sdk.identity.Session} an intent carries. The Security Guard role bundle serves the
 * {@link org.symphainy.sdk.identity.Authenticator} (API keys, signed JWTs); the Traffic Cop role bundle serves
 * {@link org.symphainy.sdk.identity.Sessions}. Experience exchanges a credential for a session once; every intent then
 * names its session, and the Runtime gives each governance stage the session's principal. Credentials themselves never
 * travel in an intent, so they never reach the write-ahead log: API keys are created and revoked through the
 * {@code platform.apikey.create} and {@code platform.apikey.revoke} intents, whose payloads carry a key's hash, never its
 * secret ({@link org.symphainy.sdk.identity.ApiKeys}).
 */
@Export
@Version("1.1.0")
package org.symphainy.sdk.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
