package org.ringplatform.store.vendor;

import java.time.OffsetDateTime;

/**
 * A vendor tier: the commission rate frozen on an order at checkout and used by its settlement, the
 * settlement hold, and how many products a store of the tier may list.
 *
 * @param code tier code ({@code starter}, {@code growth}, ...)
 * @param commissionBps commission in basis points, 0 to 10,000
 * @param settlementHoldDays days a completed order waits before it is settled, 0 to 365
 * @param maxProducts products a store may have that are not archived, or null for no limit
 * @param position display order
 * @param updatedAt last change
 */
public record VendorTier(
    String code,
    int commissionBps,
    int settlementHoldDays,
    Integer maxProducts,
    int position,
    OffsetDateTime updatedAt) {}
