/**
 * The Librarian's implementation: payload schemas read from the declaring bundles, compiled once and indexed by intent
 * type and version, and the governance decision that checks every payload against the schema of the handler the
 * kernel will route to.
 */
package org.symphainy.librarian.internal;
