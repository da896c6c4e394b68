package org.ringplatform.payment;

import java.util.function.UnaryOperator;

/**
 * The gateways' callbacks (Stripe webhooks, WayForPay's serviceUrl). A delivery is verified on its
 * raw bytes before anything else; a verified event takes effect exactly once (deduplicated by
 * processor and event id in the transaction of its effect); every delivery, accepted or not, is
 * written to the webhook log in a transaction of its own.
 */
public interface PaymentWebhooks {

  /**
   * The answer the gateway gets on success.
   *
   * @param contentType its media type
   * @param body the body: WayForPay's signed {@code accept}, or Stripe's {@code received}
   */
  record Answer(String contentType, String body) {}

  /**
   * Handles one delivery.
   *
   * @param processor {@code stripe} or {@code wayforpay}
   * @param body the request body exactly as received
   * @param header the request's headers by (case-insensitive) name; null when absent
   * @throws org.ringplatform.platform.RingException INVALID ({@code signature_invalid}, {@code
   *     payload_invalid}) for a forged, stale or malformed delivery, which changes nothing;
   *     UNAVAILABLE ({@code processor_unavailable}) when the processor is not configured; NOT_FOUND
   *     for an unknown processor
   */
  Answer receive(String processor, byte[] body, UnaryOperator<String> header);
}
