package org.ringplatform.store.vendor;

import java.time.OffsetDateTime;

/**
 * A store opened by a member for an entity they own, as read from {@code vendors} with its tier's
 * commission.
 *
 * @param id vendor id
 * @param entityId the entity the store sells for (one store per entity)
 * @param entityName that entity's name (for its owner and admins: the entity may be private)
 * @param ownerId the member who opened it and runs it
 * @param name shown to buyers, 3 to 100 characters
 * @param slug the storefront's address ({@code /store/vendor?slug=}), {@code [a-z0-9-]{3,50}}
 * @param description what the store sells
 * @param status where it stands
 * @param tier the code of its {@link VendorTier}
 * @param commissionBps the tier's commission in basis points, the one commission model
 * @param settlementHoldDays the tier's hold before completed orders are settled
 * @param statusNote the admin's latest note (why rejected or suspended), or null
 * @param decidedBy the admin who last decided on it, or null
 * @param decidedAt when, or null
 * @param createdAt opened
 * @param updatedAt last change
 */
public record Vendor(
    long id,
    long entityId,
    String entityName,
    long ownerId,
    String name,
    String slug,
    String description,
    VendorStatus status,
    String tier,
    int commissionBps,
    int settlementHoldDays,
    String statusNote,
    Long decidedBy,
    OffsetDateTime decidedAt,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** Whether the store sells now. */
  public boolean active() {
    return status == VendorStatus.ACTIVE;
  }
}
