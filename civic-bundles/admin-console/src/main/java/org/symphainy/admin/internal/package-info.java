/**
 * The admin console: the operator's REST API under {@code /admin/v1} and the admin web page under {@code /admin/}.
 * Private to the bundle; every change it makes is a platform intent submitted through the Runtime with the caller's
 * session, and every read comes from an SDK service.
 */
package org.symphainy.admin.internal;
