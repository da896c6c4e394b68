package org.ringplatform.store.order.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringplatform.ledger.Posting;

/**
 * Recipe 2 of the ledger: a paid order's total leaves payments_clearing in full, to the commission,
 * the referrer and the vendor, and the legs always balance.
 */
class AllocationTest {

  private static long debits(List<Posting> legs) {
    return legs.stream().filter(p -> p.side() == 'D').mapToLong(Posting::amountMinor).sum();
  }

  private static long credits(List<Posting> legs) {
    return legs.stream().filter(p -> p.side() == 'C').mapToLong(Posting::amountMinor).sum();
  }

  @Test
  void theTotalIsSplitIntoCommissionReferralAndVendor() {
    Allocation a = Allocation.of(15000, 2000, 500);
    assertEquals(12500, a.vendorMinor());
    List<Posting> legs = a.postings(7, "UAH");
    assertEquals(4, legs.size());
    assertEquals(15000, debits(legs));
    assertEquals(debits(legs), credits(legs));
    assertEquals("vendor_payable:7", legs.get(3).account().code());
  }

  @Test
  void partsOfZeroAreLeftOut() {
    List<Posting> legs = Allocation.of(1000, 0, 0).postings(7, "UAH");
    assertEquals(2, legs.size());
    assertEquals(debits(legs), credits(legs));
  }

  @Test
  void theReferralShareNeverTakesMoreThanTheCommissionLeaves() {
    Allocation a = Allocation.of(1000, 900, 500);
    assertEquals(900, a.commissionMinor());
    assertEquals(100, a.referralMinor());
    assertEquals(0, a.vendorMinor());
    List<Posting> legs = a.postings(1, "USD");
    assertEquals(debits(legs), credits(legs));
  }
}
