package org.ringplatform.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The referral rate of a line (§20.10): the product's override wins, then the vendor's (merchant)
 * rate, then the configured default; every rate is clamped to [0, max].
 */
class ReferralPolicyTest {

  @Test
  void theProductOverrideWins() {
    ReferralPolicy policy = new ReferralPolicy(500, 5000);
    assertEquals(1000, policy.rateFor(1000, 700));
    assertEquals(1000, policy.rateFor(1000));
  }

  @Test
  void withoutAProductRateTheVendorRateThenTheDefaultApply() {
    ReferralPolicy policy = new ReferralPolicy(500, 5000);
    assertEquals(700, policy.rateFor(null, 700));
    assertEquals(500, policy.rateFor(null, null));
    assertEquals(500, policy.rateFor(null));
  }

  @Test
  void everyRateIsClampedToTheConfiguredMaximumAndNeverBelowZero() {
    ReferralPolicy policy = new ReferralPolicy(500, 3000);
    assertEquals(3000, policy.rateFor(9900, null));
    assertEquals(0, policy.rateFor(-500, null));
    assertEquals(3000, policy.rateFor(4500, null));
    assertEquals(3000, policy.rateFor(null, 4500));
  }

  @Test
  void theDefaultItselfNeverExceedsTheMaximumAndTheMaximumNeverExceedsFiftyPercent() {
    assertEquals(3000, new ReferralPolicy(4000, 3000).defaultBps());
    assertEquals(5000, new ReferralPolicy(500, 9000).maxBps());
    assertEquals(0, new ReferralPolicy(-10, 5000).defaultBps());
  }

  @Test
  void configurationIsReadWithSafeFallbacks() {
    ReferralPolicy configured =
        ReferralPolicy.from(
            k ->
                Optional.ofNullable(
                    Map.of("ring.referrals.default-bps", " 700 ", "ring.referrals.max-bps", "3000")
                        .get(k)));
    assertEquals(new ReferralPolicy(700, 3000), configured);
    assertEquals(ReferralPolicy.defaults(), ReferralPolicy.from(k -> Optional.of("not a number")));
    assertEquals(ReferralPolicy.defaults(), ReferralPolicy.from(k -> Optional.empty()));
  }
}
