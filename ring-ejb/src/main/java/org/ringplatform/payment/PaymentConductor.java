package org.ringplatform.payment;

import java.util.Optional;

/**
 * The payment orchestrator (§9): routes a purpose and a rail to a processor (WayForPay, Stripe or
 * internal credits), keeps the {@code payment_transactions} ledger with its status history, and
 * confirms a payment exactly once, firing {@link PaymentConfirmed}.
 */
public interface PaymentConductor {

  /**
   * Starts collecting money, in the caller's transaction. The credits rail spends the wallet and
   * confirms at once (so {@link PaymentConfirmed} observers run before this returns); card rails
   * create the transaction and return the gateway step.
   *
   * @throws org.ringplatform.platform.RingException CONFLICT {@code insufficient_funds} when the
   *     wallet is too low, UNAVAILABLE when the processor is not configured
   */
  PaymentStart start(PaymentRequest request);

  /**
   * Outcome of a refund at the processor.
   *
   * @param succeeded whether the money went back
   * @param processorRef the processor's refund id
   * @param failure why not, or null
   */
  record RefundOutcome(boolean succeeded, String processorRef, String failure) {}

  /**
   * Sends {@code amountMinor} of a paid transaction back to the payer through its processor
   * (credits go back to the wallet), records it on the transaction (refunded or partially refunded)
   * and posts the money leaving {@code payments_clearing}. Idempotent by {@code idempotencyKey}.
   * The caller reverses its own allocation first (see {@code docs/ledger.md}).
   */
  RefundOutcome refund(String reference, long amountMinor, String idempotencyKey, String reason);

  /**
   * A payment as the ledger knows it.
   *
   * @param id row id
   * @param reference order reference
   * @param purpose purpose
   * @param subjectId subject
   * @param userId payer
   * @param processor processor
   * @param rail rail
   * @param amountMinor amount
   * @param currency currency
   * @param status status
   * @param refundedMinor refunded so far
   */
  record PaymentView(
      long id,
      String reference,
      String purpose,
      long subjectId,
      long userId,
      String processor,
      String rail,
      long amountMinor,
      String currency,
      String status,
      long refundedMinor) {}

  Optional<PaymentView> find(String reference);

  /** The latest transaction for a purpose's subject (e.g. a checkout), if any. */
  Optional<PaymentView> latestFor(PaymentPurpose purpose, long subjectId);
}
