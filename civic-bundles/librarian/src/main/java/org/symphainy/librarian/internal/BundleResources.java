package org.symphainy.librarian.internal;

import java.net.URL;
import java.util.Locale;

import org.osgi.framework.Bundle;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;

/**
 * Serves the {@code $ref}s of a bundle's schema from that bundle's own entries: a schema known as
 * {@code symphainy-bundle://org.acme.content/schemas/content.ingest.json} that refers to {@code common.json} gets the
 * entry {@code schemas/common.json} of the same bundle. JSON only: YAML resources are not accepted.
 */
final class BundleResources implements ResourceLoader {

    private static final String SCHEME = "symphainy-bundle://";

    private final Bundle bundle;
    private final String base;

    BundleResources(Bundle bundle) {
        this.bundle = bundle;
        this.base = SCHEME + bundle.getSymbolicName() + "/";
    }

    /** The IRI the schema at {@code path} inside the bundle is known by: the base of its relative {@code $ref}s. */
    String iriOf(String path) {
        return base + entryName(path);
    }

    /** True if {@code iri} names a JSON resource of this bundle. */
    boolean accepts(AbsoluteIri iri) {
        if (iri == null || !iri.toString().startsWith(base)) {
            return false;
        }
        String lower = iri.toString().toLowerCase(Locale.ROOT);
        return !lower.endsWith(".yaml") && !lower.endsWith(".yml");
    }

    /** The entry, or null when the bundle has none there (the validator then reports the IRI as not found). */
    @Override
    public InputStreamSource getResource(AbsoluteIri iri) {
        if (!accepts(iri)) {
            return null;
        }
        URL entry = bundle.getEntry(iri.toString().substring(base.length()));
        return entry == null ? null : entry::openStream;
    }

    /** {@code path} as an entry name: relative to the bundle root. */
    static String entryName(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
