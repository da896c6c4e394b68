package org.ringplatform.referral.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The share-link filter finds {@code ref} in the query string alone, decoded, and nothing else. */
class ReferralCookieFilterTest {

  @Test
  void theRefParameterIsFoundAmongOthersAndDecoded() {
    assertEquals("Ab3dEf7h", ReferralCookieFilter.refOf("ref=Ab3dEf7h"));
    assertEquals("Ab3dEf7h", ReferralCookieFilter.refOf("q=x&ref=Ab3dEf7h&page=2"));
    assertEquals("@olena", ReferralCookieFilter.refOf("ref=%40olena"));
  }

  @Test
  void otherParametersAndMalformedValuesAreNotARef() {
    assertNull(ReferralCookieFilter.refOf(null));
    assertNull(ReferralCookieFilter.refOf(""));
    assertNull(ReferralCookieFilter.refOf("xref=Ab3dEf7h"));
    assertNull(ReferralCookieFilter.refOf("ref"));
    assertNull(ReferralCookieFilter.refOf("ref=%zz"));
  }
}
