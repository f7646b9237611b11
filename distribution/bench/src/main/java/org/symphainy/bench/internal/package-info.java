/**
 * The kernel benchmark behind {@code bin/symphainy bench}: drives the built-in {@code platform.echo} intent through the
 * {@link org.symphainy.sdk.runtime.Runtime} service of a temporary container, switches the kernel's durability and WAL
 * through ConfigAdmin, and prints one {@code name: value} line per figure. Private: this bundle exports nothing.
 */
package org.symphainy.bench.internal;
