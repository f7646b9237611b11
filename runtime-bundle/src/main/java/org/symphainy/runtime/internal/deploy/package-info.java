/**
 * The deploy folder: bundles dropped into {@code deploy/} are checked, installed, updated and uninstalled here, behind
 * Felix FileInstall's {@code ArtifactInstaller} extension point. Every rejection is one log line naming the file and the reason.
 */
package org.symphainy.runtime.internal.deploy;
