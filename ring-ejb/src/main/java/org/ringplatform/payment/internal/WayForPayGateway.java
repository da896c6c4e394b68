package org.ringplatform.payment.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ringplatform.ledger.Money;
import org.ringplatform.payment.PaymentRequest;

/**
 * WayForPay (§9.3, trust checklist C3): the signed purchase form for its hosted payment page, the
 * serviceUrl callback (verified on its fields as received) and our signed {@code accept}, and the
 * API calls CHECK_STATUS (reconciliation) and REFUND. Its HMAC-MD5 is a documented exception to
 * Ring's "no MD5" rule, compensated by the amount check and CHECK_STATUS re-verification.
 */
@ApplicationScoped
public class WayForPayGateway {

  private static final Pattern LAST4 = Pattern.compile("(\\d{4})$");

  @Inject private PaymentSettings settings;

  private volatile GatewayHttp http;

  private GatewayHttp http() {
    if (http == null) {
      http = new GatewayHttp(settings.httpTimeout());
    }
    return http;
  }

  private PaymentSettings.WayForPay config() {
    return settings.wayForPay();
  }

  /**
   * The purchase form: fields (product lists as {@code productName[i]}, which WayForPay reads as
   * arrays) signed names-then-counts-then-prices, posted by the buyer's browser to the pay URL.
   *
   * @param lines the products; when they do not add up to the amount, one line with the description
   *     stands for the whole
   * @param orderDate Unix seconds
   */
  public Map<String, String> purchase(
      PaymentRows.Row row,
      String description,
      List<PaymentRequest.Line> lines,
      String returnUrl,
      long orderDate) {
    PaymentSettings.WayForPay c = config();
    List<WayForPaySignature.Product> products = new ArrayList<>();
    for (PaymentRequest.Line l : linesFor(row, description, lines)) {
      products.add(
          new WayForPaySignature.Product(
              l.name(),
              Integer.toString(l.count()),
              WayForPaySignature.amount(l.unitMinor(), row.currency())));
    }
    String amount = WayForPaySignature.amount(row.amountMinor(), row.currency());
    Map<String, String> f = new LinkedHashMap<>();
    f.put("merchantAccount", c.merchantAccount());
    f.put("merchantAuthType", "SimpleSignature");
    f.put("merchantDomainName", c.merchantDomain());
    f.put("merchantTransactionSecureType", "AUTO");
    f.put(
        "merchantSignature",
        WayForPaySignature.purchase(
            c.secretKey(),
            c.merchantAccount(),
            c.merchantDomain(),
            row.reference(),
            Long.toString(orderDate),
            amount,
            row.currency(),
            products));
    f.put("orderReference", row.reference());
    f.put("orderDate", Long.toString(orderDate));
    f.put("amount", amount);
    f.put("currency", row.currency());
    f.put("orderTimeout", Long.toString(c.orderTimeoutSeconds()));
    for (int i = 0; i < products.size(); i++) {
      f.put("productName[" + i + "]", products.get(i).name());
      f.put("productCount[" + i + "]", products.get(i).count());
      f.put("productPrice[" + i + "]", products.get(i).price());
    }
    f.put("returnUrl", returnUrl);
    f.put("serviceUrl", settings.publicUrl() + "/api/payments/webhooks/wayforpay");
    f.put("language", c.language());
    return f;
  }

  /** The lines as given when they add up to the amount, else one line for the whole. */
  static List<PaymentRequest.Line> linesFor(
      PaymentRows.Row row, String description, List<PaymentRequest.Line> lines) {
    long sum = 0;
    boolean usable = !lines.isEmpty();
    for (PaymentRequest.Line l : lines) {
      if (l.count() <= 0 || l.unitMinor() < 0 || l.name() == null || l.name().isBlank()) {
        usable = false;
        break;
      }
      sum += l.unitMinor() * l.count();
    }
    if (usable && sum == row.amountMinor()) {
      return lines.stream()
          .map(l -> new PaymentRequest.Line(clip(l.name()), l.count(), l.unitMinor()))
          .toList();
    }
    String name = description == null || description.isBlank() ? row.reference() : description;
    return List.of(new PaymentRequest.Line(clip(name), 1, row.amountMinor()));
  }

