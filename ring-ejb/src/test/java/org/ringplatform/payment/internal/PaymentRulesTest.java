package org.ringplatform.payment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.platform.RingException;

/**
 * The conductor's rules that need no server: processor routing, the availability of a processor
 * whose settings are missing, and the monotonic status machine.
 */
class PaymentRulesTest {

  private static Function<String, Optional<String>> config(String... pairs) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return k -> Optional.ofNullable(m.get(k));
  }

  @Test
  void cardRoutingPrefersTheRequestThenThePurposeThenTheDefaultThenWayForPay() {
    var none = config();
    assertEquals(
        "wayforpay",
        PaymentRouting.processor(PaymentPurpose.STORE_ORDER, PaymentRail.CARD, null, none));
    var withDefault = config("ring.payments.default-processor", "stripe");
    assertEquals(
        "stripe",
        PaymentRouting.processor(PaymentPurpose.STORE_ORDER, PaymentRail.CARD, null, withDefault));
    var perPurpose =
        config(
            "ring.payments.default-processor", "stripe",
            "ring.payments.membership.processor", "WayForPay");
    assertEquals(
        "wayforpay",
        PaymentRouting.processor(PaymentPurpose.MEMBERSHIP, PaymentRail.CARD, null, perPurpose));
    assertEquals(
        "stripe",
        PaymentRouting.processor(PaymentPurpose.STORE_ORDER, PaymentRail.CARD, null, perPurpose));
    assertEquals(
        "stripe",
        PaymentRouting.processor(
            PaymentPurpose.MEMBERSHIP, PaymentRail.CARD, "stripe", perPurpose));
  }

  @Test
  void theCreditsRailIsAlwaysInternal() {
    assertEquals(
        "credits",
        PaymentRouting.processor(
            PaymentPurpose.STORE_ORDER,
            PaymentRail.CREDITS,
            null,
            config("ring.payments.default-processor", "stripe")));
    RingException e =
        assertThrows(
            RingException.class,
            () ->
                PaymentRouting.processor(
                    PaymentPurpose.STORE_ORDER, PaymentRail.CREDITS, "stripe", config()));
    assertEquals("processor_unknown", e.code());
  }

  @Test
  void anUnknownProcessorIsRefused() {
    RingException e =
        assertThrows(
            RingException.class,
            () ->
                PaymentRouting.processor(
                    PaymentPurpose.WALLET_TOPUP, PaymentRail.CARD, "paypal", config()));
    assertEquals(RingException.Kind.INVALID, e.kind());
  }

  @Test
  void aProcessorWhoseSettingsAreMissingAnswers503ProcessorUnavailable() {
    PaymentSettings settings =
        PaymentSettings.of(
            new PaymentSettings.WayForPay(
                "merchant", null, "ring.test", "https://pay", "https://api", "UA", 86400),
            new PaymentSettings.Stripe("https://api.stripe.com", "sk_test", List.of(), 300));
    assertFalse(settings.configured("wayforpay"), "no secret key");
    assertFalse(settings.configured("stripe"), "no webhook secret");
    assertTrue(settings.configured("credits"));
    RingException e =
        assertThrows(RingException.class, () -> settings.requireConfigured("wayforpay"));
    assertEquals(503, e.kind().status());
    assertEquals("processor_unavailable", e.code());
    PaymentSettings complete =
        PaymentSettings.of(
            new PaymentSettings.WayForPay(
                "merchant", "secret", "ring.test", "https://pay", "https://api", "UA", 86400),
            new PaymentSettings.Stripe(
                "https://api.stripe.com", "sk_test", List.of("whsec_1"), 300));
    complete.requireConfigured("wayforpay");
    complete.requireConfigured("stripe");
  }

  @Test
  void settingsNeverPrintTheirSecrets() {
    var w =
        new PaymentSettings.WayForPay(
            "merchant", "top-secret", "ring.test", "https://pay", "https://api", "UA", 86400);
    var s = new PaymentSettings.Stripe("https://api", "sk_live_secret", List.of("whsec_x"), 300);
    assertFalse(w.toString().contains("top-secret"));
    assertFalse(s.toString().contains("sk_live_secret"));
    assertFalse(s.toString().contains("whsec_x"));
  }

  @Test
  void openPaymentsOnlyMoveForward() {
    assertTrue(PaymentStates.moves("created", GatewayEvent.Kind.PENDING));
    assertTrue(PaymentStates.moves("pending", GatewayEvent.Kind.PROCESSING));
    assertFalse(PaymentStates.moves("processing", GatewayEvent.Kind.PENDING));
    assertFalse(PaymentStates.moves("pending", GatewayEvent.Kind.PENDING));
  }

  @Test
  void aDeclineAfterPaymentIsIgnoredButPaymentAfterADeclineCounts() {
    assertFalse(PaymentStates.moves("paid", GatewayEvent.Kind.FAILED));
    assertFalse(PaymentStates.moves("paid", GatewayEvent.Kind.CANCELLED));
    assertFalse(PaymentStates.moves("paid", GatewayEvent.Kind.PAID), "no second effect");
    assertTrue(PaymentStates.moves("failed", GatewayEvent.Kind.PAID));
    assertTrue(PaymentStates.moves("cancelled", GatewayEvent.Kind.PAID));
    assertFalse(PaymentStates.moves("failed", GatewayEvent.Kind.CANCELLED));
    assertFalse(PaymentStates.moves("refunded", GatewayEvent.Kind.PAID));
  }
}
