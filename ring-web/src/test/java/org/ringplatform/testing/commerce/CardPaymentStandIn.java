package org.ringplatform.testing.commerce;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Money;
import org.ringplatform.ledger.Posting;
import org.ringplatform.payment.PaymentConfirmed;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;

/**
 * Test stand-in for a card payment confirmed by a verified gateway webhook, as the payment
 * conductor does it: one paid transaction, recipe 1 for a card (D gateway_cash, C
 * payments_clearing) and {@link PaymentConfirmed} in the same transaction.
 */
@Stateless
public class CardPaymentStandIn {

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private Ledger ledger;
  @Inject private Event<PaymentConfirmed> confirmed;

  /** Confirms a card payment; returns its order reference. */
  public String confirm(PaymentPurpose purpose, long subjectId, long userId, Money amount) {
    String reference = purpose.referencePrefix() + "_" + subjectId + "_" + System.nanoTime();
    long id;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into ring.payment_transactions(reference, purpose, subject_id, processor,"
                    + " rail, user_id, amount_minor, currency, status, paid_at)"
                    + " values (?, ?, ?, 'stripe', 'card', ?, ?, ?, 'paid', now()) returning id")) {
      ps.setString(1, reference);
      ps.setString(2, purpose.id());
      ps.setLong(3, subjectId);
      ps.setLong(4, userId);
      ps.setLong(5, amount.minor());
      ps.setString(6, amount.currency());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    ledger.post(
        "payment:" + reference,
        "payment",
        "Card payment (test stand-in)",
        reference,
        userId,
        List.of(
            Posting.debit(Account.gatewayCash(amount.currency()), amount.minor()),
            Posting.credit(Account.paymentsClearing(amount.currency()), amount.minor())));
    confirmed.fire(
        new PaymentConfirmed(
            id, reference, purpose, subjectId, userId, amount, "stripe", PaymentRail.CARD));
    return reference;
  }
}
