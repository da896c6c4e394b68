package org.ringplatform.store.catalogue;

import java.time.OffsetDateTime;

/**
 * One change of a stock level, as recorded in {@code stock_movements}: initial, restock and
 * adjustment by the vendor here; sale and return by orders and refunds.
 *
 * @param id movement id
 * @param levelId the level
 * @param variantId the variant of the level, or null
 * @param kind initial, restock, adjustment, sale or return
 * @param change units added (positive) or removed (negative)
 * @param stockBefore stock before
 * @param stockAfter stock after
 * @param actorId who, or null
 * @param reason why, or null
 * @param at when
 */
public record StockMovement(
    long id,
    long levelId,
    Long variantId,
    String kind,
    int change,
    int stockBefore,
    int stockAfter,
    Long actorId,
    String reason,
    OffsetDateTime at) {}
