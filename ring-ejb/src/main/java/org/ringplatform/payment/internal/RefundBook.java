package org.ringplatform.payment.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.ringplatform.platform.RingException;

/**
 * The refunds sent through the processors ({@code payment_refunds}), each in a transaction of its
 * own: a request is committed with its processor idempotency key before the processor is called,
 * and its outcome after, so a retry of the same refund key never sends money back twice and a crash
 * in between is resumed with the same processor key.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RefundBook {

  /**
   * A refund request.
   *
   * @param id row id
   * @param transactionId the payment
   * @param amountMinor amount
   * @param status requested, succeeded or failed
   * @param processorKey the idempotency key sent to the processor
   * @param processorRef the processor's refund id, once known
   * @param failure why it failed
   */
  public record Ticket(
      long id,
      long transactionId,
      long amountMinor,
      String status,
      String processorKey,
      String processorRef,
      String failure) {}

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  /**
   * The request for {@code idempotencyKey}: the existing one for a repeated key, else a new one
   * when the payment is paid and the amount fits what is left to refund.
   *
   * @throws RingException UNPROCESSABLE ({@code idempotency_key_reused}) when the key was used for
   *     another refund; CONFLICT ({@code not_refundable}, {@code refund_exceeds_payment})
   */
  public Ticket open(
      long transactionId,
      String status,
      long paidMinor,
      long amountMinor,
      String currency,
      String idempotencyKey,
      String reason) {
    // Serialises refund requests of one payment without locking its row, which the caller's
    // transaction may hold.
    Sql.one(
        dataSource,
        "select pg_advisory_xact_lock(hashtext('ring.payment.refund'), (? % 2147483647)::int)",
        rs -> 1,
        transactionId);
    Optional<Ticket> existing = byKey(idempotencyKey);
    if (existing.isPresent()) {
      Ticket t = existing.get();
      if (t.transactionId() != transactionId || t.amountMinor() != amountMinor) {
        throw new RingException(
            RingException.Kind.UNPROCESSABLE,
            "idempotency_key_reused",
            "idempotencyKey",
            "This refund key was used for another refund.");
      }
      return t;
    }
    if (!PaymentStates.settled(status) || status.equals("refunded")) {
      throw new RingException(
          RingException.Kind.CONFLICT, "not_refundable", null, "This payment cannot be refunded.");
    }
    long asked =
        Sql.one(
                dataSource,
                "select coalesce(sum(amount_minor), 0) from ring.payment_refunds"
                    + " where transaction_id = ? and status <> 'failed'",
                rs -> rs.getLong(1),
                transactionId)
            .orElse(0L);
    if (asked + amountMinor > paidMinor) {
      throw new RingException(
          RingException.Kind.CONFLICT,
          "refund_exceeds_payment",
          "amount",
          "The refund exceeds what is left to refund.");
    }
    long id =
        Sql.one(
                dataSource,
                "insert into ring.payment_refunds(transaction_id, idempotency_key, amount_minor,"
                    + " currency, reason, processor_key) values (?, ?, ?, ?, ?, ?) returning id",
                rs -> rs.getLong(1),
                transactionId,
                idempotencyKey,
                amountMinor,
                currency,
                Sql.truncate(reason == null ? "" : reason, 500),
                UUID.randomUUID().toString())
            .orElseThrow();
    return byId(id).orElseThrow();
  }

  /** Records the processor's answer. */
  public Ticket close(long id, boolean succeeded, String processorRef, String failure) {
    Sql.update(
        dataSource,
        "update ring.payment_refunds set status = ?, processor_ref = ?, failure = ?,"
            + " completed_at = now() where id = ? and status = 'requested'",
        succeeded ? "succeeded" : "failed",
        Sql.truncate(processorRef, 200),
        Sql.truncate(failure, 500),
        id);
    return byId(id).orElseThrow();
  }

  private Optional<Ticket> byKey(String key) {
    return Sql.one(
        dataSource,
        "select id, transaction_id, amount_minor, status, processor_key, processor_ref, failure"
            + " from ring.payment_refunds where idempotency_key = ?",
        RefundBook::ticket,
        key);
  }

  private Optional<Ticket> byId(long id) {
    return Sql.one(
        dataSource,
        "select id, transaction_id, amount_minor, status, processor_key, processor_ref, failure"
            + " from ring.payment_refunds where id = ?",
        RefundBook::ticket,
        id);
  }

  private static Ticket ticket(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Ticket(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7));
  }
}
