package org.ringplatform.payment.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Money;
import org.ringplatform.ledger.Posting;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentConfirmed;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.payment.PaymentRequest;
import org.ringplatform.payment.PaymentStart;
import org.ringplatform.platform.RingException;

/**
 * Provisional conductor: the internal credits rail only. Card rails answer UNAVAILABLE until the
 * WayForPay and Stripe processors are wired in.
 */
@Stateless
public class DefaultPaymentConductor implements PaymentConductor {

  private static final String VIEW =
      "select id, reference, purpose, subject_id, user_id, processor, rail, amount_minor,"
          + " currency, status, refunded_minor from ring.payment_transactions";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private Ledger ledger;

  @Inject private Event<PaymentConfirmed> confirmed;

  @Override
  public PaymentStart start(PaymentRequest r) {
    if (r.amount().minor() <= 0) {
      throw RingException.invalid("amount", "amount", "A payment needs a positive amount.");
    }
    if (r.rail() != PaymentRail.CREDITS) {
      throw new RingException(
          RingException.Kind.UNAVAILABLE,
          "processor_unavailable",
          null,
          "Card payments are not configured.");
    }
    String reference =
        r.purpose().referencePrefix() + "_" + r.subjectId() + "_" + System.currentTimeMillis();
    long id;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.payment_transactions(reference, purpose, subject_id, processor,"
                  + " rail, user_id, amount_minor, currency, status, idempotency_key, paid_at)"
                  + " values (?, ?, ?, 'credits', 'credits', ?, ?, ?, 'paid', ?, now())"
                  + " returning id")) {
        ps.setString(1, reference);
        ps.setString(2, r.purpose().id());
        ps.setLong(3, r.subjectId());
        ps.setLong(4, r.userId());
        ps.setLong(5, r.amount().minor());
        ps.setString(6, r.amount().currency());
        ps.setString(7, r.clientKey());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.payment_status_history(transaction_id, status, source)"
                  + " values (?, 'paid', 'credits')")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the payment", e);
    }
    String currency = r.amount().currency();
    ledger.post(
        "payment:" + reference,
        "payment",
        r.description(),
        reference,
        r.userId(),
        List.of(
            Posting.debit(Account.wallet(r.userId(), currency), r.amount().minor()),
            Posting.credit(Account.paymentsClearing(currency), r.amount().minor())));
    confirmed.fire(
        new PaymentConfirmed(
            id,
            reference,
            r.purpose(),
            r.subjectId(),
            r.userId(),
            Money.of(r.amount().minor(), currency),
            "credits",
            PaymentRail.CREDITS));
    return new PaymentStart(id, reference, "paid", PaymentStart.Mode.DONE, null, null);
  }

  @Override
  public RefundOutcome refund(
      String reference, long amountMinor, String idempotencyKey, String reason) {
    PaymentView p =
        find(reference).orElseThrow(() -> RingException.notFound("There is no such payment."));
    if (!"credits".equals(p.processor())) {
      return new RefundOutcome(false, null, "Card refunds are not configured.");
    }
    if (amountMinor <= 0 || amountMinor > p.amountMinor() - p.refundedMinor()) {
      throw RingException.invalid("amount", "amount", "The refund exceeds what is left to refund.");
    }
    if (ledger.posted("refund:" + idempotencyKey)) {
      return new RefundOutcome(true, idempotencyKey, null);
    }
    ledger.post(
        "refund:" + idempotencyKey,
        "refund",
        reason,
        reference,
        null,
        List.of(
            Posting.debit(Account.paymentsClearing(p.currency()), amountMinor),
            Posting.credit(Account.wallet(p.userId(), p.currency()), amountMinor)));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update ring.payment_transactions set refunded_minor = refunded_minor + ?,"
                    + " status = case when refunded_minor + ? = amount_minor then 'refunded'"
                    + " else 'partially_refunded' end, updated_at = now() where id = ?")) {
      ps.setLong(1, amountMinor);
      ps.setLong(2, amountMinor);
      ps.setLong(3, p.id());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new RefundOutcome(true, idempotencyKey, null);
  }

  @Override
  public Optional<PaymentView> find(String reference) {
    return one(VIEW + " where reference = ?", reference);
  }

  @Override
  public Optional<PaymentView> latestFor(PaymentPurpose purpose, long subjectId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                VIEW + " where purpose = ? and subject_id = ? order by id desc limit 1")) {
      ps.setString(1, purpose.id());
      ps.setLong(2, subjectId);
      return read(ps);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<PaymentView> one(String sql, String arg) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      return read(ps);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<PaymentView> read(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new PaymentView(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getLong(4),
              rs.getLong(5),
              rs.getString(6),
              rs.getString(7),
              rs.getLong(8),
              rs.getString(9),
              rs.getString(10),
              rs.getLong(11)));
    }
  }
}
