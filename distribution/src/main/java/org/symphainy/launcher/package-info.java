/**
 * The launcher: a plain {@code main} that embeds Apache Felix, installs the platform bundles of {@code system/} at their
 * start levels, logs every bundle lifecycle event, prints one ready line, and stops cleanly on SIGTERM or Ctrl-C.
 */
package org.symphainy.launcher;
