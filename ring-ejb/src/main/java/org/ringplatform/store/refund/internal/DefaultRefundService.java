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
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.TextInput;
import org.ringplatform.store.order.OrderStatus;
import org.ringplatform.store.refund.RefundService;

/**
 * Refunds: each refund is opened, executed and, if the processor refuses, marked failed, each step
 * in a transaction of its own ({@link RefundSteps}), so a refusal leaves the order refund requested
 * with the failure recorded and none of the refund's money movements.
 */
@Stateless
public class DefaultRefundService implements RefundService {

  private static final Logger LOG = Logger.getLogger(DefaultRefundService.class.getName());
  private static final Set<String> STATUSES = Set.of("requested", "succeeded", "failed");

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private RefundSteps steps;

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Outcome refund(AuthenticatedUser caller, Request request) {
    RefundSteps.Opened opened = steps.open(caller, request);
    Refund refund = opened.refund();
    // A key seen before returns its refund; one left requested by a crash is finished now.
    if ("requested".equals(refund.status())) {
      try {
        steps.execute(refund.id(), opened.actor(), caller.id());
      } catch (RingException e) {
        LOG.log(Level.INFO, "Refund {0} failed: {1}", new Object[] {refund.id(), e.getMessage()});
        steps.fail(refund.id(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Refund " + refund.id() + " failed", e);
        steps.fail(refund.id(), "The refund could not be completed.");
      }
      refund = one(refund.id());
    }
    return new Outcome(refund, opened.created());
  }

  @Override
  public List<Refund> refundsOf(AuthenticatedUser caller, long orderId) {
    try (Connection c = dataSource.getConnection()) {
      OrderRows.Order order = OrderRows.order(c, orderId, false);
      if (order.actorOf(caller).isEmpty()) {
        throw RingException.notFound("There is no such order.");
      }
      return OrderRows.refunds(c, "where r.order_id = ? order by r.id desc", orderId);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public OrderView order(AuthenticatedUser caller, long orderId) {
    try (Connection c = dataSource.getConnection()) {
      OrderRows.Order o = OrderRows.order(c, orderId, false);
      OrderStatus.Actor actor =
          o.actorOf(caller).orElseThrow(() -> RingException.notFound("There is no such order."));
      List<Refund> refunds =
          OrderRows.refunds(c, "where r.order_id = ? order by r.id desc", orderId);
      long underWay =
          refunds.stream()
              .filter(r -> "requested".equals(r.status()))
              .mapToLong(Refund::amountMinor)
              .sum();
      long refundable = Math.max(0, o.totalMinor() - o.refundedMinor() - underWay);
      boolean refunder = actor != OrderStatus.Actor.BUYER;
      boolean refundableStatus =
          o.status() != OrderStatus.PENDING_PAYMENT
              && o.status() != OrderStatus.CANCELLED
              && o.status() != OrderStatus.REFUNDED;
      return new OrderView(
          o.id(),
          o.vendorId(),
          vendorName(c, o.vendorId()),
          o.buyerId(),
          o.status().id(),
          o.currency(),
          o.totalMinor(),
          o.refundedMinor(),
          refundable,
          o.settled(),
          o.completedAt(),
          o.status() == OrderStatus.REFUND_REQUESTED ? requestNote(c, orderId) : null,
          refunds,
          refunder,
          refunder && refundableStatus && refundable > 0,
          refunder && o.status() == OrderStatus.REFUND_REQUESTED && underWay == 0);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String requestRefund(AuthenticatedUser caller, long orderId, String reason) {
    String note = TextInput.required(reason, 1, 500, "reason", "Say why (1 to 500).");
    try (Connection c = dataSource.getConnection()) {
      OrderRows.Order o = OrderRows.order(c, orderId, true);
      OrderStatus.Actor actor =
          o.buyerId() == caller.id()
              ? OrderStatus.Actor.BUYER
              : o.actorOf(caller)
                  .orElseThrow(() -> RingException.notFound("There is no such order."));
      if (o.status() == OrderStatus.REFUND_REQUESTED) {
        return o.status().id();
      }
      OrderRows.move(c, o, o.status(), OrderStatus.REFUND_REQUESTED, actor, caller.id(), note);
      return OrderStatus.REFUND_REQUESTED.id();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String decline(AuthenticatedUser caller, long orderId, String note) {
    String text = TextInput.optional(note, 500, "note");
    try (Connection c = dataSource.getConnection()) {
      OrderRows.Order o = OrderRows.order(c, orderId, true);
      OrderStatus.Actor actor = RefundSteps.refunder(caller, o);
      if (o.status() != OrderStatus.REFUND_REQUESTED) {
        throw new RingException(
            RingException.Kind.CONFLICT,
            "no_refund_request",
            null,
            "The order has no refund request to decline.");
      }
      if (!OrderRows.refunds(c, "where r.order_id = ? and r.status = 'requested'", orderId)
          .isEmpty()) {
        throw new RingException(
            RingException.Kind.CONFLICT,
            "refund_in_progress",
            null,
            "A refund of this order is under way.");
      }
      // Back to where the order was before the request, or on to fulfilment when that is not a
      // status a request can return to (paid, shipped).
      OrderStatus back = OrderStatus.FULFILLING;
      OrderStatus before = statusBeforeRequest(c, orderId);
      if (before != null && o.status().allows(before, actor)) {
        back = before;
      }
      OrderRows.move(
          c, o, o.status(), back, actor, caller.id(), text == null ? "Refund declined" : text);
      return back.id();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Refund> recent(AuthenticatedUser admin, String status, int limit) {
    requireAdmin(admin);
    if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
      throw RingException.invalid("status_invalid", "status", "Unknown status: " + status);
    }
    String s = status == null || status.isBlank() ? null : status;
    try (Connection c = dataSource.getConnection()) {
      return OrderRows.refunds(
          c,
          "where (cast(? as varchar) is null or r.status = ?) order by r.id desc limit ?",
          s,
          s,
          Math.max(1, Math.min(limit, 1000)));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Pending> pending(AuthenticatedUser admin, int limit) {
    requireAdmin(admin);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select o.id, o.vendor_id, v.name, o.buyer_id, o.currency, o.total_minor,"
                    + " o.refunded_minor, e.at, e.note, (select r.failure from ring.refunds r"
                    + " where r.order_id = o.id order by r.id desc limit 1)"
                    + " from ring.orders o join ring.vendors v on v.id = o.vendor_id"
                    + " left join lateral (select at, note from ring.order_events"
                    + " where order_id = o.id and to_status = 'refund_requested'"
                    + " order by id desc limit 1) e on true"
                    + " where o.status = 'refund_requested' order by e.at, o.id limit ?")) {
      ps.setInt(1, Math.max(1, Math.min(limit, 1000)));
      List<Pending> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Pending(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getLong(6),
                  rs.getLong(7),
                  OrderRows.time(rs, 8),
                  rs.getString(9),
                  rs.getString(10)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Refund one(long refundId) {
    try (Connection c = dataSource.getConnection()) {
      return OrderRows.refunds(c, "where r.id = ?", refundId).get(0);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String vendorName(Connection c, long vendorId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select name from ring.vendors where id = ?")) {
      ps.setLong(1, vendorId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static String requestNote(Connection c, long orderId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select note from ring.order_events where order_id = ?"
                + " and to_status = 'refund_requested' order by id desc limit 1")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static OrderStatus statusBeforeRequest(Connection c, long orderId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select from_status from ring.order_events where order_id = ?"
                + " and to_status = 'refund_requested' order by id desc limit 1")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OrderStatus.fromId(rs.getString(1)).orElse(null) : null;
      }
    }
  }

  private static void requireAdmin(AuthenticatedUser caller) {
    if (caller == null || !caller.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins see all refunds.");
    }
  }
}
