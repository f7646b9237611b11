/**
 * The Curator's implementation: declared intents from bundle wirings, handler admission, the version index — and the
 * governed deployer with its two doors.
 *
 * <p><b>One deployer, two doors.</b> The admin API ({@code POST /admin/v1/bundles}) and the deploy folder both stage a
 * jar ({@link org.symphainy.curator.internal.Deployer#stage}) and submit a {@code platform.bundle.*} intent; the
 * handlers check it, and the {@link org.symphainy.curator.internal.Deployer} applies the completed execution to the
 * framework. The folder's door ({@link org.symphainy.curator.internal.DeployFolder}, FileInstall's
 * {@code ArtifactInstaller}) lives here, beside the deployer it feeds, rather than in the runtime bundle: it needs the
 * deployer's staging and the catalog of deployed bundles, and the runtime bundle should not know about bundles at all.
 * It submits as the system actor {@code deploy-folder@system} ({@link org.symphainy.curator.internal.PlatformSubmitter}),
 * so every folder change is in the write-ahead log with who, what (file name, hash) and why ("dropped into deploy/").
 *
 * <p><b>Before the framework is touched</b> ({@link org.symphainy.curator.internal.DeployChecks}): the jar is a bundle;
 * it declares no intent another bundle provides at the same version; a trial resolve finds a capability for each of
 * its mandatory requirements among the installed bundles (matched with OSGi filters, so a refusal names the missing
 * requirement and the near candidates), then resolves it with the framework's {@code org.osgi.service.resolver.Resolver}
 * service — Felix registers one — over a {@code ResolveContext} of the installed wirings and a resource built from the
 * candidate's manifest (uses constraints included). A start that still fails is rolled back. An update or uninstall is checked against its blast radius (the framework's
 * dependency closure): platform bundles in it, or dependants of an uninstalled bundle, refuse it unless forced.
 *
 * <p><b>After</b>: the readiness gate ({@link org.symphainy.curator.internal.Readiness}) waits, bounded, until the
 * bundle is active, its intents' handlers admitted and its components satisfied; otherwise
 * {@link org.symphainy.curator.internal.Rollbacks} submits the rollback as an intent of {@code deployer@system} — an
 * uninstall of a fresh install, an update back to the previous revision's staged jar (every staged jar is kept) — so the
 * reason is recorded in the write-ahead log and shown by the admin API's executions.
 */
package org.symphainy.curator.internal;
