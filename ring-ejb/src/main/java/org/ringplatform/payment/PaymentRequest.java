package org.ringplatform.payment;

import java.util.List;
import org.ringplatform.ledger.Money;

/**
 * A request to collect money for a purpose. The amount is computed by the caller on the server
 * (from the catalogue, the membership price list), never taken from the client.
 *
 * @param purpose what it pays for
 * @param subjectId the checkout, subscription or user it pays for
 * @param userId who pays
 * @param amount how much
 * @param rail card or credits
 * @param processor {@code wayforpay} or {@code stripe} for cards, null for the configured default
 * @param description one line shown at the gateway
 * @param lines what is bought, for gateways that list products (WayForPay)
 * @param returnUrl where the gateway sends the buyer back
 * @param clientKey the client's idempotency key, or null: a retry with the same key returns the
 *     first attempt
 */
public record PaymentRequest(
    PaymentPurpose purpose,
    long subjectId,
    long userId,
    Money amount,
    PaymentRail rail,
    String processor,
    String description,
    List<Line> lines,
    String returnUrl,
    String clientKey) {

  /**
   * One product line.
   *
   * @param name product name
   * @param count quantity
   * @param unitMinor unit price in minor units of the request's currency
   */
  public record Line(String name, int count, long unitMinor) {}

  public PaymentRequest {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
