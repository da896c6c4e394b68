package org.ringplatform.store.refund.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A refund's parts (commission, referral share, vendor) are in proportion to the order, never
 * negative or above what is left of a part, add up to the refund exactly, and the refunds of a
 * whole order add up to the order's parts exactly, however it was cut into partial refunds.
 */
class RefundAllocationTest {

  @Test
  void aFullRefundReversesExactlyTheOrdersParts() {
    RefundAllocation parts =
        RefundAllocation.split(10_000, 2_000, 500, RefundAllocation.NONE, 10_000);
    assertEquals(new RefundAllocation(2_000, 500, 7_500), parts);
  }

  @Test
  void aPartialRefundSplitsInProportionRoundedHalfUp() {
    // 33.33 of an order of 100.00 with 20 % commission and a 5 % referral share.
    RefundAllocation parts =
        RefundAllocation.split(10_000, 2_000, 500, RefundAllocation.NONE, 3_333);
    assertEquals(667, parts.commission());
    assertEquals(167, parts.referral());
    assertEquals(3_333, parts.total());
    assertEquals(2_499, parts.vendor());
  }

  @Test
  void partialRefundsOfAWholeOrderAddUpToItsPartsExactly() {
    RefundAllocation first = RefundAllocation.split(1_001, 200, 51, RefundAllocation.NONE, 333);
    RefundAllocation afterFirst = first;
    RefundAllocation second = RefundAllocation.split(1_001, 200, 51, afterFirst, 333);
    RefundAllocation afterSecond = plus(afterFirst, second);
    RefundAllocation third = RefundAllocation.split(1_001, 200, 51, afterSecond, 335);
    RefundAllocation all = plus(afterSecond, third);
    assertEquals(new RefundAllocation(200, 51, 750), all);
    for (RefundAllocation p : new RefundAllocation[] {first, second, third}) {
      assertTrue(p.commission() >= 0 && p.referral() >= 0 && p.vendor() >= 0, p.toString());
    }
  }

  @Test
  void anOrderWithNothingForTheVendorNeverTakesAnythingFromIt() {
    RefundAllocation prior = RefundAllocation.NONE;
    for (int i = 0; i < 7; i++) {
      RefundAllocation p = RefundAllocation.split(7, 3, 4, prior, 1);
      assertEquals(0, p.vendor(), "refund " + i + ": " + p);
      assertEquals(1, p.total());
      prior = plus(prior, p);
    }
    assertEquals(new RefundAllocation(3, 4, 0), prior);
  }

  @Test
  void randomSequencesOfPartialRefundsAlwaysAddUp() {
    SplittableRandom random = new SplittableRandom(42);
    for (int order = 0; order < 10_000; order++) {
      long total = 1 + random.nextLong(1_000_000);
      long commission = random.nextLong(total + 1);
      long referral = random.nextLong(total - commission + 1);
      RefundAllocation prior = RefundAllocation.NONE;
      long left = total;
      while (left > 0) {
        long amount = random.nextInt(4) == 0 ? left : 1 + random.nextLong(left);
        RefundAllocation p = RefundAllocation.split(total, commission, referral, prior, amount);
        assertEquals(amount, p.total(), p.toString());
        assertTrue(p.commission() >= 0 && p.referral() >= 0 && p.vendor() >= 0, p.toString());
        prior = plus(prior, p);
        assertTrue(prior.commission() <= commission && prior.referral() <= referral);
        left -= amount;
      }
      assertEquals(
          new RefundAllocation(commission, referral, total - commission - referral), prior);
    }
  }

  @Test
  void moreThanIsLeftIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RefundAllocation.split(100, 20, 0, new RefundAllocation(10, 0, 40), 51));
    assertThrows(
        IllegalArgumentException.class,
        () -> RefundAllocation.split(100, 20, 0, RefundAllocation.NONE, 0));
  }

  private static RefundAllocation plus(RefundAllocation a, RefundAllocation b) {
    return new RefundAllocation(
        a.commission() + b.commission(), a.referral() + b.referral(), a.vendor() + b.vendor());
  }
}
