package org.ringplatform.store.refund.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.platform.RingException;
import org.ringplatform.store.order.OrderStatus;
import org.ringplatform.store.refund.RefundService.Refund;

/**
 * The order and refund rows the refund service reads and writes, shared by its transactions: an
 * order locked for update, who the caller is to it, its status changes (only those {@link
 * OrderStatus#allows} admits, each recorded in {@code order_events}) and refunds as records.
 */
final class OrderRows {

  private OrderRows() {}

  static final String REFUND =
      "select r.id, r.order_id, o.vendor_id, r.amount_minor, r.currency, r.commission_minor,"
          + " r.referral_minor, r.vendor_minor, r.clawback, r.restock, r.reason, r.status,"
          + " r.failure, r.processor_ref, r.requested_by, r.created_at, r.completed_at"
          + " from ring.refunds r join ring.orders o on o.id = r.order_id";

  /**
   * The order columns a refund needs.
   *
   * @param id order id
   * @param checkoutId its checkout (the payment's subject)
   * @param buyerId buyer
   * @param vendorId vendor
   * @param vendorOwnerId the vendor's owner
   * @param status status
   * @param currency currency
   * @param totalMinor total
   * @param commissionMinor frozen commission
   * @param referralMinor referral share still funded: less what a rejected reward gave back
   * @param refundedMinor refunded so far
   * @param settled whether it was settled (it has a settlement line)
   * @param completedAt when completed, or null
   */
  record Order(
      long id,
      long checkoutId,
      long buyerId,
      long vendorId,
      long vendorOwnerId,
      OrderStatus status,
      String currency,
      long totalMinor,
      long commissionMinor,
      long referralMinor,
      long refundedMinor,
      boolean settled,
      OffsetDateTime completedAt) {

    /** Who the caller is to this order: its vendor, an admin, its buyer, or nobody (empty). */
    Optional<OrderStatus.Actor> actorOf(AuthenticatedUser caller) {
      if (vendorOwnerId == caller.id()) {
        return Optional.of(OrderStatus.Actor.VENDOR);
      }
      if (caller.role().isPlatformAdmin()) {
        return Optional.of(OrderStatus.Actor.ADMIN);
      }
      if (buyerId == caller.id()) {
        return Optional.of(OrderStatus.Actor.BUYER);
      }
      return Optional.empty();
    }
  }

  /**
   * The order, locked for update when {@code lock}; not found when it does not exist. Whether it
   * was settled is read in a statement of its own after the lock is held: a settlement that held
   * the order commits its line before the lock is granted, and only a later statement sees it.
   */
  static Order order(Connection c, long orderId, boolean lock) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select o.id, o.checkout_id, o.buyer_id, o.vendor_id, v.owner_id, o.status,"
                + " o.currency, o.total_minor, o.commission_minor,"
                + " o.referral_minor - o.referral_returned_minor,"
                + " o.refunded_minor, o.completed_at from ring.orders o"
                + " join ring.vendors v on v.id = o.vendor_id where o.id = ?"
                + (lock ? " for update of o" : ""))) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw RingException.notFound("There is no such order.");
        }
        return new Order(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            OrderStatus.fromId(rs.getString(6)).orElseThrow(),
            rs.getString(7),
            rs.getLong(8),
            rs.getLong(9),
            rs.getLong(10),
            rs.getLong(11),
            settled(c, orderId),
            time(rs, 12));
      }
    }
  }

  /** Whether the order has its settlement line. */
  static boolean settled(Connection c, long orderId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select 1 from ring.settlement_lines where order_id = ?")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Moves the order to {@code next} if the state machine lets {@code actor} do it, recording the
   * change; refused with a conflict otherwise.
   */
  static void move(
      Connection c,
      Order order,
      OrderStatus from,
      OrderStatus next,
      OrderStatus.Actor actor,
      long actorId,
      String note)
      throws SQLException {
    if (!from.allows(next, actor)) {
      throw new RingException(
          RingException.Kind.CONFLICT,
          "order_status",
          null,
          "An order that is " + from.id() + " cannot become " + next.id() + " this way.");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update ring.orders set status = ?, updated_at = now(), version = version + 1"
                + " where id = ?")) {
      ps.setString(1, next.id());
      ps.setLong(2, order.id());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.order_events(order_id, from_status, to_status, actor_id,"
                + " actor_kind, note) values (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, order.id());
      ps.setString(2, from.id());
      ps.setString(3, next.id());
      ps.setLong(4, actorId);
      ps.setString(5, actor.id());
      if (note == null) {
        ps.setNull(6, Types.VARCHAR);
      } else {
        ps.setString(6, note.length() > 500 ? note.substring(0, 500) : note);
      }
      ps.executeUpdate();
    }
  }

  static List<Refund> refunds(Connection c, String where, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(REFUND + " " + where)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<Refund> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Refund(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getBoolean(9),
                  rs.getBoolean(10),
                  rs.getString(11),
                  rs.getString(12),
                  rs.getString(13),
                  rs.getString(14),
                  rs.getLong(15),
                  time(rs, 16),
                  time(rs, 17)));
        }
      }
      return out;
    }
  }

  static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
