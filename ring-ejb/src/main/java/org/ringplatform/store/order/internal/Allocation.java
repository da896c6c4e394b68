package org.ringplatform.store.order.internal;

import java.util.ArrayList;
import java.util.List;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Posting;

/**
 * How the money of one paid vendor order is allocated out of {@code payments_clearing} (ledger
 * recipe 2): the platform's frozen commission, the referrer's share when the order was attributed,
 * and the rest (including shipping) to the vendor. The parts always add up to the total: the
 * commission is capped at the total and the referral share at what the commission leaves.
 *
 * @param totalMinor the order's total
 * @param commissionMinor to {@code platform_commission}
 * @param referralMinor to {@code referral_payable}
 * @param vendorMinor to {@code vendor_payable:<vendor>}
 */
record Allocation(long totalMinor, long commissionMinor, long referralMinor, long vendorMinor) {

  static Allocation of(long totalMinor, long commissionMinor, long referralMinor) {
    long commission = Math.max(0, Math.min(commissionMinor, totalMinor));
    long referral = Math.max(0, Math.min(referralMinor, totalMinor - commission));
    return new Allocation(totalMinor, commission, referral, totalMinor - commission - referral);
  }

  /** The entry's legs; parts of zero are left out (a posting moves a positive amount). */
  List<Posting> postings(long vendorId, String currency) {
    List<Posting> legs = new ArrayList<>();
    legs.add(Posting.debit(Account.paymentsClearing(currency), totalMinor));
    if (commissionMinor > 0) {
      legs.add(Posting.credit(Account.platformCommission(currency), commissionMinor));
    }
    if (referralMinor > 0) {
      legs.add(Posting.credit(Account.referralPayable(currency), referralMinor));
    }
    if (vendorMinor > 0) {
      legs.add(Posting.credit(Account.vendorPayable(vendorId, currency), vendorMinor));
    }
    return legs;
  }
}
