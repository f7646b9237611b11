/**
 * The command-line client beside the server: {@code bin/symphainy intent submit | executions list | executions show |
 * bundles list | deploy FILE}, over the REST API of a running container, for operators who script.
 */
package org.symphainy.launcher.client;
