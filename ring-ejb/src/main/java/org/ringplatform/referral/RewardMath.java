package org.ringplatform.referral;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.ringplatform.ledger.Money;

/**
 * The arithmetic of referral rewards (§11.3, §20.10), in minor units: a line's share is its amount
 * times its clamped rate, rounded half up; an order's share is the sum of its lines' shares, so
 * checkout, the reward and the settlement all use the same numbers; a membership reward is the
 * default rate of the fee.
 */
public final class RewardMath {

  private RewardMath() {}

  /**
   * One line of an order.
   *
   * @param amountMinor what the line costs (unit price × quantity)
   * @param productBps the product's own rate, or null
   * @param vendorBps the vendor's rate, or null
   */
  public record Line(long amountMinor, Integer productBps, Integer vendorBps) {

    public Line {
      if (amountMinor < 0) {
        throw new IllegalArgumentException("A line costs 0 or more");
      }
    }
  }

  /**
   * The referral share of an order.
   *
   * @param baseMinor the lines' total
   * @param amountMinor the share
   * @param effectiveBps the share as a rate of the total (a weighted average), rounded half up
   */
  public record Share(long baseMinor, long amountMinor, int effectiveBps) {

    /** No share: an order without a referral code. */
    public static Share none(long baseMinor) {
      return new Share(baseMinor, 0, 0);
    }
  }

  /**
   * The share of an order whose lines are {@code lines}: zero when the order carries no referral
   * code ({@code attributed} false), else the sum of each line's half-up share at its rate.
   */
  public static Share orderShare(ReferralPolicy policy, boolean attributed, List<Line> lines) {
    long base = 0;
    long amount = 0;
    for (Line line : lines) {
      base = Math.addExact(base, line.amountMinor());
      if (attributed) {
        amount =
            Math.addExact(
                amount,
                Money.share(
                    line.amountMinor(), policy.rateFor(line.productBps(), line.vendorBps())));
      }
    }
    return attributed ? new Share(base, amount, effectiveBps(base, amount)) : Share.none(base);
  }

  /** {@code amountMinor} as basis points of {@code baseMinor}, half up; 0 for an empty base. */
  public static int effectiveBps(long baseMinor, long amountMinor) {
    if (baseMinor <= 0) {
      return 0;
    }
    return BigDecimal.valueOf(amountMinor)
        .multiply(BigDecimal.valueOf(10_000))
        .divide(BigDecimal.valueOf(baseMinor), 0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  /**
   * Splits {@code totalMinor} over parts in proportion to {@code weights} (largest remainder, ties
   * to the earlier part), so the parts add up to the total exactly; all-zero weights split evenly.
   */
  public static long[] split(long totalMinor, long[] weights) {
    long[] parts = new long[weights.length];
    if (weights.length == 0) {
      return parts;
    }
    long sum = 0;
    for (long w : weights) {
      if (w < 0) {
        throw new IllegalArgumentException("Weights are 0 or more");
      }
      sum = Math.addExact(sum, w);
    }
    long[] effective = weights.clone();
    if (sum == 0) {
      java.util.Arrays.fill(effective, 1);
      sum = weights.length;
    }
    BigDecimal total = BigDecimal.valueOf(totalMinor);
    BigDecimal[] remainders = new BigDecimal[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      BigDecimal[] qr =
          total
              .multiply(BigDecimal.valueOf(effective[i]))
              .divideAndRemainder(BigDecimal.valueOf(sum));
      parts[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      given += parts[i];
    }
    for (long left = totalMinor - given; left > 0; left--) {
      int best = 0;
      for (int i = 1; i < weights.length; i++) {
        if (remainders[i].compareTo(remainders[best]) > 0) {
          best = i;
        }
      }
      parts[best]++;
      remainders[best] = BigDecimal.valueOf(-1);
    }
    return parts;
  }

  /** The reward for a referred member's membership fee: the default rate of the fee, half up. */
  public static Share membershipShare(ReferralPolicy policy, long feeMinor) {
    int bps = policy.rateFor(null, null);
    return new Share(feeMinor, Money.share(feeMinor, bps), bps);
  }
}
