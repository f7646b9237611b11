/**
 * What the kernel writes to the WAL: one record type per execution transition, and their compact binary encoding.
 * Payloads and artifact contents are stored as bytes, never as classes of other bundles.
 */
package org.symphainy.runtime.internal.record;
