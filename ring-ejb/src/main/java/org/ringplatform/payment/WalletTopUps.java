package org.ringplatform.payment;

import org.ringplatform.identity.AuthenticatedUser;

/**
 * Buying credits by card (the {@link PaymentPurpose#WALLET_TOPUP} purpose): the start of a top-up
 * within the configured limits, the allocation of a confirmed top-up to the payer's wallet (ledger
 * recipe 4, {@code [topup:<ref>]}), and its refund, which takes the credits back before the money
 * leaves.
 */
public interface WalletTopUps {

  /**
   * A top-up the payer asks for.
   *
   * @param amountMinor credits to buy, in minor units of the platform currency
   * @param currency the platform currency (null for it)
   * @param processor {@code wayforpay} or {@code stripe}, or null for the configured one
   * @param returnUrl where the gateway sends the payer back, or null for {@code /payment-result}
   * @param clientKey the client's idempotency key, or null
   */
  record TopUp(
      long amountMinor, String currency, String processor, String returnUrl, String clientKey) {}

  /**
   * Starts a card payment for credits.
   *
   * @throws org.ringplatform.platform.RingException INVALID ({@code amount_out_of_range}, {@code
   *     currency_invalid}), UNAVAILABLE ({@code processor_unavailable}), UNPROCESSABLE ({@code
   *     idempotency_key_reused})
   */
  PaymentStart start(AuthenticatedUser payer, TopUp topUp);

  /**
   * Refunds (part of) a paid top-up, for admins: takes the credits back from the wallet ({@code
   * [topup-refund:<key>]}; refused with 409 {@code insufficient_funds} when they were spent), then
   * sends the money back through the processor. Idempotent by {@code idempotencyKey}.
   *
   * @throws org.ringplatform.platform.RingException FORBIDDEN for non-admins, NOT_FOUND, CONFLICT
   *     ({@code not_a_topup}, {@code not_refundable}, {@code insufficient_funds}), UNPROCESSABLE
   *     ({@code idempotency_key_reused})
   */
  PaymentConductor.RefundOutcome refund(
      AuthenticatedUser admin,
      String reference,
      long amountMinor,
      String idempotencyKey,
      String reason);
}
