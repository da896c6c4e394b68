package org.ringplatform.identity;

/**
 * Hashes and verifies passwords. The stored form names its algorithm and parameters, so the work
 * factor can be raised later without breaking existing hashes.
 */
public interface PasswordHasher {

  /** A new salted hash of {@code password}. */
  String hash(char[] password);

  /** True when {@code password} matches {@code stored}; false for a malformed stored value. */
  boolean verify(char[] password, String stored);

  /** True when {@code stored} was made with weaker parameters than the current ones. */
  boolean needsRehash(String stored);
}
