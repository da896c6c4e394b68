package org.ringplatform.store.stock;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Stock of products and variants on {@code inventory_levels} (§8.5, §20 item 9), where {@code stock
 * = available + reserved} holds by construction and neither part can go below zero. Holds take
 * stock out of {@code available} into {@code reserved} with one conditional update, so concurrent
 * buyers of the last items never get more than there is; a sale then takes it out of {@code
 * reserved} for good. Digital products are never stocked: they pass every call untouched.
 *
 * <p>Everything runs in the caller's transaction. Locks are taken in one order everywhere (a
 * holder's reservations first, then the levels in id order), so two transactions never wait for
 * each other in a circle.
 */
public interface Inventory {

  /** How long a cart soft-hold lasts (§8.3). */
  Duration CART_HOLD = Duration.ofMinutes(5);

  /** How long a checkout reservation lasts (§8.4). */
  Duration CHECKOUT_HOLD = Duration.ofMinutes(15);

  /** The names of stock holders (a class, not interface methods: EJB views have no statics). */
  final class Holder {
    private Holder() {}

    /** The holder of a signed-in buyer's cart soft-hold. */
    public static String cart(long userId) {
      return "cart_" + userId;
    }

    /** The holder of a checkout's reservations. */
    public static String checkout(long checkoutId) {
      return "checkout_" + checkoutId;
    }
  }

  /**
   * One stocked item and a quantity of it.
   *
   * @param productId the product
   * @param variantId the variant, or null for a product without variants
   * @param quantity how many, at least 1
   * @param title what the buyer calls it, for the refusal that names it
   */
  record Item(long productId, Long variantId, int quantity, String title) {}

  /**
   * The stock of one item.
   *
   * @param id level id
   * @param productId the product
   * @param variantId the variant, or null
   * @param available free to sell
   * @param reserved held by carts and checkouts
   * @param stock available + reserved
   */
  record Level(long id, long productId, Long variantId, int available, int reserved, int stock) {}

  /**
   * What a hold took.
   *
   * @param holder who holds it
   * @param items reservations made (physical items only)
   * @param expiresAt when they lapse, or null when nothing was held
   */
  record Hold(String holder, int items, OffsetDateTime expiresAt) {}

  /**
   * Reserves {@code items} for {@code holder} until {@code ttl} from now; digital items are
   * skipped. All or nothing: when one item is short, nothing is reserved.
   *
   * @param kind {@code cart} or {@code checkout}
   * @throws org.ringplatform.platform.RingException CONFLICT {@code insufficient_stock} naming the
   *     first item that is short
   */
  Hold reserve(String holder, String kind, Duration ttl, List<Item> items);

  /**
   * Releases the holder's active holds: their quantities go back to {@code available}.
   *
   * @return how many reservations were released
   */
  int release(String holder);

  /** Replaces the holder's active holds by new ones on {@code items} (a fresh cart hold). */
  default Hold replace(String holder, String kind, Duration ttl, List<Item> items) {
    return reserveReplacing(holder, kind, ttl, items, holder);
  }

  /**
   * Releases the active holds of {@code previousHolder} and reserves {@code items} for {@code
   * holder}, with every level involved locked once, so a cart hold can give way to the checkout's
   * reservation of the same stock. All or nothing, like {@link #reserve}.
   */
  Hold reserveReplacing(
      String holder, String kind, Duration ttl, List<Item> items, String previousHolder);

  /**
   * Commits the sale of an order's items, once per order and item: the holder's active reservation
   * of an item is fulfilled (reserved goes down), an item without one is taken from {@code
   * available} if there is enough; each sold item gets a {@code sale} movement. Items already sold
   * for this order are skipped, so a repeated call changes nothing.
   *
   * @return true when every item is sold; false, with nothing changed for this order, when an item
   *     had neither a reservation nor enough available stock (a payment that came too late)
   */
  boolean commitSale(long orderId, String holder, List<Item> items, Long actorId);

  /**
   * Releases holds past their expiry (status {@code expired}), oldest first, at most {@code limit}.
   *
   * @return how many were released
   */
  int releaseLapsed(int limit);

  /** The stock of an item, if it is stocked. */
  Optional<Level> level(long productId, Long variantId);
}
