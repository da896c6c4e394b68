package org.ringplatform.store.vendor;

import java.time.OffsetDateTime;

/**
 * One line of a store's history in {@code vendor_events}: opened, approved, suspended, a tier
 * change, a product decision.
 *
 * @param id event id
 * @param vendorId the store
 * @param action what happened
 * @param actorId who, or null for the system
 * @param note the note given, or details
 * @param at when
 */
public record VendorEvent(
    long id, long vendorId, String action, Long actorId, String note, OffsetDateTime at) {}
