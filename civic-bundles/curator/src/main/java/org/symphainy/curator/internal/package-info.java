/** The Curator's implementation: declared intents from bundle wirings, handler admission, the version index. */
package org.symphainy.curator.internal;
