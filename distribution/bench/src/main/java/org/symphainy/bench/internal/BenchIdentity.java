package org.symphainy.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.symphainy.sdk.identity.Authenticator;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;
import org.symphainy.sdk.intent.IntentException;

/**
 * Who the bench's intents come from. With the Smart City roles in the container it signs in as a client would: the
 * bootstrap administrator's API key ({@code data/admin.key}) proves a principal to the Security Guard, and the Traffic
 * Cop opens a session for it, which every intent names. Without them the intents carry a made-up identity, which only the
 * bench's stand-in roles accept.
 *
 * @param tenant the intents' tenant
 * @param actor the intents' actor
 * @param session the session every intent names
 * @param how how the identity was established, for the bench's header
 * @param signedIn true if the container's Security Guard and Traffic Cop signed the bench in
 */
record BenchIdentity(String tenant, String actor, String session, String how, boolean signedIn) {

    /** The identity to use in the container of {@code context}, whose data directory is {@code data}. */
    static BenchIdentity establish(BundleContext context, Path data) {
        Authenticator authenticator = service(context, Authenticator.class);
        Sessions sessions = service(context, Sessions.class);
        if (authenticator == null || sessions == null) {
            return new BenchIdentity("bench", "symphainy-bench", "bench-session",
                    "a made-up identity (no Security Guard or Traffic Cop bundle serves sign-in)", false);
        }
        Path keyFile = data.resolve("admin.key");
        String key;
        try {
            key = Files.readString(keyFile).trim();
        } catch (IOException e) {
            throw new BenchFailure("cannot read the bootstrap administrator's API key " + keyFile + " (" + e
                    + "); the Security Guard writes it at the first start of an empty data directory");
        }
        try {
            Principal principal = authenticator.authenticate(key);
            Session session = sessions.open(principal);
            return new BenchIdentity(principal.tenant(), principal.actor(), session.id(),
                    "signed in as " + principal + " with the bootstrap administrator's API key (" + keyFile + ")", true);
        } catch (IntentException e) {
            throw new BenchFailure("the bootstrap administrator's API key in " + keyFile + " was refused: " + e.getMessage());
        }
    }

    private static <T> T service(BundleContext context, Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        return reference == null ? null : context.getService(reference);
    }
}
