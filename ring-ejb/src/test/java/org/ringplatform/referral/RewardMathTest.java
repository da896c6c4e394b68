package org.ringplatform.referral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Referral amounts (§20.10) in minor units: per-line shares at each line's rate, rounded half up
 * and summed; nothing without a referral code; the effective rate is the weighted average; a
 * membership reward is the default rate of the fee; a rejected reward splits back exactly.
 */
class RewardMathTest {

  private static final ReferralPolicy POLICY = new ReferralPolicy(500, 5000);

  @Test
  void twoHundredUnitLinesAtTenAndTheDefaultFivePercentEarnFifteenAtSevenAndAHalf() {
    RewardMath.Share share =
        RewardMath.orderShare(
            POLICY,
            true,
            List.of(
                new RewardMath.Line(10_000, 1000, null), new RewardMath.Line(10_000, null, null)));
    assertEquals(1_500, share.amountMinor());
    assertEquals(20_000, share.baseMinor());
    assertEquals(750, share.effectiveBps());
  }

  @Test
  void anOrderWithoutAReferralCodeEarnsNothing() {
    RewardMath.Share share =
        RewardMath.orderShare(POLICY, false, List.of(new RewardMath.Line(10_000, 1000, null)));
    assertEquals(0, share.amountMinor());
    assertEquals(0, share.effectiveBps());
    assertEquals(10_000, share.baseMinor());
  }

  @Test
  void theMerchantRateAppliesWhenTheProductHasNone() {
    RewardMath.Share share =
        RewardMath.orderShare(POLICY, true, List.of(new RewardMath.Line(10_000, null, 700)));
    assertEquals(700, share.amountMinor());
    assertEquals(700, share.effectiveBps());
  }

  @Test
  void clampedRatesLimitTheAmount() {
    ReferralPolicy max30 = new ReferralPolicy(500, 3000);
    RewardMath.Share share =
        RewardMath.orderShare(
            max30,
            true,
            List.of(
                new RewardMath.Line(10_000, 9900, null), new RewardMath.Line(10_000, -500, null)));
    assertEquals(3_000, share.amountMinor());
    assertEquals(1500, share.effectiveBps());
  }

  @Test
  void eachLineIsRoundedHalfUpBeforeTheSum() {
    // 5 % of 1.01 is 0.0505 -> 0.05 per line; of 0.10 it is 0.005 -> 0.01.
    RewardMath.Share share =
        RewardMath.orderShare(
            POLICY,
            true,
            List.of(new RewardMath.Line(101, null, null), new RewardMath.Line(10, null, null)));
    assertEquals(5 + 1, share.amountMinor());
  }

  @Test
  void anEmptyOrderHasNoRate() {
    assertEquals(0, RewardMath.effectiveBps(0, 0));
    assertEquals(0, RewardMath.orderShare(POLICY, true, List.of()).amountMinor());
  }

  @Test
  void aMembershipRewardIsTheDefaultRateOfTheFee() {
    RewardMath.Share share = RewardMath.membershipShare(POLICY, 10_000);
    assertEquals(500, share.amountMinor());
    assertEquals(500, share.effectiveBps());
    assertEquals(3, RewardMath.membershipShare(POLICY, 50).amountMinor(), "2.5 rounds half up");
  }

  @Test
  void aRejectedRewardSplitsBackInProportionAndAddsUpExactly() {
    assertArrayEquals(new long[] {1000, 500}, RewardMath.split(1500, new long[] {1000, 500}));
    long[] thirds = RewardMath.split(100, new long[] {1, 1, 1});
    assertEquals(100, thirds[0] + thirds[1] + thirds[2]);
    assertArrayEquals(new long[] {34, 33, 33}, thirds);
    assertArrayEquals(new long[] {5, 5}, RewardMath.split(10, new long[] {0, 0}));
    assertArrayEquals(new long[] {}, RewardMath.split(10, new long[] {}));
  }
}