  private static String clip(String name) {
    String s = name.strip();
    return s.length() <= 200 ? s : s.substring(0, 200);
  }

  public String payUrl() {
    return config().payUrl();
  }

  public String merchantAccount() {
    return config().merchantAccount();
  }

  /**
   * Verifies a serviceUrl callback: the merchant account is ours and the signature over the fields
   * as received matches, compared in constant time.
   */
  public boolean verifyCallback(Map<String, Object> fields) {
    PaymentSettings.WayForPay c = config();
    return c.merchantAccount().equals(GatewayJson.text(fields, "merchantAccount"))
        && WayForPaySignature.verify(c.secretKey(), fields, WayForPaySignature.CALLBACK_FIELDS);
  }

  /** A verified callback or CHECK_STATUS answer as an event. */
  public GatewayEvent event(Map<String, Object> fields, boolean webhook) {
    String status = GatewayJson.text(fields, "transactionStatus");
    String reference = GatewayJson.text(fields, "orderReference");
    String currency = GatewayJson.text(fields, "currency").toUpperCase(Locale.ROOT);
    String amountText = GatewayJson.text(fields, "amount");
    Long minor;
    try {
      minor = Money.parse(amountText, currency).minor();
    } catch (RuntimeException e) {
      minor = null;
    }
    Matcher last4 = LAST4.matcher(GatewayJson.text(fields, "cardPan"));
    String eventId =
        webhook
            ? reference
                + ":"
                + status
                + ":"
                + GatewayCrypto.sha256Hex(
                        WayForPaySignature.callbackString(fields).getBytes(StandardCharsets.UTF_8))
                    .substring(0, 16)
            : null;
    return new GatewayEvent(
        PaymentRouting.WAYFORPAY,
        eventId,
        reference.isEmpty() ? null : reference,
        kindOf(status),
        minor,
        currency,
        amountText,
        null,
        null,
        last4.find() ? last4.group(1) : null,
        "WayForPay "
            + status
            + " "
            + GatewayJson.text(fields, "reasonCode")
            + " "
            + GatewayJson.text(fields, "reason"));
  }

  /** WayForPay's transaction statuses in Ring's terms (§9.3). */
  static GatewayEvent.Kind kindOf(String transactionStatus) {
    return switch (transactionStatus) {
      case "Approved" -> GatewayEvent.Kind.PAID;
      case "Pending" -> GatewayEvent.Kind.PENDING;
      case "InProcessing", "WaitingAuthComplete" -> GatewayEvent.Kind.PROCESSING;
      case "Declined" -> GatewayEvent.Kind.FAILED;
      case "Expired", "Voided" -> GatewayEvent.Kind.CANCELLED;
      case "Refunded" -> GatewayEvent.Kind.REFUNDED;
      default -> GatewayEvent.Kind.IGNORED;
    };
  }

  /** Our answer to a callback: {@code accept}, signed. */
  public String accept(String orderReference, long time) {
    return "{\"orderReference\":"
        + GatewayJson.quote(orderReference)
        + ",\"status\":\"accept\",\"time\":"
        + time
        + ",\"signature\":"
        + GatewayJson.quote(WayForPaySignature.accept(config().secretKey(), orderReference, time))
        + "}";
  }

