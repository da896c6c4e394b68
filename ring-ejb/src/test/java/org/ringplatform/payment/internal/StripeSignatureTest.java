package org.ringplatform.payment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Stripe-Signature check against the Standard Webhooks six-case vector (valid, several
 * signatures one valid, tampered body, wrong secret, old timestamp, missing header) plus a
 * timestamp from the future, a downgrade to v0 and a malformed header. Expected MACs were computed
 * with Python's hmac module:
 *
 * <pre>
 * body = '{"id":"evt_1","type":"checkout.session.completed"}'
 * hmac.new(b'whsec_test_secret', ('1700000000.' + body).encode(), hashlib.sha256).hexdigest()
 *   # a13d4b1f9003bc2fb6c06224e878b6056185eaa50d40e1e7dc05517f8af41d7b
 * hmac.new(b'whsec_other_secret', ('1700000000.' + body).encode(), hashlib.sha256).hexdigest()
 *   # ed745cbd94e4796e1ca7276b1cbe8491aa68efb665527e282b0076b5e4f149a1
 * </pre>
 */
class StripeSignatureTest {

  private static final byte[] BODY =
      "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}".getBytes(StandardCharsets.UTF_8);
  private static final String SECRET = "whsec_test_secret";
  private static final String GOOD =
      "a13d4b1f9003bc2fb6c06224e878b6056185eaa50d40e1e7dc05517f8af41d7b";
  private static final String OTHER =
      "ed745cbd94e4796e1ca7276b1cbe8491aa68efb665527e282b0076b5e4f149a1";
  private static final long T = 1_700_000_000L;

  private static StripeSignature.Result check(String header, byte[] body, long now) {
    return StripeSignature.verify(header, body, List.of(SECRET), now, 300);
  }

  @Test
  void aValidSignatureIsAccepted() {
    assertEquals(StripeSignature.Result.VALID, check("t=" + T + ",v1=" + GOOD, BODY, T + 10));
  }

  @Test
  void severalSignaturesAreAcceptedWhenOneMatches() {
    assertEquals(
        StripeSignature.Result.VALID, check("t=" + T + ",v1=" + OTHER + ",v1=" + GOOD, BODY, T));
  }

  @Test
  void aBodyChangedByOneByteIsRefused() {
    byte[] tampered = BODY.clone();
    tampered[tampered.length - 2] ^= 1;
    assertEquals(StripeSignature.Result.MISMATCH, check("t=" + T + ",v1=" + GOOD, tampered, T));
  }

  @Test
  void aSignatureMadeWithAnotherSecretIsRefused() {
    assertEquals(StripeSignature.Result.MISMATCH, check("t=" + T + ",v1=" + OTHER, BODY, T));
  }

  @Test
  void aTimestampOlderThanTheToleranceIsRefused() {
    assertEquals(StripeSignature.Result.TOO_OLD, check("t=" + T + ",v1=" + GOOD, BODY, T + 301));
    assertEquals(StripeSignature.Result.VALID, check("t=" + T + ",v1=" + GOOD, BODY, T + 300));
  }

  @Test
  void aTimestampFromTheFutureBeyondTheToleranceIsRefused() {
    assertEquals(StripeSignature.Result.TOO_NEW, check("t=" + T + ",v1=" + GOOD, BODY, T - 301));
    assertEquals(StripeSignature.Result.VALID, check("t=" + T + ",v1=" + GOOD, BODY, T - 300));
  }

  @Test
  void aMissingHeaderIsRefused() {
    assertEquals(StripeSignature.Result.MISSING_HEADER, check(null, BODY, T));
    assertEquals(StripeSignature.Result.MISSING_HEADER, check(" ", BODY, T));
  }

  @Test
  void v0AndUnknownSchemesAreIgnoredSoADowngradeFails() {
    assertEquals(StripeSignature.Result.NO_SIGNATURE, check("t=" + T + ",v0=" + GOOD, BODY, T));
    assertEquals(
        StripeSignature.Result.VALID, check("t=" + T + ",v0=deadbeef,v9=x,v1=" + GOOD, BODY, T));
  }

  @Test
  void aMalformedHeaderIsRefused() {
    assertEquals(StripeSignature.Result.MALFORMED_HEADER, check("v1=" + GOOD, BODY, T));
    assertEquals(StripeSignature.Result.MALFORMED_HEADER, check("t=soon,v1=" + GOOD, BODY, T));
    assertEquals(StripeSignature.Result.MISMATCH, check("t=" + T + ",v1=not-hex", BODY, T));
  }

  @Test
  void aRolledSecretStillAcceptsTheOldOneDuringTheWindow() {
    assertEquals(
        StripeSignature.Result.VALID,
        StripeSignature.verify(
            "t=" + T + ",v1=" + OTHER, BODY, List.of(SECRET, "whsec_other_secret"), T, 300));
  }

  @Test
  void theHeaderToolSignsLikeStripe() {
    assertEquals("t=" + T + ",v1=" + GOOD, StripeSignature.header(SECRET, T, BODY));
  }
}
