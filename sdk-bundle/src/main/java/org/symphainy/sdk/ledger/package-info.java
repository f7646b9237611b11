/**
 * The write-ahead log as operators read it: every record the Runtime wrote, in order, with its place in the hash chain.
 * The admin console serves it by sequence range and by execution; nothing here changes the log.
 */
@Export
@Version("1.0.0")
package org.symphainy.sdk.ledger;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
