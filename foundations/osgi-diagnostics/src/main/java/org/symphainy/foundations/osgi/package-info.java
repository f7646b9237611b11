/**
 * Plain-words diagnostics over the OSGi framework API: why a bundle does not resolve or start, and whether a jar is a
 * deployable bundle at all ({@link org.symphainy.foundations.osgi.BundleJar}).
 * Not an API of the platform: embedded privately by the bundles that use it, and on the launcher's class path.
 */
package org.symphainy.foundations.osgi;
