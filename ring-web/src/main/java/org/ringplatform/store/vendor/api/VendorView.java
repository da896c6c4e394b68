package org.ringplatform.store.vendor.api;

import java.time.OffsetDateTime;
import org.ringplatform.store.vendor.Vendor;

/**
 * A store as the API shows it. The owner's and admins' fields (the admin's note, who decided) are
 * shown to everyone who may see the store: a public store's note is about its last reinstatement at
 * most.
 *
 * @param id vendor id
 * @param entityId the entity it sells for
 * @param ownerId its owner
 * @param name its name
 * @param slug its storefront address
 * @param description what it sells
 * @param status pending, active, suspended or rejected
 * @param tier its tier's code
 * @param commissionBps its tier's commission in basis points
 * @param settlementHoldDays its tier's settlement hold
 * @param statusNote the admin's latest note, or null
 * @param decidedAt when an admin last decided, or null
 * @param createdAt opened
 * @param updatedAt last change
 */
public record VendorView(
    long id,
    long entityId,
    long ownerId,
    String name,
    String slug,
    String description,
    String status,
    String tier,
    int commissionBps,
    int settlementHoldDays,
    String statusNote,
    OffsetDateTime decidedAt,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** The store for its owner and admins. */
  public static VendorView of(Vendor v) {
    return of(v, true);
  }

  /** The store, with the admin's note only when {@code manager} (its owner or an admin) asks. */
  public static VendorView of(Vendor v, boolean manager) {
    return new VendorView(
        v.id(),
        v.entityId(),
        v.ownerId(),
        v.name(),
        v.slug(),
        v.description(),
        v.status().id(),
        v.tier(),
        v.commissionBps(),
        v.settlementHoldDays(),
        manager ? v.statusNote() : null,
        v.decidedAt(),
        v.createdAt(),
        v.updatedAt());
  }
}
