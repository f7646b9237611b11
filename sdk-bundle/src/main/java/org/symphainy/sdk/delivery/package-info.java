/**
 * The Post Office: ordered delivery of one execution's updates to many subscribers, such as Experience's Server-Sent
 * Events streams. A {@link org.symphainy.sdk.delivery.Subscriber} asks {@link org.symphainy.sdk.delivery.PostOffice} for
 * the updates after the last sequence number it has seen (0 for all of them) and receives them in order without gaps,
 * then the live ones until the execution ends; one that reconnects passes the last sequence number it received and
 * resumes without loss or duplicates. Each subscriber is served on its own: a slow one lags behind and catches up, and
 * never holds up the Runtime or the other subscribers.
 */
@Export
@Version("1.0.0")
package org.symphainy.sdk.delivery;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
