package org.ringplatform.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Referral codes (§11.1): 8 random characters without look-alikes, username tags lower-cased, and
 * only plausible codes ever reach the database.
 */
class ReferralCodesTest {

  @Test
  void aRandomCodeHasEightCharactersOfTheAlphabetWithoutLookAlikes() {
    for (int i = 0; i < 1000; i++) {
      String code = ReferralCodes.random();
      assertEquals(8, code.length());
      for (char c : code.toCharArray()) {
        assertTrue(ReferralCodes.ALPHABET.indexOf(c) >= 0, code);
      }
    }
    for (char lookAlike : "01IOl".toCharArray()) {
      assertFalse(ReferralCodes.ALPHABET.indexOf(lookAlike) >= 0, String.valueOf(lookAlike));
    }
  }

  @Test
  void randomCodesDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(seen.add(ReferralCodes.random()));
    }
  }

  @Test
  void aUsernameTagIsTheLowerCasedUsername() {
    assertEquals(Optional.of("olena_k"), ReferralCodes.usernameTag("@Olena_K"));
    assertEquals(Optional.empty(), ReferralCodes.usernameTag("ab"));
    assertEquals(Optional.empty(), ReferralCodes.usernameTag("has space"));
    assertEquals(Optional.empty(), ReferralCodes.usernameTag(null));
  }

  @Test
  void onlyPlausibleCodesAreLookedUp() {
    assertTrue(ReferralCodes.plausible("Ab3dEf7h"));
    assertTrue(ReferralCodes.plausible("@olena"));
    assertFalse(ReferralCodes.plausible("ab"));
    assertFalse(ReferralCodes.plausible("x'; drop table"));
    assertFalse(ReferralCodes.plausible(null));
  }

  @Test
  void aShareLinkIsTheHomePageWithTheCode() {
    assertEquals(
        "https://ring.example/?ref=Ab3dEf7h",
        ReferralCodes.shareUrl("https://ring.example/", "Ab3dEf7h"));
  }
}
