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
   * create the transaction and return the gateway step: WayForPay a signed form to post ({@code
   * FORM_POST}), Stripe the portal page {@code /pay?ref=<reference>} ({@code NAVIGATE},
   * context-relative) that creates the Checkout Session and sends the buyer on. Either way the
   * buyer can be sent to {@code /pay?ref=<reference>}, and comes back to the request's return URL
   * ({@code {ref}} in it is replaced by the reference), by default {@code /payment-result}.
   *
   * <p>With a client key, a retry with the same key and the same parameters returns the first
   * start; the same key with other parameters is refused (422 {@code idempotency_key_reused}).
   *
   * @throws org.ringplatform.platform.RingException CONFLICT {@code insufficient_funds} when the
   *     wallet is too low, UNAVAILABLE ({@code processor_unavailable}) when the processor is not
   *     configured, INVALID for a bad amount, rail, processor or return URL
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

  /**
   * Asks the payment's processor where it stands (WayForPay CHECK_STATUS, the Stripe Checkout
   * Session) and applies the verified answer exactly as a callback would, so a late or lost
   * callback cannot leave a paid payment open. Runs outside the caller's transaction; credits
   * payments are final and come back unchanged.
   *
   * @throws org.ringplatform.platform.RingException NOT_FOUND for an unknown reference, UNAVAILABLE
   *     ({@code processor_unavailable}) when the processor cannot be asked
   */
  PaymentView reconcile(String reference);
}
