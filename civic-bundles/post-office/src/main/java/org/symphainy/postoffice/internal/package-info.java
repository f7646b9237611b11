/**
 * The Post Office role bundle's implementation: the {@link org.symphainy.sdk.delivery.PostOffice} service, one feed per
 * watched execution (one Runtime subscription each, the execution's updates retained in order), one delivery per
 * subscriber (its own cursor and pace), and their configuration (PID {@code org.symphainy.postoffice}). Private to the
 * bundle: nothing here is API.
 */
package org.symphainy.postoffice.internal;
