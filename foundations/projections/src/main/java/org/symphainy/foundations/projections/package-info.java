/**
 * Support for Projections (the SDK's way for state changed by intents to take effect from the WAL): the ledger of the
 * executions a projection has applied, so that the executions the Runtime offers again at every start are applied once.
 * A plain library: embedded privately by each bundle that uses it.
 */
package org.symphainy.foundations.projections;
