package org.ringplatform.testing.commerce;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Posting;
import org.ringplatform.payment.PaymentConfirmed;
import org.ringplatform.payment.PaymentPurpose;

/**
 * Test stand-in for the store's part of a paid checkout (the store is built elsewhere): on {@link
 * PaymentConfirmed} for a store order, at the store's priority, it marks the checkout and its
 * orders paid and posts recipe 2 of docs/ledger.md per order under the store's own key ({@code
 * sale:<orderId>}), so the real store posting the same entry would post nothing twice.
 */
@ApplicationScoped
public class StoreAllocationStandIn {

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private Ledger ledger;

  void onConfirmed(@Observes @Priority(Interceptor.Priority.APPLICATION) PaymentConfirmed payment) {
    if (payment.purpose() != PaymentPurpose.STORE_ORDER) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "update ring.checkouts set status = 'paid' where id = ?"
                  + " and status = 'pending_payment'")) {
        ps.setLong(1, payment.subjectId());
        ps.executeUpdate();
      }
      List<long[]> orders = new ArrayList<>();
      String currency = payment.amount().currency();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id, vendor_id, total_minor, commission_minor, referral_minor from ring.orders"
                  + " where checkout_id = ? and status = 'pending_payment' order by id")) {
        ps.setLong(1, payment.subjectId());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            orders.add(
                new long[] {
                  rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)
                });
          }
        }
      }
      for (long[] o : orders) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "update ring.orders set status = 'paid', paid_at = now() where id = ?")) {
          ps.setLong(1, o[0]);
          ps.executeUpdate();
        }
        List<Posting> legs = new ArrayList<>();
        legs.add(Posting.debit(Account.paymentsClearing(currency), o[2]));
        if (o[3] > 0) {
          legs.add(Posting.credit(Account.platformCommission(currency), o[3]));
        }
        if (o[4] > 0) {
          legs.add(Posting.credit(Account.referralPayable(currency), o[4]));
        }
        long rest = o[2] - o[3] - o[4];
        if (rest > 0) {
          legs.add(Posting.credit(Account.vendorPayable(o[1], currency), rest));
        }
        ledger.post("sale:" + o[0], "sale", "Order " + o[0], payment.reference(), null, legs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
