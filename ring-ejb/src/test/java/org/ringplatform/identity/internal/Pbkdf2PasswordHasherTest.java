package org.ringplatform.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Password hashes are salted PBKDF2-HMAC-SHA256 at the OWASP iteration count. */
class Pbkdf2PasswordHasherTest {

  private final Pbkdf2PasswordHasher cheap = new Pbkdf2PasswordHasher(1_000);

  @Test
  void productionHashesUseAtLeast600000Iterations() {
    String hash = new Pbkdf2PasswordHasher().hash("correct horse".toCharArray());
    String[] parts = hash.split(":");
    assertEquals("PBKDF2WithHmacSHA256", parts[0]);
    assertTrue(Integer.parseInt(parts[1]) >= 600_000);
  }

  @Test
  void theRightPasswordVerifiesAndAWrongOneDoesNot() {
    String hash = cheap.hash("correct horse".toCharArray());
    assertTrue(cheap.verify("correct horse".toCharArray(), hash));
    assertFalse(cheap.verify("correct horsf".toCharArray(), hash));
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertNotEquals(cheap.hash("secret-1".toCharArray()), cheap.hash("secret-1".toCharArray()));
  }

  @Test
  void malformedStoredValuesNeverVerify() {
    assertFalse(cheap.verify("x".toCharArray(), null));
    assertFalse(cheap.verify("x".toCharArray(), "plain"));
    assertFalse(cheap.verify("x".toCharArray(), "PBKDF2WithHmacSHA256:abc:AAAA:AAAA"));
    assertFalse(cheap.verify("x".toCharArray(), "MD5:1000:AAAA:AAAA"));
  }

  @Test
  void hashesWithFewerIterationsNeedARehash() {
    String weak = cheap.hash("pw-12345".toCharArray());
    assertTrue(new Pbkdf2PasswordHasher().needsRehash(weak));
    assertFalse(cheap.needsRehash(weak));
  }
}
