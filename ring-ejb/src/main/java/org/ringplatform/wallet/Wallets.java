package org.ringplatform.wallet;

import java.time.OffsetDateTime;
import java.util.List;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * Each person's credits wallet (§10.1, with §22.13 fixed): the balance is the ledger account {@code
 * wallet:<userId>} in the store currency, one credit being one minor unit of it, kept on its own
 * row under a row lock and never below zero; the history is the account's postings. Credits come in
 * by a card top-up through the PaymentConductor, a referral reward or an admin's grant, and go out
 * by paying (store orders, membership) or an admin's penalty.
 */
public interface Wallets {

  /** The wallets' currency: the store currency ({@code ring.store.currency}, default UAH). */
  String currency();

  /**
   * How much one top-up may be.
   *
   * @param minMinor the smallest top-up ({@code ring.wallet.topup.min-minor})
   * @param maxMinor the largest top-up ({@code ring.wallet.topup.max-minor})
   * @param currency the currency
   */
  record Limits(long minMinor, long maxMinor, String currency) {}

  Limits topUpLimits();

  /** The person's balance in minor units (credits), 0 for a wallet never used. */
  long balance(long userId);

  /**
   * One movement of a wallet.
   *
   * @param entryId the ledger entry
   * @param kind what it was ({@code payment}, {@code topup}, {@code referral_reward_paid}, ...)
   * @param description a line for the statement
   * @param reference the payment reference, or null
   * @param amountMinor signed: positive when credits came in
   * @param balanceAfter the balance after it
   * @param at when
   */
  record Movement(
      long entryId,
      String kind,
      String description,
      String reference,
      long amountMinor,
      long balanceAfter,
      OffsetDateTime at) {}

  /**
   * A page of a wallet's history, newest first.
   *
   * @param items the movements
   * @param more whether older movements follow
   */
  record History(List<Movement> items, boolean more) {}

  /** The person's movements from {@code offset}, at most {@code limit} (1 to 100). */
  History history(long userId, int offset, int limit);

  /**
   * A started top-up.
   *
   * @param transactionId the payment
   * @param reference its order reference
   * @param status the payment's status now
   * @param payUrl where the buyer goes next to pay ({@code /pay?ref=...}), or null when paid
   */
  record TopUp(long transactionId, String reference, String status, String payUrl) {}

  /**
   * Starts a card top-up of the caller's wallet through the PaymentConductor (purpose wallet_topup,
   * subject the caller); the credits arrive when the payment is confirmed.
   *
   * @throws org.ringplatform.platform.RingException INVALID outside the limits, UNAVAILABLE when
   *     card payments are not configured
   */
  TopUp startTopUp(AuthenticatedUser user, long amountMinor, String clientKey);

  /**
   * An admin's adjustment.
   *
   * @param entryId the ledger entry
   * @param balanceMinor the wallet's balance after it
   */
  record Adjustment(long entryId, long balanceMinor) {}

  /**
   * Grants credits to a person (an expense of the platform, account {@code credit_grants}); a retry
   * with the same {@code clientKey} grants once.
   *
   * @throws org.ringplatform.platform.RingException FORBIDDEN for non-admins, INVALID without a
   *     reason or with a bad amount, NOT_FOUND for an unknown account
   */
  Adjustment grant(
      AuthenticatedUser admin, long userId, long amountMinor, String reason, String clientKey);

  /**
   * Takes credits back from a person (a penalty); never below zero.
   *
   * @throws org.ringplatform.platform.RingException as {@link #grant}, and CONFLICT ({@code
   *     insufficient_funds}) when the wallet holds less
   */
  Adjustment penalize(
      AuthenticatedUser admin, long userId, long amountMinor, String reason, String clientKey);
}
