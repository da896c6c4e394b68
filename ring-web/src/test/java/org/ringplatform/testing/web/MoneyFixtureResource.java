package org.ringplatform.testing.web;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Money;
import org.ringplatform.ledger.Posting;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.payment.PaymentRequest;
import org.ringplatform.payment.PaymentStart;

/**
 * A test-only resource added to the deployment by the money tests: it makes paid vendor orders the
 * way checkout will (a checkout, its order and line, the buyer's wallet funded by a card top-up,
 * the payment through the real {@link PaymentConductor} on the credits rail, and the sale's
 * allocation, recipe 2 of docs/ledger.md) and then moves the order to the status the test needs,
 * since checkout and orders are built elsewhere.
 */
@Stateless
@PermitAll
@Path("test/money")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MoneyFixtureResource {

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private Ledger ledger;
  @Inject private PaymentConductor payments;

  /** A paid order to make. */
  public static class OrderSpec {
    public long vendorId;
    public long buyerId;
    public long productId;
    public String currency = "UAH";
    public int quantity = 1;
    public long totalMinor;
    public long commissionMinor;
    public long referralMinor;
    public String referralCode;
    public String status = "completed";

    /** Completed that many minutes ago; null: not completed. */
    public Long completedAgoMinutes;
  }

  /** Many completed orders of one vendor, paid by card, in one go. */
  public static class BulkSpec {
    public long vendorId;
    public long buyerId;
    public long productId;
    public String currency = "UAH";
    public int count;
    public long totalMinor;
    public long commissionMinor;
    public long completedAgoMinutes;
  }

  @POST
  @Path("/orders")
  public Map<String, Object> order(OrderSpec spec) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      long checkoutId =
          checkout(c, spec.buyerId, spec.currency, spec.totalMinor, spec.referralCode);
      long orderId =
          order(
              c,
              checkoutId,
              spec.buyerId,
              spec.vendorId,
              spec.currency,
              spec.totalMinor,
              spec.commissionMinor,
              spec.referralMinor,
              spec.referralCode);
      line(c, orderId, spec.productId, spec.quantity, spec.totalMinor);
      // The buyer's credits come from a card top-up (recipes 1 and 4).
      String topup = "fixture-" + UUID.randomUUID();
      ledger.post(
          "payment:" + topup,
          "payment",
          "Fixture top-up",
          topup,
          null,
          List.of(
              Posting.debit(Account.gatewayCash(spec.currency), spec.totalMinor),
              Posting.credit(Account.paymentsClearing(spec.currency), spec.totalMinor)));
      ledger.post(
          "topup:" + topup,
          "topup",
          "Fixture top-up",
          topup,
          null,
          List.of(
              Posting.debit(Account.paymentsClearing(spec.currency), spec.totalMinor),
              Posting.credit(Account.wallet(spec.buyerId, spec.currency), spec.totalMinor)));
      PaymentStart paid =
          payments.start(
              new PaymentRequest(
                  PaymentPurpose.STORE_ORDER,
                  checkoutId,
                  spec.buyerId,
                  Money.of(spec.totalMinor, spec.currency),
                  PaymentRail.CREDITS,
                  null,
                  "Fixture order",
                  List.of(),
                  null,
                  null));
      sale(
          orderId,
          spec.vendorId,
          spec.currency,
          spec.totalMinor,
          spec.commissionMinor,
          spec.referralMinor,
          paid.reference(),
          spec.buyerId);
      settle(c, orderId, checkoutId, spec.status, spec.completedAgoMinutes);
      return Map.of("orderId", orderId, "checkoutId", checkoutId, "reference", paid.reference());
    }
  }

  @POST
  @Path("/bulk")
  public List<Long> bulk(BulkSpec spec) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (int i = 0; i < spec.count; i++) {
        long checkoutId = checkout(c, spec.buyerId, spec.currency, spec.totalMinor, null);
        long orderId =
            order(
                c,
                checkoutId,
                spec.buyerId,
                spec.vendorId,
                spec.currency,
                spec.totalMinor,
                spec.commissionMinor,
                0,
                null);
        line(c, orderId, spec.productId, 1, spec.totalMinor);
        String reference = "fixture-bulk-" + orderId;
        ledger.post(
            "payment:" + reference,
            "payment",
            "Fixture card payment",
            reference,
            null,
            List.of(
                Posting.debit(Account.gatewayCash(spec.currency), spec.totalMinor),
                Posting.credit(Account.paymentsClearing(spec.currency), spec.totalMinor)));
        sale(
            orderId,
            spec.vendorId,
            spec.currency,
            spec.totalMinor,
            spec.commissionMinor,
            0,
            reference,
            spec.buyerId);
        settle(c, orderId, checkoutId, "completed", spec.completedAgoMinutes);
        ids.add(orderId);
      }
    }
    return ids;
  }

  /** Recipe 2: the sale's allocation out of payments clearing. */
  private void sale(
      long orderId,
      long vendorId,
      String currency,
      long total,
      long commission,
      long referral,
      String reference,
      long buyerId) {
    List<Posting> legs = new ArrayList<>();
    legs.add(Posting.debit(Account.paymentsClearing(currency), total));
    if (commission > 0) {
      legs.add(Posting.credit(Account.platformCommission(currency), commission));
    }
    if (referral > 0) {
      legs.add(Posting.credit(Account.referralPayable(currency), referral));
    }
    if (total - commission - referral > 0) {
      legs.add(
          Posting.credit(Account.vendorPayable(vendorId, currency), total - commission - referral));
    }
    ledger.post("sale:" + orderId, "sale", "Sale of order " + orderId, reference, buyerId, legs);
  }

  private static long checkout(
      Connection c, long buyerId, String currency, long total, String referralCode)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.checkouts(buyer_id, currency, total_minor, referral_code,"
                + " expires_at) values (?, ?, ?, ?, now() + interval '15 minutes') returning id")) {
      ps.setLong(1, buyerId);
      ps.setString(2, currency);
      ps.setLong(3, total);
      if (referralCode == null) {
        ps.setNull(4, Types.VARCHAR);
      } else {
        ps.setString(4, referralCode);
      }
      return id(ps);
    }
  }

  private static long order(
      Connection c,
      long checkoutId,
      long buyerId,
      long vendorId,
      String currency,
      long total,
      long commission,
      long referral,
      String referralCode)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.orders(checkout_id, buyer_id, vendor_id, currency, subtotal_minor,"
                + " total_minor, commission_bps, commission_minor, referral_code,"
                + " referral_minor) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
      ps.setLong(1, checkoutId);
      ps.setLong(2, buyerId);
      ps.setLong(3, vendorId);
      ps.setString(4, currency);
      ps.setLong(5, total);
      ps.setLong(6, total);
      ps.setInt(7, total == 0 ? 0 : (int) (commission * 10_000 / total));
      ps.setLong(8, commission);
      if (referralCode == null) {
        ps.setNull(9, Types.VARCHAR);
      } else {
        ps.setString(9, referralCode);
      }
      ps.setLong(10, referral);
      return id(ps);
    }
  }

  private static void line(Connection c, long orderId, long productId, int quantity, long total)
      throws SQLException {
    long unit = total / quantity;
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.order_lines(order_id, product_id, title, kind, unit_price_minor,"
                + " quantity, line_total_minor) select ?, id, title, kind, ?, ?, ?"
                + " from ring.store_products where id = ?")) {
      ps.setLong(1, orderId);
      ps.setLong(2, unit);
      ps.setInt(3, quantity);
      ps.setLong(4, unit * quantity);
      ps.setLong(5, productId);
      ps.executeUpdate();
    }
  }

  /** The order paid and moved on to {@code status}, completed when asked. */
  private static void settle(
      Connection c, long orderId, long checkoutId, String status, Long completedAgoMinutes)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update ring.orders set status = ?, paid_at = now(), completed_at = case when"
                + " cast(? as bigint) is null then null else now() - make_interval(mins =>"
                + " cast(? as integer)) end where id = ?")) {
      ps.setString(1, status);
      if (completedAgoMinutes == null) {
        ps.setNull(2, Types.BIGINT);
        ps.setNull(3, Types.INTEGER);
      } else {
        ps.setLong(2, completedAgoMinutes);
        ps.setInt(3, completedAgoMinutes.intValue());
      }
      ps.setLong(4, orderId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("update ring.checkouts set status = 'paid' where id = ?")) {
      ps.setLong(1, checkoutId);
      ps.executeUpdate();
    }
  }

  private static long id(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
