package org.ringplatform.payment.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a {@code Stripe-Signature} header ({@code t=<unix seconds>,v1=<hex>,...}) on the raw
 * request body: a {@code v1} must equal hex HMAC-SHA256(secret, {@code "<t>.<body>"}) for one of
 * the configured endpoint secrets (several while a secret is rolled), compared in constant time;
 * several {@code v1} entries are allowed and any may match; {@code v0} and unknown schemes are
 * ignored, so a downgrade gets nowhere. The timestamp must lie within the tolerance in the past
 * <em>and</em> in the future, so an old delivery cannot be replayed and a forged clock buys no
 * extra life.
 */
final class StripeSignature {

  /** What the check found. */
  enum Result {
    VALID,
    MISSING_HEADER,
    MALFORMED_HEADER,
    NO_SIGNATURE,
    MISMATCH,
    TOO_OLD,
    TOO_NEW;

    boolean valid() {
      return this == VALID;
    }
  }

  private StripeSignature() {}

  /**
   * Checks a delivery.
   *
   * @param header the {@code Stripe-Signature} header, or null
   * @param body the raw body bytes
   * @param secrets the endpoint secrets ({@code whsec_...}) that are valid now
   * @param nowSeconds the current Unix time
   * @param toleranceSeconds how far {@code t} may be from now, either way
   */
  static Result verify(
      String header, byte[] body, List<String> secrets, long nowSeconds, long toleranceSeconds) {
    if (header == null || header.isBlank()) {
      return Result.MISSING_HEADER;
    }
    Long timestamp = null;
    List<String> signatures = new ArrayList<>();
    for (String item : header.split(",")) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        return Result.MALFORMED_HEADER;
      }
      String key = item.substring(0, eq).strip();
      String value = item.substring(eq + 1).strip();
      if (key.equals("t")) {
        if (timestamp != null) {
          return Result.MALFORMED_HEADER;
        }
        try {
          timestamp = Long.parseLong(value);
        } catch (NumberFormatException e) {
          return Result.MALFORMED_HEADER;
        }
      } else if (key.equals("v1")) {
        signatures.add(value);
      }
      // v0 and unknown schemes are ignored on purpose.
    }
    if (timestamp == null) {
      return Result.MALFORMED_HEADER;
    }
    if (signatures.isEmpty()) {
      return Result.NO_SIGNATURE;
    }
    byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    boolean matched = false;
    for (String secret : secrets) {
      byte[] expected = GatewayCrypto.hmacSha256(secret, prefix, body);
      for (String candidate : signatures) {
        // No early exit: every candidate is compared, so timing says nothing about which one.
        matched |= GatewayCrypto.sameMac(expected, candidate);
      }
    }
    if (!matched) {
      return Result.MISMATCH;
    }
    if (timestamp < nowSeconds - toleranceSeconds) {
      return Result.TOO_OLD;
    }
    if (timestamp > nowSeconds + toleranceSeconds) {
      return Result.TOO_NEW;
    }
    return Result.VALID;
  }

  /** A header for {@code body} signed with {@code secret} at {@code timestamp} (for tools). */
  static String header(String secret, long timestamp, byte[] body) {
    byte[] mac =
        GatewayCrypto.hmacSha256(
            secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
    return "t=" + timestamp + ",v1=" + GatewayCrypto.hex(mac);
  }
}
