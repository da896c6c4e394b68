package org.ringplatform.payment.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MACs and digests the gateways use, and the constant-time comparison every signature check
 * goes through. HMAC-MD5 is here only because WayForPay signs with it (a documented, isolated
 * exception to "no MD5", see docs/payments.md); nothing else in Ring uses it.
 */
final class GatewayCrypto {

  private static final HexFormat HEX = HexFormat.of();

  private GatewayCrypto() {}

  static byte[] hmac(String algorithm, String secret, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  /** Hex HMAC-MD5 of the UTF-8 bytes of {@code message} (WayForPay). */
  static String hmacMd5Hex(String secret, String message) {
    return HEX.formatHex(hmac("HmacMD5", secret, message.getBytes(StandardCharsets.UTF_8)));
  }

  /** HMAC-SHA256 over the concatenation of {@code parts} (Stripe). */
  static byte[] hmacSha256(String secret, byte[]... parts) {
    return hmac("HmacSHA256", secret, parts);
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** The bytes of a hex string (either case), or null when it is not hex. */
  static byte[] unhex(String hex) {
    if (hex == null || hex.length() % 2 != 0) {
      return null;
    }
    try {
      return HEX.parseHex(hex);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Whether a received hex signature equals the expected MAC, in time that does not depend on where
   * they differ.
   */
  static boolean sameMac(byte[] expected, String receivedHex) {
    byte[] received = unhex(receivedHex == null ? null : receivedHex.strip());
    return received != null && MessageDigest.isEqual(expected, received);
  }
}
