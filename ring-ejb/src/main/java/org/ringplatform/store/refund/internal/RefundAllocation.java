package org.ringplatform.store.refund.internal;

import java.math.BigInteger;

/**
 * How a refund of part of an order splits into the order's parts (recipe 6 of docs/ledger.md): the
 * platform's commission, the referral share and the vendor's part, in proportion to the order.
 * Proportions are taken of the cumulative amount refunded (half up) and the earlier refunds' parts
 * are subtracted, so the parts of each refund add up to it exactly, none goes below zero or above
 * what is left of it, and the refunds of a whole order add up to its parts exactly.
 *
 * @param commission part taken back from the commission
 * @param referral part taken back from the referral share
 * @param vendor part taken back from the vendor
 */
record RefundAllocation(long commission, long referral, long vendor) {

  static final RefundAllocation NONE = new RefundAllocation(0, 0, 0);

  long total() {
    return commission + referral + vendor;
  }

  /**
   * The parts of a refund of {@code amount}.
   *
   * @param orderTotal the order's total
   * @param orderCommission its commission
   * @param orderReferral its referral share
   * @param prior the parts of the refunds made before
   * @param amount this refund, at most {@code orderTotal - prior.total()}
   */
  static RefundAllocation split(
      long orderTotal,
      long orderCommission,
      long orderReferral,
      RefundAllocation prior,
      long amount) {
    long orderVendor = orderTotal - orderCommission - orderReferral;
    if (amount <= 0 || orderVendor < 0 || amount > orderTotal - prior.total()) {
      throw new IllegalArgumentException("Cannot refund " + amount + " of " + orderTotal);
    }
    long after = prior.total() + amount;
    long commissionLeft = orderCommission - prior.commission;
    long referralLeft = orderReferral - prior.referral;
    long vendorLeft = orderVendor - prior.vendor;
    long c =
        clamp(proportion(orderCommission, after, orderTotal) - prior.commission, commissionLeft);
    long r = clamp(proportion(orderReferral, after, orderTotal) - prior.referral, referralLeft);
    long v = clamp(proportion(orderVendor, after, orderTotal) - prior.vendor, vendorLeft);
    // Rounding may leave the parts a unit or two off the amount: the difference goes to the parts
    // that still have room, the vendor's first, so that the parts add up to the amount exactly.
    long diff = amount - (c + r + v);
    if (diff > 0) {
      long add = Math.min(diff, vendorLeft - v);
      v += add;
      diff -= add;
      add = Math.min(diff, commissionLeft - c);
      c += add;
      diff -= add;
      r += diff;
    } else if (diff < 0) {
      long take = Math.min(-diff, v);
      v -= take;
      diff += take;
      take = Math.min(-diff, r);
      r -= take;
      diff += take;
      c += diff;
    }
    return new RefundAllocation(c, r, v);
  }

  /** {@code part * numerator / denominator}, rounded half up. */
  private static long proportion(long part, long numerator, long denominator) {
    BigInteger[] qr =
        BigInteger.valueOf(part)
            .multiply(BigInteger.valueOf(numerator))
            .divideAndRemainder(BigInteger.valueOf(denominator));
    long q = qr[0].longValueExact();
    return qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(denominator)) >= 0 ? q + 1 : q;
  }

  private static long clamp(long value, long max) {
    return Math.max(0, Math.min(value, max));
  }
}
