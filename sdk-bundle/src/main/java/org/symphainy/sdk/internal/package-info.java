/**
 * Helpers private to the SDK bundle: argument checks shared by the exported value types. Not API, never exported;
 * exported signatures do not mention it.
 */
package org.symphainy.sdk.internal;
