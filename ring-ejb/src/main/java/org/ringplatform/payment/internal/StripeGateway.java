package org.ringplatform.payment.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringplatform.payment.PaymentRequest;

/**
 * Stripe over its REST API (no SDK): Checkout Sessions (form-encoded, Bearer secret key, an
 * Idempotency-Key persisted before the first attempt and reused on every retry), session lookups
 * for reconciliation, refunds, and the webhook events Ring acts on.
 */
@ApplicationScoped
public class StripeGateway {

  @Inject private PaymentSettings settings;

  private volatile GatewayHttp http;

  private GatewayHttp http() {
    if (http == null) {
      http = new GatewayHttp(settings.httpTimeout());
    }
    return http;
  }

  private PaymentSettings.Stripe config() {
    return settings.stripe();
  }

  /**
   * A Checkout Session as Ring needs it.
   *
   * @param id {@code cs_...}
   * @param url the hosted page, while open
   * @param status open, complete or expired
   * @param paymentStatus paid, unpaid or no_payment_required
   * @param amountTotal amount in minor units
   * @param currency upper case
   * @param paymentIntent {@code pi_...}, or null
   * @param reference {@code metadata.reference} (or client_reference_id)
   */
  public record Session(
      String id,
      String url,
      String status,
      String paymentStatus,
      Long amountTotal,
      String currency,
      String paymentIntent,
      String reference) {}

