package org.ringplatform.referral;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The shape of referral codes (§11.1): a random code is 8 characters from a cryptographically
 * strong generator over an alphabet without the look-alikes 0, 1, I, O and l; a username tag is the
 * account's username, lower-cased.
 */
public final class ReferralCodes {

  /** The characters of a random code. */
  public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  /** Length of a random code. */
  public static final int LENGTH = 8;

  /** How many random codes are tried before giving up on finding an unused one. */
  public static final int ATTEMPTS = 12;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ReferralCodes() {}

  /** A new random code. */
  public static String random() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /**
   * The tag of a username (3 to 32 of {@code [A-Za-z0-9_-]}, a leading {@code @} dropped), or empty
   * when it is not a valid username.
   */
  public static Optional<String> usernameTag(String username) {
    if (username == null) {
      return Optional.empty();
    }
    String u = username.strip();
    if (u.startsWith("@")) {
      u = u.substring(1);
    }
    return u.matches("[A-Za-z0-9_-]{3,32}")
        ? Optional.of(u.toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  /**
   * Whether {@code code} could name a code at all (3 to 40 visible characters), before a lookup.
   */
  public static boolean plausible(String code) {
    return code != null && code.matches("@?[A-Za-z0-9_-]{3,40}");
  }

  /**
   * The share link of {@code code} on the site at {@code publicUrl}: its home page with the code.
   */
  public static String shareUrl(String publicUrl, String code) {
    return publicUrl.replaceAll("/+$", "") + "/?" + Referrals.PARAMETER + "=" + code;
  }
}
