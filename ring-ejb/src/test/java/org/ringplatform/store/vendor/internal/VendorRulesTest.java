package org.ringplatform.store.vendor.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringplatform.platform.RingException;
import org.ringplatform.store.vendor.VendorDecision;
import org.ringplatform.store.vendor.VendorStatus;

/**
 * What a store's name, address and description may be (§8.2), a tier's bounds, the admin decisions'
 * table and the verified-entity gate on approval.
 */
class VendorRulesTest {

  private static String code(Runnable r) {
    return assertThrows(RingException.class, r::run).code();
  }

  @Test
  void aSlugIsThreeToFiftyLowerCaseLettersDigitsAndHyphens() {
    assertEquals("green-harvest-2", VendorRules.slug(" Green-Harvest-2 "));
    assertEquals("abc", VendorRules.slug("abc"));
    assertEquals("a".repeat(50), VendorRules.slug("a".repeat(50)));
    for (String bad :
        List.of("ab", "a".repeat(51), "green harvest", "green_harvest", "зелений", "")) {
      assertEquals("slug_invalid", code(() -> VendorRules.slug(bad)), bad);
    }
    assertEquals("slug_invalid", code(() -> VendorRules.slug(null)));
  }

  @Test
  void aNameHasThreeToAHundredCharactersAndADescriptionUnderFiveHundred() {
    assertEquals("Shop", VendorRules.name("  Shop "));
    assertEquals("name_invalid", code(() -> VendorRules.name("ab")));
    assertEquals("name_invalid", code(() -> VendorRules.name("x".repeat(101))));
    assertEquals("x".repeat(499), VendorRules.description("x".repeat(499)));
    assertEquals("description_invalid", code(() -> VendorRules.description("x".repeat(500))));
    assertEquals("description_invalid", code(() -> VendorRules.description("  ")));
  }

  @Test
  void aTierChargesZeroToTenThousandBpsAndHoldsUpToAYear() {
    assertDoesNotThrow(() -> VendorRules.tier(0, 0, null));
    assertDoesNotThrow(() -> VendorRules.tier(10_000, 365, 1));
    assertEquals("commissionBps_invalid", code(() -> VendorRules.tier(-1, 3, null)));
    assertEquals("commissionBps_invalid", code(() -> VendorRules.tier(10_001, 3, null)));
    assertEquals("settlementHoldDays_invalid", code(() -> VendorRules.tier(2000, 366, null)));
    assertEquals("maxProducts_invalid", code(() -> VendorRules.tier(2000, 3, 0)));
  }

  @Test
  void approvalWaitsForAVerifiedEntityOnlyWhenThePlatformAsksForIt() {
    assertDoesNotThrow(() -> VendorRules.requireVerifiedEntity(false, "none"));
    assertDoesNotThrow(() -> VendorRules.requireVerifiedEntity(true, "verified"));
    for (String status : List.of("none", "pending", "under_review", "rejected")) {
      RingException refused =
          assertThrows(RingException.class, () -> VendorRules.requireVerifiedEntity(true, status));
      assertEquals("entity_not_verified", refused.code());
      assertEquals(409, refused.kind().status());
    }
  }

  @Test
  void eachDecisionMovesFromOneStatusToAnother() {
    assertEquals(VendorStatus.PENDING, VendorDecision.APPROVE.from());
    assertEquals(VendorStatus.ACTIVE, VendorDecision.APPROVE.to());
    assertEquals(VendorStatus.REJECTED, VendorDecision.REJECT.to());
    assertEquals(VendorStatus.ACTIVE, VendorDecision.SUSPEND.from());
    assertEquals(VendorStatus.SUSPENDED, VendorDecision.SUSPEND.to());
    assertEquals(VendorStatus.SUSPENDED, VendorDecision.REINSTATE.from());
    assertEquals(VendorStatus.ACTIVE, VendorDecision.REINSTATE.to());
    assertTrue(VendorDecision.REJECT.noteRequired());
    assertTrue(VendorDecision.SUSPEND.noteRequired());
    assertFalse(VendorDecision.APPROVE.noteRequired());
    assertFalse(VendorDecision.REINSTATE.noteRequired());
    assertEquals(VendorDecision.SUSPEND, VendorDecision.fromId(" Suspend ").orElseThrow());
    assertTrue(VendorDecision.fromId("tier").isEmpty());
  }
}
