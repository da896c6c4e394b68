package org.ringplatform.referral.api;

import java.time.OffsetDateTime;
import org.ringplatform.ledger.Money;
import org.ringplatform.referral.ReferralRewards;

/**
 * A referral reward as the API shows it.
 *
 * @param id reward id
 * @param referrerId who earns it
 * @param buyerId who paid
 * @param code the referral code
 * @param source store_order or membership
 * @param sourceReference the payment's order reference
 * @param baseMinor what it was computed on, minor units
 * @param rewardBps its rate in basis points
 * @param amountMinor the reward, minor units (credits)
 * @param amount the reward as a decimal, e.g. {@code 12.50}
 * @param currency its currency
 * @param status pending, approved, rejected or paid
 * @param decisionNote the admin's note, or null
 * @param decidedAt when decided
 * @param paidAt when paid
 * @param createdAt when earned
 */
public record RewardView(
    long id,
    long referrerId,
    long buyerId,
    String code,
    String source,
    String sourceReference,
    long baseMinor,
    int rewardBps,
    long amountMinor,
    String amount,
    String currency,
    String status,
    String decisionNote,
    OffsetDateTime decidedAt,
    OffsetDateTime paidAt,
    OffsetDateTime createdAt) {

  static RewardView of(ReferralRewards.Reward r) {
    return new RewardView(
        r.id(),
        r.referrerId(),
        r.buyerId(),
        r.code(),
        r.source(),
        r.sourceReference(),
        r.baseMinor(),
        r.rewardBps(),
        r.amountMinor(),
        Money.of(r.amountMinor(), r.currency()).toDecimal().toPlainString(),
        r.currency(),
        r.status(),
        r.decisionNote(),
        r.decidedAt(),
        r.paidAt(),
        r.createdAt());
  }
}
