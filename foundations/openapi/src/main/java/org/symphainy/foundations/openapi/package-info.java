/**
 * OpenAPI 3.1 documents generated from Jakarta REST resource classes: their {@code @Path}, HTTP method, media type and
 * parameter annotations, and the {@link org.symphainy.foundations.openapi.ApiDoc} documentation annotation (matched by
 * name, so each bundle may embed its own copy). Written with jackson-core's streaming generator.
 * Not an API of the platform: embedded privately by the bundles that use it.
 */
package org.symphainy.foundations.openapi;