  /**
   * Creates the Checkout Session of a payment.
   *
   * @param idempotencyKey the key persisted on the payment before this first attempt
   * @throws GatewayUnavailable when Stripe cannot be reached or refuses
   */
  public Session create(
      PaymentRows.Row row,
      String description,
      List<PaymentRequest.Line> lines,
      String successUrl,
      String cancelUrl,
      String idempotencyKey) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("mode", "payment");
    f.put("client_reference_id", row.reference());
    f.put("success_url", successUrl);
    f.put("cancel_url", cancelUrl);
    f.put("metadata[reference]", row.reference());
    f.put("metadata[purpose]", row.purpose());
    f.put("payment_intent_data[metadata][reference]", row.reference());
    List<PaymentRequest.Line> items = WayForPayGateway.linesFor(row, description, lines);
    String currency = row.currency().toLowerCase(Locale.ROOT);
    for (int i = 0; i < items.size(); i++) {
      String p = "line_items[" + i + "]";
      f.put(p + "[price_data][currency]", currency);
      f.put(p + "[price_data][unit_amount]", Long.toString(items.get(i).unitMinor()));
      f.put(p + "[price_data][product_data][name]", items.get(i).name());
      f.put(p + "[quantity]", Integer.toString(items.get(i).count()));
    }
    GatewayHttp.Reply reply =
        http()
            .send(
                "POST",
                config().apiUrl() + "/v1/checkout/sessions",
                "application/x-www-form-urlencoded",
                GatewayHttp.form(f),
                3,
                "Authorization",
                "Bearer " + config().secretKey(),
                "Idempotency-Key",
                idempotencyKey);
    Session s = session(object(reply));
    if (s.url() == null || !row.reference().equals(s.reference())) {
      throw new GatewayUnavailable("Stripe answered a session for another payment");
    }
    return s;
  }

  /** A session by id, for reconciliation. */
  public Session retrieve(String sessionId) {
    GatewayHttp.Reply reply =
        http()
            .send(
                "GET",
                config().apiUrl()
                    + "/v1/checkout/sessions/"
                    + URLEncoder.encode(sessionId, StandardCharsets.UTF_8),
                null,
                null,
                2,
                "Authorization",
                "Bearer " + config().secretKey());
    return session(object(reply));
  }

  /**
   * Refunds part or all of a payment intent.
   *
   * @param idempotencyKey the refund's processor key, persisted before the first attempt
   */
  public WayForPayGateway.RefundResult refund(
      String paymentIntent, long amountMinor, String idempotencyKey, String reference) {
    if (paymentIntent == null) {
      return new WayForPayGateway.RefundResult(false, null, "Stripe named no payment intent");
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("payment_intent", paymentIntent);
    f.put("amount", Long.toString(amountMinor));
    f.put("reason", "requested_by_customer");
    f.put("metadata[reference]", reference);
    GatewayHttp.Reply reply =
        http()
            .send(
                "POST",
                config().apiUrl() + "/v1/refunds",
                "application/x-www-form-urlencoded",
                GatewayHttp.form(f),
                3,
                "Authorization",
                "Bearer " + config().secretKey(),
                "Idempotency-Key",
                idempotencyKey);
    if (reply.status() / 100 == 4) {
      return new WayForPayGateway.RefundResult(false, null, error(reply));
    }
    Map<String, Object> r = object(reply);
    String status = GatewayJson.text(r, "status");
    return status.equals("succeeded") || status.equals("pending")
        ? new WayForPayGateway.RefundResult(true, GatewayJson.string(r, "id"), null)
        : new WayForPayGateway.RefundResult(false, GatewayJson.string(r, "id"), "Stripe " + status);
  }

  /** Verifies a webhook delivery on its raw bytes. */
  public StripeSignature.Result verify(String header, byte[] body, long nowSeconds) {
    PaymentSettings.Stripe c = config();
    return StripeSignature.verify(
        header, body, c.webhookSecrets(), nowSeconds, c.toleranceSeconds());
  }

  /**
   * A verified webhook event in Ring's terms: Checkout completion (paid, or still processing for
   * delayed methods), asynchronous success or failure, expiry, and charge refunds; every other type
   * is acknowledged and ignored.
   *
   * @throws IllegalArgumentException when the body is not an event
   */
  @SuppressWarnings("unchecked")
  public GatewayEvent event(Map<String, Object> root) {
    String id = GatewayJson.string(root, "id");
    String type = GatewayJson.string(root, "type");
    if (id == null || type == null || !(GatewayJson.at(root, "data", "object") instanceof Map)) {
      throw new IllegalArgumentException("not a Stripe event");
    }
    Map<String, Object> o = (Map<String, Object>) GatewayJson.at(root, "data", "object");
    if (type.equals("charge.refunded")) {
      return new GatewayEvent(
          PaymentRouting.STRIPE,
          id,
          GatewayJson.string(o, "metadata", "reference"),
          GatewayEvent.Kind.REFUNDED,
          GatewayJson.whole(o, "amount_refunded"),
          upper(GatewayJson.string(o, "currency")),
          GatewayJson.text(o, "amount_refunded"),
          GatewayJson.string(o, "id"),
          idOf(GatewayJson.at(o, "payment_intent")),
          null,
          "Stripe " + type);
    }
    GatewayEvent.Kind kind =
        switch (type) {
          case "checkout.session.completed" ->
              "paid".equals(GatewayJson.string(o, "payment_status"))
                  ? GatewayEvent.Kind.PAID
                  : GatewayEvent.Kind.PROCESSING;
          case "checkout.session.async_payment_succeeded" -> GatewayEvent.Kind.PAID;
          case "checkout.session.async_payment_failed" -> GatewayEvent.Kind.FAILED;
          case "checkout.session.expired" -> GatewayEvent.Kind.CANCELLED;
          default -> GatewayEvent.Kind.IGNORED;
        };
    Session s = session(o);
    return new GatewayEvent(
        PaymentRouting.STRIPE,
        id,
        s.reference(),
        kind,
        s.amountTotal(),
        s.currency(),
        GatewayJson.text(o, "amount_total"),
        s.id(),
        s.paymentIntent(),
        null,
        "Stripe " + type + " (" + s.status() + ", " + s.paymentStatus() + ")");
  }

  /** A session as an event, for reconciliation; null when there is nothing to apply yet. */
  public GatewayEvent event(Session s) {
    GatewayEvent.Kind kind;
    if ("paid".equals(s.paymentStatus())) {
      kind = GatewayEvent.Kind.PAID;
    } else if ("expired".equals(s.status())) {
      kind = GatewayEvent.Kind.CANCELLED;
    } else if ("complete".equals(s.status())) {
      kind = GatewayEvent.Kind.PROCESSING;
    } else {
      return null;
    }
    return new GatewayEvent(
        PaymentRouting.STRIPE,
        null,
        s.reference(),
        kind,
        s.amountTotal(),
        s.currency(),
        String.valueOf(s.amountTotal()),
        s.id(),
        s.paymentIntent(),
        null,
        "Stripe session " + s.status() + ", " + s.paymentStatus());
  }

  private static Session session(Map<String, Object> o) {
    String reference = GatewayJson.string(o, "metadata", "reference");
    if (reference == null) {
      reference = GatewayJson.string(o, "client_reference_id");
    }
    return new Session(
        GatewayJson.string(o, "id"),
        GatewayJson.string(o, "url"),
        GatewayJson.string(o, "status"),
        GatewayJson.string(o, "payment_status"),
        GatewayJson.whole(o, "amount_total"),
        upper(GatewayJson.string(o, "currency")),
        idOf(GatewayJson.at(o, "payment_intent")),
        reference);
  }

  /** An id, whether Stripe sent the id or the expanded object. */
  @SuppressWarnings("unchecked")
  private static String idOf(Object v) {
    if (v instanceof String s) {
      return s;
    }
    return v instanceof Map ? GatewayJson.string((Map<String, Object>) v, "id") : null;
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  private static Map<String, Object> object(GatewayHttp.Reply reply) {
    if (reply.status() / 100 != 2) {
      throw new GatewayUnavailable("Stripe refused: " + error(reply));
    }
    try {
      return GatewayJson.object(reply.body());
    } catch (IllegalArgumentException e) {
      throw new GatewayUnavailable("Stripe answered something that is not JSON");
    }
  }

  private static String error(GatewayHttp.Reply reply) {
    try {
      String message = GatewayJson.string(GatewayJson.object(reply.body()), "error", "message");
      return reply.status() + (message == null ? "" : " " + Sql.truncate(message, 200));
    } catch (IllegalArgumentException e) {
      return String.valueOf(reply.status());
    }
  }
}
