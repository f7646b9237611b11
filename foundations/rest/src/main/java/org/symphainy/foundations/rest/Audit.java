package org.symphainy.foundations.rest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit log of the REST APIs: refused and cross-tenant requests (method, path, who and why; never a credential). */
public final class Audit {

    /** The audit logger, {@code org.symphainy.audit}. */
    public static final Logger LOG = LoggerFactory.getLogger("org.symphainy.audit");

    private Audit() {
    }
}