  /**
   * CHECK_STATUS: what WayForPay knows of an order, verified like a callback; empty when it knows
   * nothing of it (the buyer never reached the payment page).
   *
   * @throws GatewayUnavailable when it cannot be asked or its answer is not signed by it
   */
  public Optional<GatewayEvent> checkStatus(String orderReference) {
    PaymentSettings.WayForPay c = config();
    String body =
        "{\"transactionType\":\"CHECK_STATUS\",\"merchantAccount\":"
            + GatewayJson.quote(c.merchantAccount())
            + ",\"orderReference\":"
            + GatewayJson.quote(orderReference)
            + ",\"merchantSignature\":"
            + GatewayJson.quote(
                WayForPaySignature.checkStatus(c.secretKey(), c.merchantAccount(), orderReference))
            + ",\"apiVersion\":1}";
    GatewayHttp.Reply reply = http().send("POST", c.apiUrl(), "application/json", body, 2);
    Map<String, Object> answer = parse(reply);
    if (GatewayJson.text(answer, "transactionStatus").isEmpty()) {
      return Optional.empty();
    }
    if (!c.merchantAccount().equals(GatewayJson.text(answer, "merchantAccount"))
        || !orderReference.equals(GatewayJson.text(answer, "orderReference"))
        || !WayForPaySignature.verify(c.secretKey(), answer, WayForPaySignature.CALLBACK_FIELDS)) {
      throw new GatewayUnavailable("CHECK_STATUS answer is not signed by WayForPay");
    }
    return Optional.of(event(answer, false));
  }

  /**
   * The outcome of a refund request.
   *
   * @param succeeded the money goes back
   * @param processorRef the gateway's words for it
   * @param failure why not
   */
  public record RefundResult(boolean succeeded, String processorRef, String failure) {}

  /**
   * REFUND. WayForPay has no idempotency key: Ring never repeats a refund whose outcome it
   * recorded, and WayForPay refuses to refund more than was paid.
   *
   * @throws GatewayUnavailable when it cannot be asked
   */
  public RefundResult refund(String orderReference, long amountMinor, String currency, String why) {
    PaymentSettings.WayForPay c = config();
    String amount = WayForPaySignature.amount(amountMinor, currency);
    String body =
        "{\"transactionType\":\"REFUND\",\"merchantAccount\":"
            + GatewayJson.quote(c.merchantAccount())
            + ",\"orderReference\":"
            + GatewayJson.quote(orderReference)
            + ",\"amount\":"
            + amount
            + ",\"currency\":"
            + GatewayJson.quote(currency)
            + ",\"comment\":"
            + GatewayJson.quote(why == null ? "" : why)
            + ",\"merchantSignature\":"
            + GatewayJson.quote(
                WayForPaySignature.refund(
                    c.secretKey(), c.merchantAccount(), orderReference, amount, currency))
            + ",\"apiVersion\":1}";
    GatewayHttp.Reply reply = http().send("POST", c.apiUrl(), "application/json", body, 1);
    Map<String, Object> answer = parse(reply);
    String status = GatewayJson.text(answer, "transactionStatus");
    boolean ok =
        status.equals("Refunded") || status.equals("Voided") || status.equals("RefundInProcessing");
    // A success moves money in the books, so it is believed only when WayForPay signed it for this
    // merchant and order; an unsigned refusal changes nothing and is taken at its word.
    boolean signed =
        !GatewayJson.text(answer, "merchantSignature").isEmpty()
            && c.merchantAccount().equals(GatewayJson.text(answer, "merchantAccount"))
            && orderReference.equals(GatewayJson.text(answer, "orderReference"))
            && WayForPaySignature.verify(
                c.secretKey(), answer, WayForPaySignature.REFUND_ANSWER_FIELDS);
    if (ok && !signed) {
      throw new GatewayUnavailable("REFUND answer is not signed by WayForPay");
    }
    String words =
        status
            + " "
            + GatewayJson.text(answer, "reasonCode")
            + " "
            + GatewayJson.text(answer, "reason");
    return ok
        ? new RefundResult(true, "wfp:" + orderReference + ":" + status, null)
        : new RefundResult(false, null, words.strip());
  }

  private static Map<String, Object> parse(GatewayHttp.Reply reply) {
    if (reply.status() / 100 != 2) {
      throw new GatewayUnavailable("WayForPay answered " + reply.status());
    }
    try {
      return GatewayJson.object(reply.body());
    } catch (IllegalArgumentException e) {
      throw new GatewayUnavailable("WayForPay answered something that is not JSON");
    }
  }
}
