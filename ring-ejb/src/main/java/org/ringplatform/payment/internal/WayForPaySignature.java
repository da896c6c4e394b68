package org.ringplatform.payment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ringplatform.ledger.Money;

/**
 * WayForPay's signatures (§9.3, trust checklist C3): hex HMAC-MD5 with the merchant's secret key
 * over {@code ;}-joined UTF-8 fields, in the documented order for each message. Amounts are signed
 * exactly as they are sent: Ring sends {@link #amount} (PHP's float form, {@code 100} not {@code
 * 100.00}) and verifies received fields as received, never re-formatted.
 */
final class WayForPaySignature {

  /** The fields of a callback (and a CHECK_STATUS answer) that its signature covers, in order. */
  static final List<String> CALLBACK_FIELDS =
      List.of(
          "merchantAccount",
          "orderReference",
          "amount",
          "currency",
          "authCode",
          "cardPan",
          "transactionStatus",
          "reasonCode");

  /** The fields of a REFUND answer that its signature covers, in order. */
  static final List<String> REFUND_ANSWER_FIELDS =
      List.of("merchantAccount", "orderReference", "transactionStatus", "reasonCode");

  private WayForPaySignature() {}

  /**
   * One product of a purchase, its count and unit price already formatted as sent.
   *
   * @param name product name
   * @param count quantity
   * @param price unit price as sent
   */
  record Product(String name, String count, String price) {}

  /**
   * The purchase form's {@code merchantSignature}: merchantAccount; merchantDomainName;
   * orderReference; orderDate; amount; currency; then all product names, then all counts, then all
   * prices.
   */
  static String purchase(
      String secret,
      String merchantAccount,
      String merchantDomainName,
      String orderReference,
      String orderDate,
      String amount,
      String currency,
      List<Product> products) {
    List<String> parts = new ArrayList<>();
    parts.add(merchantAccount);
    parts.add(merchantDomainName);
    parts.add(orderReference);
    parts.add(orderDate);
    parts.add(amount);
    parts.add(currency);
    products.forEach(p -> parts.add(p.name()));
    products.forEach(p -> parts.add(p.count()));
    products.forEach(p -> parts.add(p.price()));
    return sign(secret, parts);
  }

  /** The signature a callback or CHECK_STATUS answer should carry, over its fields as received. */
  static String callback(String secret, Map<String, Object> fields) {
    return sign(secret, received(fields, CALLBACK_FIELDS));
  }

  /** The signature a REFUND answer should carry, over its fields as received. */
  static String refundAnswer(String secret, Map<String, Object> fields) {
    return sign(secret, received(fields, REFUND_ANSWER_FIELDS));
  }

  /** Our answer to a callback: orderReference;accept;time. */
  static String accept(String secret, String orderReference, long time) {
    return sign(secret, List.of(orderReference, "accept", Long.toString(time)));
  }

  /** A CHECK_STATUS request: merchantAccount;orderReference. */
  static String checkStatus(String secret, String merchantAccount, String orderReference) {
    return sign(secret, List.of(merchantAccount, orderReference));
  }

  /** A REFUND request: merchantAccount;orderReference;amount;currency. */
  static String refund(
      String secret,
      String merchantAccount,
      String orderReference,
      String amount,
      String currency) {
    return sign(secret, List.of(merchantAccount, orderReference, amount, currency));
  }

  /**
   * Whether {@code fields} carry a valid {@code merchantSignature} over {@code covered}, compared
   * in constant time.
   */
  static boolean verify(String secret, Map<String, Object> fields, List<String> covered) {
    byte[] expected =
        GatewayCrypto.hmac(
            "HmacMD5",
            secret,
            String.join(";", received(fields, covered))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return GatewayCrypto.sameMac(expected, GatewayJson.text(fields, "merchantSignature"));
  }

  /** The signed string of a callback, for deriving a stable event id. */
  static String callbackString(Map<String, Object> fields) {
    return String.join(";", received(fields, CALLBACK_FIELDS));
  }

  private static List<String> received(Map<String, Object> fields, List<String> names) {
    return names.stream().map(n -> GatewayJson.text(fields, n)).toList();
  }

  private static String sign(String secret, List<String> parts) {
    return GatewayCrypto.hmacMd5Hex(secret, String.join(";", parts));
  }

  /**
   * An amount as Ring sends it to WayForPay: major units without trailing zeros ({@code 1}, {@code
   * 100}, {@code 1547.36}, {@code 10.5}), the form PHP gives a float, so that the gateway and Ring
   * sign the same string.
   */
  static String amount(long minor, String currency) {
    return BigDecimal.valueOf(minor, Money.digits(currency)).stripTrailingZeros().toPlainString();
  }
}
