package org.ringplatform.store.refund;

import java.time.OffsetDateTime;
import java.util.List;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * Refunds of vendor orders (§9.6 made real, §20 item 9), full or partial, started by an admin or
 * the order's vendor; a buyer may ask for one. A refund undoes the sale's allocation in proportion
 * (the commission, the referral share and the vendor's part, or a claw-back from the vendor when
 * the order was already settled), sends the money back through the payment conductor, moves the
 * order to refunded or partially refunded and, when chosen, returns its goods to stock once. If the
 * processor refuses, nothing of it is written but the failure: the order stays refund requested.
 */
public interface RefundService {

  /**
   * A refund to make.
   *
   * @param orderId the vendor order
   * @param amountMinor how much, in the order's currency; null for everything still refundable
   * @param reason why (shown to the buyer and in the ledger), 1 to 500 characters
   * @param restock whether the order's goods go back to stock
   * @param idempotencyKey the client's key: the same key again returns the first refund (and
   *     finishes it if it was interrupted); null for a fresh one
   */
  record Request(
      long orderId, Long amountMinor, String reason, boolean restock, String idempotencyKey) {}

  /**
   * A refund as stored.
   *
   * @param id refund id
   * @param orderId the order
   * @param vendorId the order's vendor
   * @param amountMinor amount
   * @param currency currency
   * @param commissionMinor part taken back from the platform's commission
   * @param referralMinor part taken back from the referral share
   * @param vendorMinor part taken back from the vendor
   * @param clawback whether the vendor's part is a claw-back (the order was already settled)
   * @param restock whether its goods went back to stock
   * @param reason why
   * @param status requested, succeeded or failed
   * @param failure why the processor refused, or null
   * @param processorRef the processor's refund id
   * @param requestedBy who started it
   * @param createdAt when
   * @param completedAt when it succeeded
   */
  record Refund(
      long id,
      long orderId,
      long vendorId,
      long amountMinor,
      String currency,
      long commissionMinor,
      long referralMinor,
      long vendorMinor,
      boolean clawback,
      boolean restock,
      String reason,
      String status,
      String failure,
      String processorRef,
      long requestedBy,
      OffsetDateTime createdAt,
      OffsetDateTime completedAt) {

    public boolean succeeded() {
      return "succeeded".equals(status);
    }
  }

  /**
   * What a refund call did.
   *
   * @param refund the refund (succeeded, or failed with the processor's reason)
   * @param created false when the idempotency key named an earlier refund
   */
  record Outcome(Refund refund, boolean created) {}

  /**
   * An order as the refund page shows it.
   *
   * @param orderId order id
   * @param vendorId its vendor
   * @param vendorName the vendor's name
   * @param buyerId the buyer
   * @param status order status
   * @param currency currency
   * @param totalMinor order total
   * @param refundedMinor refunded so far
   * @param refundableMinor what may still be refunded (total - refunded - refunds under way)
   * @param settled whether it was settled (a refund becomes a claw-back)
   * @param completedAt when it completed, or null
   * @param requestNote the buyer's reason when a refund was requested, or null
   * @param refunds its refunds, newest first
   * @param manager whether the caller is its vendor or an admin (not only its buyer)
   * @param canRefund whether the caller may refund it now
   * @param canDecline whether the caller may decline the pending request
   */
  record OrderView(
      long orderId,
      long vendorId,
      String vendorName,
      long buyerId,
      String status,
      String currency,
      long totalMinor,
      long refundedMinor,
      long refundableMinor,
      boolean settled,
      OffsetDateTime completedAt,
      String requestNote,
      List<Refund> refunds,
      boolean manager,
      boolean canRefund,
      boolean canDecline) {}

  /**
   * An order whose buyer (or vendor) asked for a refund, waiting for a decision.
   *
   * @param orderId the order
   * @param vendorId its vendor
   * @param vendorName the vendor's name
   * @param buyerId the buyer
   * @param currency currency
   * @param totalMinor total
   * @param refundedMinor refunded so far
   * @param requestedAt when it was requested
   * @param note the reason given
   * @param failure the last refund attempt's failure, or null
   */
  record Pending(
      long orderId,
      long vendorId,
      String vendorName,
      long buyerId,
      String currency,
      long totalMinor,
      long refundedMinor,
      OffsetDateTime requestedAt,
      String note,
      String failure) {}

  /**
   * Refunds an order.
   *
   * @throws org.ringplatform.platform.RingException not found when the order does not exist or the
   *     caller is neither an admin nor its vendor (its buyer: forbidden), invalid for a bad amount
   *     or one above what is left, conflict when the order cannot be refunded
   */
  Outcome refund(AuthenticatedUser caller, Request request);

  /** An order's refunds, newest first, for an admin, its vendor or its buyer; else not found. */
  List<Refund> refundsOf(AuthenticatedUser caller, long orderId);

  /** The order for the refund page, for an admin, its vendor or its buyer; else not found. */
  OrderView order(AuthenticatedUser caller, long orderId);

  /**
   * The buyer (or the vendor, or an admin) asks for a refund: the order goes refund requested.
   *
   * @return the order's new status
   */
  String requestRefund(AuthenticatedUser caller, long orderId, String reason);

  /**
   * The vendor or an admin declines a pending request: the order goes back to where it was.
   *
   * @return the order's new status
   */
  String decline(AuthenticatedUser caller, long orderId, String note);

  /** Recent refunds of all orders, newest first, optionally of one status. Admins only. */
  List<Refund> recent(AuthenticatedUser admin, String status, int limit);

  /** Orders waiting for a refund decision, oldest request first. Admins only. */
  List<Pending> pending(AuthenticatedUser admin, int limit);
}
