/**
 * The governance pipeline's service provider interfaces. Before the Runtime accepts an intent, one service per Smart City
 * role decides on it, in the order of {@link org.symphainy.sdk.governance.Stage}: Traffic Cop, Security Guard, City
 * Manager, Librarian, Data Steward. Each returns a {@link org.symphainy.sdk.governance.Decision} with reasons; the first
 * denial ends the pipeline, and every decision is recorded. The platform fails closed: a role with no registered
 * service, or one that throws, counts as a denial. Customers replace a role by registering a higher-ranked service.
 */
@Export
@Version("1.2.0")
package org.symphainy.sdk.governance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
