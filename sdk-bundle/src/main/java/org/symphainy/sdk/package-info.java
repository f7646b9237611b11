/** The Symphainy Platform SDK. Its sub-packages are the platform's only API. */
package org.symphainy.sdk;
