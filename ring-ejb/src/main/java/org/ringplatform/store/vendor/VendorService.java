package org.ringplatform.store.vendor;

import java.util.List;
import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * Vendors (stores): a member opens one for an entity they own; it waits for an admin, who approves
 * or rejects it (approval can require the entity to be verified, {@code
 * ring.store.vendor.require-verified-entity}), later suspends and reinstates it and assigns its
 * tier; admins also edit the tiers, the one commission model. Every action is recorded in {@code
 * vendor_events} and the owner is told of each decision. The caller's rights are checked here,
 * whatever the page or client allowed.
 */
public interface VendorService {

  /**
   * What a member sends to open a store.
   *
   * @param entityId an entity the member owns, without a store (or whose store was rejected)
   * @param name 3 to 100 characters
   * @param slug {@code [a-z0-9-]{3,50}}, unique (upper case is lowered)
   * @param description 1 to 499 characters
   */
  record Application(Long entityId, String name, String slug, String description) {}

  /**
   * One page of stores.
   *
   * @param items the stores on the page
   * @param total how many match in all
   */
  record Page(List<Vendor> items, long total) {}

  /**
   * Opens a store (members): pending until an admin decides. A store of the same entity that was
   * rejected is opened again with the new details.
   */
  Vendor open(AuthenticatedUser owner, Application application);

  /** Changes a store's name and description (its owner; not while suspended). */
  Vendor update(AuthenticatedUser owner, long id, String name, String description);

  /** A store if the viewer may see it: active ones are public, others only for owner and admins. */
  Vendor get(Optional<AuthenticatedUser> viewer, long id);

  /** The store with this slug if the viewer may see it (as {@link #get}). */
  Vendor bySlug(Optional<AuthenticatedUser> viewer, String slug);

  /** The caller's own stores, newest first. */
  List<Vendor> mine(AuthenticatedUser owner);

  /** Active stores by name, for the catalogue's vendor filter (at most 500). */
  List<Vendor> active();

  /** Stores in a status (any when null), oldest first for pending, else newest first (admins). */
  Page list(AuthenticatedUser admin, VendorStatus status, int offset, int limit);

  /** Applies an admin decision; the owner is told, with the note. */
  Vendor decide(AuthenticatedUser admin, long id, VendorDecision decision, String note);

  /** Moves a store to another tier (admins); the owner is told. */
  Vendor assignTier(AuthenticatedUser admin, long id, String tier);

  /** Every tier, in display order. */
  List<VendorTier> tiers();

  /**
   * Changes a tier (admins). The rate applies to orders placed from now on; orders keep the rate
   * they were placed with.
   *
   * @param commissionBps 0 to 10,000
   * @param settlementHoldDays 0 to 365
   * @param maxProducts at least 1, or null for no limit
   */
  VendorTier updateTier(
      AuthenticatedUser admin,
      String code,
      int commissionBps,
      int settlementHoldDays,
      Integer maxProducts);

  /** A store's history, newest first (its owner or an admin). */
  List<VendorEvent> events(AuthenticatedUser actor, long id);

  /** Records an event on a store, in the caller's transaction (for the catalogue's decisions). */
  void record(long vendorId, Long actorId, String action, String note);
}
