package org.symphainy.foundations.openapi;

/** A path, query or header parameter of an operation. */
record Parameter(String name, String in, boolean required, String type, String defaultValue) {
}
