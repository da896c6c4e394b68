package org.ringplatform.payment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * The admin console's view of payments: transactions with filters, one transaction's status
 * history, webhook deliveries and refunds, the webhook log, and reconciliation on demand. Every
 * method refuses callers who are not admins.
 */
public interface PaymentConsole {

  /**
   * What to list; null means any.
   *
   * @param status a transaction status
   * @param processor wayforpay, stripe or credits
   * @param purpose a purpose id
   * @param reference part of the order reference
   * @param userId the payer
   * @param from created at or after
   * @param to created before
   */
  record Filter(
      String status,
      String processor,
      String purpose,
      String reference,
      Long userId,
      OffsetDateTime from,
      OffsetDateTime to) {

    public static Filter any() {
      return new Filter(null, null, null, null, null, null, null);
    }
  }

  /**
   * A transaction as the console shows it.
   *
   * @param id row id
   * @param reference order reference
   * @param purpose purpose id
   * @param subjectId what it pays for
   * @param userId payer
   * @param payerEmail the payer's email
   * @param processor processor
   * @param rail rail
   * @param amountMinor amount
   * @param currency currency
   * @param status status
   * @param refundedMinor refunded so far
   * @param processorRef the processor's id (Checkout Session)
   * @param cardLast4 the card's last digits, when the gateway told them
   * @param createdAt created
   * @param updatedAt last change
   * @param paidAt when it was paid, or null
   */
  record Payment(
      long id,
      String reference,
      String purpose,
      long subjectId,
      long userId,
      String payerEmail,
      String processor,
      String rail,
      long amountMinor,
      String currency,
      String status,
      long refundedMinor,
      String processorRef,
      String cardLast4,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      OffsetDateTime paidAt) {}

  /**
   * One page of rows.
   *
   * @param items the rows
   * @param total how many match in all
   */
  record Page<T>(List<T> items, long total) {}

  /**
   * One entry of a transaction's status history.
   *
   * @param status the status it moved to ({@code check_failed} for a refused amount check)
   * @param source what moved it: start, checkout, wayforpay, stripe, reconcile, refund, ...
   * @param detail why, or null
   * @param at when
   */
  record StatusChange(String status, String source, String detail, OffsetDateTime at) {}

  /**
   * One webhook delivery as received.
   *
   * @param id log id
   * @param processor stripe or wayforpay
   * @param eventId the verified event's id, or null
   * @param reference the payment it named, or null
   * @param outcome accepted, duplicate, ignored, amount_mismatch, unknown_reference, rejected or
   *     error
   * @param httpStatus what we answered
   * @param detail why, or null (never a secret)
   * @param bodySha256 SHA-256 of the body, hex
   * @param receivedAt when
   */
  record Delivery(
      long id,
      String processor,
      String eventId,
      String reference,
      String outcome,
      int httpStatus,
      String detail,
      String bodySha256,
      OffsetDateTime receivedAt) {}

  /**
   * One refund sent through the processor.
   *
   * @param idempotencyKey the caller's key
   * @param amountMinor amount
   * @param currency currency
   * @param reason why
   * @param status requested, succeeded or failed
   * @param processorRef the processor's refund id
   * @param failure why it failed, or null
   * @param createdAt asked
   * @param completedAt answered, or null
   */
  record Refund(
      String idempotencyKey,
      long amountMinor,
      String currency,
      String reason,
      String status,
      String processorRef,
      String failure,
      OffsetDateTime createdAt,
      OffsetDateTime completedAt) {}

  /**
   * A transaction with everything that happened to it.
   *
   * @param payment the transaction
   * @param history its status history, oldest first
   * @param webhooks deliveries that named it, newest first
   * @param refunds its refunds, oldest first
   */
  record Detail(
      Payment payment, List<StatusChange> history, List<Delivery> webhooks, List<Refund> refunds) {}

  /** Transactions, newest first. */
  Page<Payment> payments(AuthenticatedUser admin, Filter filter, int offset, int limit);

  Optional<Detail> detail(AuthenticatedUser admin, String reference);

  /** Webhook deliveries, newest first; null filters mean any. */
  Page<Delivery> deliveries(
      AuthenticatedUser admin, String processor, String outcome, int offset, int limit);

  /** {@link PaymentConductor#reconcile} for an admin. */
  PaymentConductor.PaymentView reconcile(AuthenticatedUser admin, String reference);
}
