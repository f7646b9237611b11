/**
 * REST plumbing shared by the platform's HTTP APIs (Experience under /api/v1, the admin console under /admin/v1):
 * RFC 9457 problems and their mapping, strict request-body reading and limits, streaming JSON output, and Bearer
 * authentication against the Traffic Cop and the Security Guard. Not an API of the platform: embedded privately
 * (bnd {@code -conditionalpackage}) by the bundles that use it.
 */
package org.symphainy.foundations.rest;
