/**
 * The Data Steward role: decides <em>how</em> data may be used by an intent, never <em>what</em> should happen.
 *
 * <h2>How an intent names data</h2>
 * An intent references data sources through two top-level members of its JSON payload: {@code "dataSources"}, an array
 * of strings, and/or {@code "dataSource"}, a string. Each names a source as a dotted lower-case name such as
 * {@code crm.contacts} (segments of a-z, 0-9, '_' and '-', each starting with a letter). Anything else in those two
 * members (a number, an object, a name of another shape) is denied with {@code PAYLOAD_INVALID}: a reference the Data
 * Steward cannot read is never waved through. A payload that is not a JSON object references nothing.
 *
 * <h2>Data boundaries</h2>
 * Configuration {@code boundaries} (PID {@code org.symphainy.datasteward}) lists {@code <tenant>=<pattern>[,<pattern>...]};
 * a pattern is a source name ({@code crm.contacts}), a prefix ({@code crm.*}, every source below {@code crm.}) or
 * {@code *} (every source). Several entries for one tenant add up. Secure default: tenant {@code system} may reference
 * every source (unless an entry names {@code system} itself), every other tenant none until an entry names it. A source
 * outside the intent's tenant's boundary is denied with {@code FORBIDDEN}, naming the entry that would allow it.
 *
 * <h2>Personal data</h2>
 * Configuration {@code personalFields} lists dotted paths into the payload ({@code customer.email}, {@code ssn}) whose
 * values are personal data; a path through an array applies to each element. A payload in which such a field is present
 * and not null needs a principal holding {@code personalDataRole} (default {@code personal-data}) or {@code admin}:
 * without one the intent is denied {@code FORBIDDEN}, without any principal {@code UNAUTHENTICATED}. Reasons name the
 * fields, never their values.
 *
 * <h2>Provenance rules</h2>
 * {@link org.symphainy.datasteward.internal.ProvenanceChecker} checks an execution's recorded artifacts: each carries
 * provenance naming that execution and its handler bundle, and kinds matching configuration {@code requireInputsFor}
 * list at least one input artifact.
 *
 * <h2>Speed</h2>
 * Configuration is compiled once into matchers and a tree of the paths that matter; each decision reads the payload once
 * with jackson-core's streaming parser and skips every member no path leads into.
 */
package org.symphainy.datasteward.internal;
