package org.ringplatform.store.order;

import java.time.OffsetDateTime;
import java.util.List;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * Vendor orders after checkout: who may see them (their buyer, their vendor's owner, admins; anyone
 * else is told they do not exist), the moves of the {@link OrderStatus} state machine that each
 * party may make, each recorded in {@code order_events} with who, in what capacity, when and why,
 * and the lists of buyers, vendors and admins.
 */
public interface OrderService {

  /**
   * An order as lists show it.
   *
   * @param id order id
   * @param checkoutId its checkout
   * @param buyerId the buyer
   * @param buyerName the buyer's display name
   * @param vendorId the vendor
   * @param vendorName the vendor's name
   * @param status an {@link OrderStatus} id
   * @param currency currency
   * @param subtotalMinor sum of lines
   * @param discountMinor always 0: no client discount is accepted
   * @param shippingMinor shipping
   * @param totalMinor what the buyer paid for this order
   * @param commissionBps the platform's rate, frozen at checkout
   * @param commissionMinor the platform's commission
   * @param referralCode the attributed referral code, or null
   * @param referralMinor the referrer's share
   * @param refundedMinor refunded so far
   * @param items number of items
   * @param createdAt when
   * @param paidAt when paid, or null
   * @param completedAt when completed, or null
   */
  record Summary(
      long id,
      long checkoutId,
      long buyerId,
      String buyerName,
      long vendorId,
      String vendorName,
      String status,
      String currency,
      long subtotalMinor,
      long discountMinor,
      long shippingMinor,
      long totalMinor,
      int commissionBps,
      long commissionMinor,
      String referralCode,
      long referralMinor,
      long refundedMinor,
      int items,
      OffsetDateTime createdAt,
      OffsetDateTime paidAt,
      OffsetDateTime completedAt) {}

  /**
   * One line, as priced at checkout.
   *
   * @param id line id
   * @param productId product
   * @param variantId variant, or null
   * @param title title at checkout
   * @param sku SKU at checkout, or null
   * @param kind physical or digital
   * @param unitPriceMinor unit price at checkout
   * @param quantity quantity
   * @param lineTotalMinor unit price × quantity
   * @param referralBps the referrer's rate on this line (0 without a referral)
   */
  record Line(
      long id,
      long productId,
      Long variantId,
      String title,
      String sku,
      String kind,
      long unitPriceMinor,
      int quantity,
      long lineTotalMinor,
      int referralBps) {}

  /**
   * One step of an order's history.
   *
   * @param from the status before, or null at creation
   * @param to the status after
   * @param actorId who, or null for the system
   * @param actorName their display name, or null
   * @param actorKind buyer, vendor, admin, system or payment
   * @param note why, or null
   * @param at when
   */
  record Event(
      String from,
      String to,
      Long actorId,
      String actorName,
      String actorKind,
      String note,
      OffsetDateTime at) {}

  /**
   * An order with its lines, history and what the viewer may do.
   *
   * @param order the order
   * @param lines its lines
   * @param events its history, oldest first
   * @param shipping where it goes, or null for digital orders
   * @param capacities the viewer's capacities: buyer, vendor, admin
   * @param next the statuses the viewer may move it to
   */
  record Detail(
      Summary order,
      List<Line> lines,
      List<Event> events,
      CheckoutService.Address shipping,
      List<String> capacities,
      List<String> next) {}

  /**
   * A page of orders.
   *
   * @param items the orders, newest first
   * @param total how many match
   */
  record Page(List<Summary> items, long total) {}

  /**
   * What the admin list filters by; null means any.
   *
   * @param status an {@link OrderStatus} id
   * @param vendorId the vendor
   * @param buyerId the buyer
   * @param checkoutId the checkout
   */
  record Filter(String status, Long vendorId, Long buyerId, Long checkoutId) {}

  /**
   * A vendor the caller owns.
   *
   * @param id vendor id
   * @param name its name
   * @param status its status
   */
  record VendorRef(long id, String name, String status) {}

  /** The caller's orders as a buyer, optionally in one status. */
  Page mine(AuthenticatedUser buyer, String status, int offset, int limit);

  /** The orders of one of the buyer's checkouts (the confirmation page). */
  List<Summary> ofCheckout(AuthenticatedUser buyer, long checkoutId);

  /** One order, for its buyer, its vendor's owner or an admin; NOT_FOUND for anyone else. */
  Detail get(AuthenticatedUser actor, long orderId);

  /**
   * Moves an order to {@code to} if the state machine lets the caller do so in one of their
   * capacities for this order (vendor, buyer, admin, tried in that order), records the event and
   * tells the other party. Cancelling an unpaid order cancels its whole checkout (one payment
   * covers all its orders) and releases the reserved stock. Paid, refunded and partially refunded
   * are reached only through a payment or a refund, never through this call.
   *
   * @param note why; required (1 to 500 characters) when asking for a refund
   * @throws org.ringplatform.platform.RingException NOT_FOUND for someone else's order; CONFLICT
   *     {@code transition_not_allowed} or {@code transition_reserved}
   */
  Detail transition(AuthenticatedUser actor, long orderId, OrderStatus to, String note);

  /**
   * The paid orders of the vendors the caller owns (or of one of them), optionally in one status. A
   * vendor's owner never sees another vendor's orders.
   */
  Page forVendor(AuthenticatedUser owner, Long vendorId, String status, int offset, int limit);

  /** The vendors the caller owns. */
  List<VendorRef> vendorsOf(AuthenticatedUser owner);

  /** Every order matching the filter (admins only). */
  Page all(AuthenticatedUser admin, Filter filter, int offset, int limit);
}
