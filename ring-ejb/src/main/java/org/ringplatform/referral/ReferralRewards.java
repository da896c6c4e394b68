package org.ringplatform.referral;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * Referral rewards (§11.3): one per paid order payment of a referred buyer (the sum of the orders'
 * referral shares) and per membership payment of a referred member (the default rate of the fee). A
 * reward paid with credits is approved and paid at once; one paid by card waits for an admin, who
 * approves it (it is paid as credits into the referrer's wallet) or rejects it (the money goes back
 * to whoever funded it: the vendors, or membership revenue). Postings follow {@code
 * docs/ledger.md}, recipes 3 and 5.
 */
public interface ReferralRewards {

  /** A reward waiting for an admin. */
  String PENDING = "pending";

  /** Approved, about to be paid (an instant inside the approving transaction). */
  String APPROVED = "approved";

  /** Rejected: the money went back to its source. */
  String REJECTED = "rejected";

  /** Paid as credits into the referrer's wallet. */
  String PAID = "paid";

  /**
   * One reward.
   *
   * @param id reward id
   * @param referrerId who earns it
   * @param buyerId who paid
   * @param code the referral code
   * @param source {@code store_order} or {@code membership}
   * @param sourceReference the payment's order reference
   * @param checkoutId the checkout paid for (store orders), or null
   * @param baseMinor what the reward was computed on
   * @param rewardBps the reward as a rate of the base (weighted average for orders)
   * @param amountMinor the reward
   * @param currency its currency
   * @param status pending, approved, rejected or paid
   * @param decidedBy the admin who decided, or null (automatic)
   * @param decidedAt when it was decided
   * @param decisionNote the admin's note, or null
   * @param paidAt when it was paid
   * @param createdAt when it was earned
   */
  record Reward(
      long id,
      long referrerId,
      long buyerId,
      String code,
      String source,
      String sourceReference,
      Long checkoutId,
      long baseMinor,
      int rewardBps,
      long amountMinor,
      String currency,
      String status,
      Long decidedBy,
      OffsetDateTime decidedAt,
      String decisionNote,
      OffsetDateTime paidAt,
      OffsetDateTime createdAt) {}

  /**
   * A page of rewards.
   *
   * @param items the rewards, newest first (the admin queue: oldest first)
   * @param total how many match
   */
  record Page(List<Reward> items, long total) {}

  /**
   * A referrer's totals in one currency.
   *
   * @param currency the currency
   * @param pendingMinor waiting for an admin
   * @param paidMinor paid into the wallet
   * @param rejectedMinor rejected
   * @param count rewards in all
   */
  record Totals(
      String currency, long pendingMinor, long paidMinor, long rejectedMinor, long count) {}

  /** The referrer's own rewards, newest first. */
  Page mine(long referrerId, int offset, int limit);

  /** The referrer's totals per currency. */
  List<Totals> totals(long referrerId);

  /**
   * Rewards in a status for admins ({@code pending} by default), oldest first.
   *
   * @throws org.ringplatform.platform.RingException FORBIDDEN for non-admins, INVALID for an
   *     unknown status
   */
  Page queue(AuthenticatedUser admin, String status, int offset, int limit);

  /**
   * Approves a pending reward and pays it as credits into the referrer's wallet.
   *
   * @throws org.ringplatform.platform.RingException FORBIDDEN for non-admins, NOT_FOUND, CONFLICT
   *     ({@code already_decided}) when it is not pending
   */
  Reward approve(AuthenticatedUser admin, long rewardId, String note);

  /**
   * Rejects a pending reward: its money goes back to the vendors (in each order's share) or to
   * membership revenue.
   *
   * @throws org.ringplatform.platform.RingException as {@link #approve}
   */
  Reward reject(AuthenticatedUser admin, long rewardId, String note);

  /**
   * A refund of one of the checkout's orders took {@code referralMinor} of its referral share back
   * out of {@code referral_payable} (recipe 6): the checkout's pending reward shrinks by as much,
   * so it always equals what is held for it, and is rejected (note {@code refunded}) when nothing
   * is left. Part of the refund's transaction; a reward already paid or decided is left alone.
   */
  void refunded(long checkoutId, long referralMinor);

  /** The reward of a payment, if one was earned ({@code source} store_order or membership). */
  Optional<Reward> forPayment(String source, String reference);
}
