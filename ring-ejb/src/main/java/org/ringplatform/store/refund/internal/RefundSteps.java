package org.ringplatform.store.refund.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Posting;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.TextInput;
import org.ringplatform.referral.ReferralRewards;
import org.ringplatform.store.order.OrderStatus;
import org.ringplatform.store.refund.RefundService;

/**
 * The transactions of a refund, each committed on its own: opening it (the request recorded and the
 * order refund requested), executing it (allocation reversed, money sent back, order and stock
 * updated, all or nothing) and recording a processor's refusal. {@link DefaultRefundService}
 * strings them together.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RefundSteps {

  private static final String KEY_PATTERN = "[A-Za-z0-9._:-]{1,80}";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private Ledger ledger;
  @Inject private PaymentConductor payments;
  @Inject private ReferralRewards rewards;

  /**
   * An opened refund.
   *
   * @param refund the refund row
   * @param created whether this call created it
   * @param actor who the caller is to the order (vendor or admin)
   */
  public record Opened(RefundService.Refund refund, boolean created, OrderStatus.Actor actor) {}

  /**
   * Records the refund request, or finds the one its idempotency key names, after every check: the
   * caller's right, the order's state, the amount left, a paid payment to refund.
   */
  public Opened open(AuthenticatedUser caller, RefundService.Request r) {
    String key = r.idempotencyKey() == null ? "auto-" + UUID.randomUUID() : r.idempotencyKey();
    if (!key.matches(KEY_PATTERN)) {
      throw RingException.invalid(
          "idempotencyKey_invalid", "idempotencyKey", "A key is 1 to 80 letters, digits, ._:-");
    }
    try (Connection c = dataSource.getConnection()) {
      OrderRows.Order order = OrderRows.order(c, r.orderId(), true);
      OrderStatus.Actor actor = refunder(caller, order);
      List<RefundService.Refund> earlier = OrderRows.refunds(c, "where r.idempotency_key = ?", key);
      if (!earlier.isEmpty()) {
        if (earlier.get(0).orderId() != order.id()) {
          throw new RingException(
              RingException.Kind.CONFLICT,
              "idempotency_key_reused",
              "idempotencyKey",
              "This key was used for another order's refund.");
        }
        return new Opened(earlier.get(0), false, actor);
      }
      String reason = TextInput.required(r.reason(), 1, 500, "reason", "Say why (1 to 500).");
      if (order.status() == OrderStatus.PENDING_PAYMENT
          || order.status() == OrderStatus.CANCELLED
          || order.status() == OrderStatus.REFUNDED) {
        throw new RingException(
            RingException.Kind.CONFLICT,
            "order_not_refundable",
            null,
            "An order that is " + order.status().id() + " cannot be refunded.");
      }
      long refundable = order.totalMinor() - order.refundedMinor() - underWay(c, order.id());
      long amount = r.amountMinor() == null ? refundable : r.amountMinor();
      if (refundable <= 0) {
        throw new RingException(
            RingException.Kind.CONFLICT,
            "nothing_to_refund",
            "amount",
            "Nothing is left to refund on this order.");
      }
      if (amount <= 0) {
        throw RingException.invalid("amount_invalid", "amount", "A refund is a positive amount.");
      }
      if (amount > refundable) {
        throw RingException.invalid(
            "refund_too_large", "amount", "At most " + refundable + " is left to refund.");
      }
      PaymentConductor.PaymentView payment =
          payments
              .latestFor(PaymentPurpose.STORE_ORDER, order.checkoutId())
              .filter(p -> p.status().equals("paid") || p.status().equals("partially_refunded"))
              .orElseThrow(
                  () ->
                      new RingException(
                          RingException.Kind.CONFLICT,
                          "no_payment",
                          null,
                          "The order has no paid payment to refund."));
      if (order.status() != OrderStatus.REFUND_REQUESTED) {
        OrderRows.move(
            c,
            order,
            order.status(),
            OrderStatus.REFUND_REQUESTED,
            actor,
            caller.id(),
            "Refund started: " + reason);
      }
      long id;
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.refunds(order_id, transaction_id, amount_minor, currency, reason,"
                  + " restock, idempotency_key, requested_by) values (?, ?, ?, ?, ?, ?, ?, ?)"
                  + " returning id")) {
        ps.setLong(1, order.id());
        ps.setLong(2, payment.id());
        ps.setLong(3, amount);
        ps.setString(4, order.currency());
        ps.setString(5, reason);
        ps.setBoolean(6, r.restock());
        ps.setString(7, key);
        ps.setLong(8, caller.id());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      return new Opened(OrderRows.refunds(c, "where r.id = ?", id).get(0), true, actor);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Who may refund: the vendor or an admin; the buyer is refused, anyone else finds nothing. */
  static OrderStatus.Actor refunder(AuthenticatedUser caller, OrderRows.Order order) {
    OrderStatus.Actor actor =
        order.actorOf(caller).orElseThrow(() -> RingException.notFound("There is no such order."));
    if (actor == OrderStatus.Actor.BUYER) {
      throw RingException.forbidden("Only the vendor or an admin refunds an order.");
    }
    return actor;
  }

  /** The amount of the order's refunds under way (requested, not yet decided). */
  private static long underWay(Connection c, long orderId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select coalesce(sum(amount_minor), 0) from ring.refunds where order_id = ?"
                + " and status = 'requested'")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Executes an open refund: reverses the sale's allocation in proportion (recipe 6, first half),
   * sends the money back through the conductor (second half), and moves the order, its refunded
   * amount and, when chosen, its stock. Throws (rolling all of it back) when the processor refuses.
   */
  public void execute(long refundId, OrderStatus.Actor actor, long actorId) {
    try (Connection c = dataSource.getConnection()) {
      long orderId;
      try (PreparedStatement ps =
          c.prepareStatement("select order_id from ring.refunds where id = ?")) {
        ps.setLong(1, refundId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          orderId = rs.getLong(1);
        }
      }
      // The order first: a settlement of it under way finishes before, or waits until after.
      OrderRows.Order order = OrderRows.order(c, orderId, true);
      RefundService.Refund refund =
          OrderRows.refunds(c, "where r.id = ? for update of r", refundId).get(0);
      if (!"requested".equals(refund.status())) {
        return;
      }
      RefundAllocation prior = prior(c, orderId);
      RefundAllocation parts =
          RefundAllocation.split(
              order.totalMinor(),
              order.commissionMinor(),
              order.referralMinor(),
              prior,
              refund.amountMinor());
      boolean clawback = order.settled();
      boolean referralPaid = referralPaid(c, order.checkoutId());
      String reference = paymentReference(c, refundId);
      ledger.post(
          "refund-alloc:" + refundId,
          "refund_allocation",
          "Refund " + refundId + " of order " + orderId,
          reference,
          actorId,
          legs(order, parts, clawback, referralPaid));
      if (!referralPaid) {
        rewards.refunded(order.checkoutId(), parts.referral());
      }
      PaymentConductor.RefundOutcome outcome =
          payments.refund(
              reference, refund.amountMinor(), "store-refund-" + refundId, refund.reason());
      if (!outcome.succeeded()) {
        throw new RingException(
            RingException.Kind.UNAVAILABLE,
            "refund_failed",
            null,
            outcome.failure() == null ? "The processor refused the refund." : outcome.failure());
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "update ring.refunds set status = 'succeeded', commission_minor = ?,"
                  + " referral_minor = ?, vendor_minor = ?, clawback = ?, processor_ref = ?,"
                  + " failure = null, completed_at = now() where id = ?")) {
        ps.setLong(1, parts.commission());
        ps.setLong(2, parts.referral());
        ps.setLong(3, parts.vendor());
        ps.setBoolean(4, clawback);
        ps.setString(5, outcome.processorRef());
        ps.setLong(6, refundId);
        ps.executeUpdate();
      }
      long refunded = order.refundedMinor() + refund.amountMinor();
      try (PreparedStatement ps =
          c.prepareStatement("update ring.orders set refunded_minor = ? where id = ?")) {
        ps.setLong(1, refunded);
        ps.setLong(2, orderId);
        ps.executeUpdate();
      }
      OrderStatus from = order.status();
      if (from != OrderStatus.REFUND_REQUESTED) {
        // Another refund of the order finished meanwhile and moved it on.
        OrderRows.move(
            c, order, from, OrderStatus.REFUND_REQUESTED, actor, actorId, "Refund " + refundId);
        from = OrderStatus.REFUND_REQUESTED;
      }
      OrderRows.move(
          c,
          order,
          from,
          refunded == order.totalMinor() ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED,
          actor,
          actorId,
          "Refund " + refundId + ": " + refund.amountMinor() + " " + order.currency());
      if (refund.restock()) {
        restock(c, orderId, refundId, actorId);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not refund " + refundId, e);
    }
  }

  /** Records why the processor refused; the order stays refund requested. */
  public void fail(long refundId, String failure) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update ring.refunds set status = 'failed', failure = ? where id = ?"
                    + " and status = 'requested'")) {
      String f = failure == null ? "The refund failed." : failure;
      ps.setString(1, f.length() > 500 ? f.substring(0, 500) : f);
      ps.setLong(2, refundId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The parts of the order's earlier successful refunds. */
  private static RefundAllocation prior(Connection c, long orderId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select coalesce(sum(commission_minor), 0), coalesce(sum(referral_minor), 0),"
                + " coalesce(sum(vendor_minor), 0) from ring.refunds where order_id = ?"
                + " and status = 'succeeded'")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new RefundAllocation(rs.getLong(1), rs.getLong(2), rs.getLong(3));
      }
    }
  }

  private static String paymentReference(Connection c, long refundId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select t.reference from ring.refunds r join ring.payment_transactions t"
                + " on t.id = r.transaction_id where r.id = ?")) {
      ps.setLong(1, refundId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /**
   * Whether the checkout's referral reward was already paid to the referrer: then the referral part
   * of a refund comes out of the platform's commission (recipe 6).
   */
  private static boolean referralPaid(Connection c, long checkoutId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select 1 from ring.referral_rewards where source = 'store_order'"
                + " and checkout_id = ? and status = 'paid'")) {
      ps.setLong(1, checkoutId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Recipe 6, first half: D platform_commission, D referral_payable (or platform_commission when
   * the reward was paid), D vendor_payable (or vendor_receivable: the claw-back), C
   * payments_clearing; legs of zero are left out.
   */
  static List<Posting> legs(
      OrderRows.Order order, RefundAllocation parts, boolean clawback, boolean referralPaid) {
    String cur = order.currency();
    List<Posting> legs = new ArrayList<>();
    long commission = parts.commission() + (referralPaid ? parts.referral() : 0);
    if (commission > 0) {
      legs.add(Posting.debit(Account.platformCommission(cur), commission));
    }
    if (!referralPaid && parts.referral() > 0) {
      legs.add(Posting.debit(Account.referralPayable(cur), parts.referral()));
    }
    if (parts.vendor() > 0) {
      legs.add(
          Posting.debit(
              clawback
                  ? Account.vendorReceivable(order.vendorId(), cur)
                  : Account.vendorPayable(order.vendorId(), cur),
              parts.vendor()));
    }
    legs.add(Posting.credit(Account.paymentsClearing(cur), parts.total()));
    return legs;
  }

  /**
   * Returns the order's goods to stock, once: a {@code return} movement per stock item (unique per
   * order and item) and the item's available quantity raised by what was sold. Digital goods have
   * no stock.
   */
  private static void restock(Connection c, long orderId, long refundId, long actorId)
      throws SQLException {
    List<long[]> items = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select l.id, sum(ol.quantity) from ring.order_lines ol join ring.inventory_levels l"
                + " on l.product_id = ol.product_id"
                + " and coalesce(l.variant_id, 0) = coalesce(ol.variant_id, 0)"
                + " where ol.order_id = ? and ol.kind = 'physical' group by l.id order by l.id")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
    }
    for (long[] item : items) {
      long levelId = item[0];
      int quantity = Math.toIntExact(item[1]);
      int stock;
      try (PreparedStatement ps =
          c.prepareStatement(
              "select available + reserved from ring.inventory_levels where id = ? for update")) {
        ps.setLong(1, levelId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          stock = rs.getInt(1);
        }
      }
      boolean recorded;
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.stock_movements(level_id, kind, change, stock_before,"
                  + " stock_after, order_id, actor_id, reason) values (?, 'return', ?, ?, ?, ?,"
                  + " ?, ?) on conflict (order_id, level_id) where kind = 'return' do nothing"
                  + " returning id")) {
        ps.setLong(1, levelId);
        ps.setInt(2, quantity);
        ps.setInt(3, stock);
        ps.setInt(4, stock + quantity);
        ps.setLong(5, orderId);
        ps.setLong(6, actorId);
        ps.setString(7, "Refund " + refundId);
        try (ResultSet rs = ps.executeQuery()) {
          recorded = rs.next();
        }
      }
      if (recorded) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "update ring.inventory_levels set available = available + ?,"
                    + " version = version + 1, updated_at = now() where id = ?")) {
          ps.setInt(1, quantity);
          ps.setLong(2, levelId);
          ps.executeUpdate();
        }
      }
    }
  }
}
