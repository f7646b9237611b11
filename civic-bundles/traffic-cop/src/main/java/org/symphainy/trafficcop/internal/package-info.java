/**
 * The Traffic Cop role bundle's implementation: the in-memory sessions ({@link org.symphainy.sdk.identity.Sessions}),
 * the Traffic Cop governance stage ({@link org.symphainy.sdk.governance.TrafficCop}) and their configuration (PID
 * {@code org.symphainy.trafficcop}). Private to the bundle: nothing here is API.
 */
package org.symphainy.trafficcop.internal;
