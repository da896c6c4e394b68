package org.ringplatform.testing.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Stripe that answers and signs like the real one:
 *
 * <ul>
 *   <li>{@code POST /v1/checkout/sessions} and {@code GET /v1/checkout/sessions/{id}} with the
 *       Bearer secret key; {@code Idempotency-Key} replays the first answer for the same parameters
 *       and refuses other parameters, as Stripe does;
 *   <li>{@code GET /checkout/{id}}: the hosted Checkout page with "Pay", which completes the
 *       session, sends a {@code checkout.session.completed} webhook signed with the endpoint secret
 *       ({@code Stripe-Signature: t=..,v1=HMAC-SHA256(secret, "t.body")}) and redirects the browser
 *       to success_url;
 *   <li>{@code POST /v1/refunds} (idempotent by key), followed by a signed {@code charge.refunded}.
 * </ul>
 *
 * Tests also build and sign events directly ({@link #event}, {@link #signature}).
 */
public final class StripeStandIn {

  /** A Checkout Session as the stand-in keeps it. */
  public static final class Session {
    final String id;
    final String reference;
    final String purpose;
    final long amountTotal;
    final String currency;
    final String successUrl;
    final String cancelUrl;
    final String paymentIntent;
    final List<String[]> items;
    volatile String status = "open";
    volatile String paymentStatus = "unpaid";
    volatile long refunded;

    Session(
        String id,
        String reference,
        String purpose,
        long amountTotal,
        String currency,
        String successUrl,
        String cancelUrl,
        String paymentIntent,
        List<String[]> items) {
      this.id = id;
      this.reference = reference;
      this.purpose = purpose;
      this.amountTotal = amountTotal;
      this.currency = currency;
      this.successUrl = successUrl;
      this.cancelUrl = cancelUrl;
      this.paymentIntent = paymentIntent;
      this.items = items;
    }

    public String id() {
      return id;
    }

    public long refunded() {
      return refunded;
    }

    public String status() {
      return status;
    }
  }

  private record Replay(String request, int status, String body) {}

  private final String secretKey;
  private final String webhookSecret;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Replay> replays = new ConcurrentHashMap<>();
  private final List<Integer> webhookAnswers = new CopyOnWriteArrayList<>();
  private final AtomicInteger sessionsCreated = new AtomicInteger();
  private final AtomicInteger refundsMade = new AtomicInteger();
  private HttpServer server;
  private volatile String appBase;
  private volatile String webhookUrl;

  public StripeStandIn(String secretKey, String webhookSecret) {
    this.secretKey = secretKey;
    this.webhookSecret = webhookSecret;
  }

  /** Starts on {@code port} (0 for any free one) and returns the API base URL. */
  public synchronized String start(int port) throws IOException {
    if (server == null) {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      server.setExecutor(Executors.newFixedThreadPool(8));
      server.createContext("/v1/", this::api);
      server.createContext("/checkout/", this::checkout);
      server.start();
    }
    return url();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** The merchant's webhook endpoint. */
  public void webhookUrl(String url) {
    this.webhookUrl = url;
  }

  /** Where the merchant really listens, when its configured public address is not reachable. */
  public void appBase(String base) {
    this.appBase = base;
  }

  public Session sessionFor(String reference) {
    return sessions.values().stream()
        .filter(s -> s.reference.equals(reference))
        .findFirst()
        .orElse(null);
  }

  /** How many sessions were really created (idempotent replays not counted). */
  public int sessionsCreated() {
    return sessionsCreated.get();
  }

  /** How many refunds were really made (idempotent replays not counted). */
  public int refundsMade() {
    return refundsMade.get();
  }

  /** The merchant's HTTP answers to the webhooks sent so far. */
  public List<Integer> webhookAnswers() {
    return List.copyOf(webhookAnswers);
  }

  // ---- REST API --------------------------------------------------------------------------------

  private void api(HttpExchange x) throws IOException {
    String auth = x.getRequestHeaders().getFirst("Authorization");
    if (!("Bearer " + secretKey).equals(auth)) {
      StandInHttp.send(
          x,
          401,
          "application/json",
          "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided\"}}");
      return;
    }
    String path = x.getRequestURI().getPath();
    String method = x.getRequestMethod();
    if (method.equals("GET") && path.startsWith("/v1/checkout/sessions/")) {
      Session s = sessions.get(path.substring("/v1/checkout/sessions/".length()));
      if (s == null) {
        StandInHttp.send(x, 404, "application/json", missing("No such checkout.session"));
      } else {
        StandInHttp.send(x, 200, "application/json", json(s));
      }
      return;
    }
    if (!method.equals("POST")) {
      StandInHttp.send(x, 405, "application/json", missing("Unsupported"));
      return;
    }
    String body = StandInHttp.body(x);
    String key = x.getRequestHeaders().getFirst("Idempotency-Key");
    String request = path + "?" + body;
    if (key != null) {
      Replay seen = replays.get(key);
      if (seen != null) {
        if (!seen.request().equals(request)) {
          StandInHttp.send(
              x,
              400,
              "application/json",
              "{\"error\":{\"type\":\"idempotency_error\",\"message\":\"Keys for idempotent"
                  + " requests can only be used with the same parameters they were first used"
                  + " with.\"}}");
        } else {
          x.getResponseHeaders().set("Idempotent-Replayed", "true");
          StandInHttp.send(x, seen.status(), "application/json", seen.body());
        }
        return;
      }
    }
    Replay answer;
    if (path.equals("/v1/checkout/sessions")) {
      answer = createSession(request, StandInHttp.form(body));
    } else if (path.equals("/v1/refunds")) {
      answer = refund(request, StandInHttp.form(body));
    } else {
      answer = new Replay(request, 404, missing("Unrecognized request URL"));
    }
    if (key != null) {
      Replay first = replays.putIfAbsent(key, answer);
      if (first != null) {
        answer = first;
      }
    }
    StandInHttp.send(x, answer.status(), "application/json", answer.body());
  }

  private Replay createSession(String request, Map<String, String> f) {
    long total = 0;
    List<String[]> items = new CopyOnWriteArrayList<>();
    String currency = null;
    for (int i = 0; f.containsKey("line_items[" + i + "][quantity]"); i++) {
      String p = "line_items[" + i + "]";
      long unit = Long.parseLong(f.get(p + "[price_data][unit_amount]"));
      long quantity = Long.parseLong(f.get(p + "[quantity]"));
      currency = f.get(p + "[price_data][currency]");
      total += unit * quantity;
      items.add(
          new String[] {f.get(p + "[price_data][product_data][name]"), "" + quantity, "" + unit});
    }
    if (items.isEmpty() || f.get("success_url") == null) {
      return new Replay(request, 400, missing("Missing required param: line_items or success_url"));
    }
    Session s =
        new Session(
            "cs_test_" + UUID.randomUUID().toString().replace("-", ""),
            f.getOrDefault("metadata[reference]", f.get("client_reference_id")),
            f.get("metadata[purpose]"),
            total,
            currency,
            f.get("success_url"),
            f.get("cancel_url"),
            "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
            items);
    sessions.put(s.id, s);
    sessionsCreated.incrementAndGet();
    return new Replay(request, 200, json(s));
  }

  private Replay refund(String request, Map<String, String> f) {
    Session s =
        sessions.values().stream()
            .filter(x -> x.paymentIntent.equals(f.get("payment_intent")))
            .findFirst()
            .orElse(null);
    if (s == null || !"paid".equals(s.paymentStatus)) {
      return new Replay(request, 400, missing("No such payment_intent"));
    }
    long amount = Long.parseLong(f.getOrDefault("amount", String.valueOf(s.amountTotal)));
    synchronized (s) {
      if (amount <= 0 || s.refunded + amount > s.amountTotal) {
        return new Replay(
            request,
            400,
            "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"charge_already_refunded\","
                + "\"message\":\"Refund amount exceeds the remaining charge\"}}");
      }
      s.refunded += amount;
    }
    refundsMade.incrementAndGet();
    long refundedNow = s.refunded;
    // Stripe announces the refund with a webhook shortly after answering.
    CompletableFuture.runAsync(
        () -> deliver(chargeRefunded(s, refundedNow), System.currentTimeMillis() / 1000));
    return new Replay(
        request,
        200,
        "{\"id\":\"re_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 24)
            + "\",\"object\":\"refund\",\"amount\":"
            + amount
            + ",\"currency\":"
            + MiniJson.q(s.currency)
            + ",\"payment_intent\":"
            + MiniJson.q(s.paymentIntent)
            + ",\"status\":\"succeeded\"}");
  }

  private static String missing(String message) {
    return "{\"error\":{\"type\":\"invalid_request_error\",\"message\":"
        + MiniJson.q(message)
        + "}}";
  }

  // ---- Hosted Checkout
  // ---------------------------------------------------------------------------

  private void checkout(HttpExchange x) throws IOException {
    String[] parts = x.getRequestURI().getPath().split("/");
    Session s = parts.length >= 3 ? sessions.get(parts[2]) : null;
    if (s == null) {
      StandInHttp.send(x, 404, "text/plain", "no such session");
      return;
    }
    if (x.getRequestMethod().equals("POST") && parts.length == 4 && parts[3].equals("pay")) {
      StandInHttp.body(x);
      complete(s);
      StandInHttp.redirect(
          x, StandInHttp.rebase(s.successUrl.replace("{CHECKOUT_SESSION_ID}", s.id), appBase));
      return;
    }
    StringBuilder rows = new StringBuilder();
    for (String[] i : s.items) {
      rows.append("<tr><td>")
          .append(StandInHttp.esc(i[0]))
          .append("</td><td>")
          .append(i[1])
          .append(" × ")
          .append(i[2])
          .append("</td></tr>");
    }
    StandInHttp.send(
        x,
        200,
        "text/html; charset=UTF-8",
        StandInHttp.page(
            "Stripe Checkout (stand-in)",
            "<h1>Checkout <small>(Stripe stand-in)</small></h1><table>"
                + rows
                + "</table><p>Total: <strong id=\"total\">"
                + s.amountTotal
                + " "
                + StandInHttp.esc(s.currency)
                + "</strong> (minor units)</p><form method=\"post\" action=\"/checkout/"
                + s.id
                + "/pay\"><button id=\"pay\" type=\"submit\">Pay</button></form>"
                + "<p><a id=\"cancel\" href=\""
                + StandInHttp.esc(StandInHttp.rebase(s.cancelUrl, appBase))
                + "\">Cancel</a></p><p class=\"note\">A local stand-in: no money moves.</p>"));
  }

  /** Marks a session paid without telling the merchant (a webhook that never arrives). */
  public void markPaid(Session s) {
    s.status = "complete";
    s.paymentStatus = "paid";
  }

  /** Completes a session as paid and sends the signed webhook; returns the merchant's status. */
  public int complete(Session s) {
    s.status = "complete";
    s.paymentStatus = "paid";
    return deliver(event("checkout.session.completed", json(s)), System.currentTimeMillis() / 1000);
  }

  /** Sends an event to the webhook endpoint, signed at {@code timestamp}; the merchant's status. */
  public int deliver(String event, long timestamp) {
    if (webhookUrl == null) {
      return -1;
    }
    try {
      HttpResponse<String> r =
          StandInHttp.post(
              webhookUrl,
              "application/json; charset=utf-8",
              event,
              "Stripe-Signature",
              signature(event, timestamp, webhookSecret));
      webhookAnswers.add(r.statusCode());
      return r.statusCode();
    } catch (IOException | InterruptedException e) {
      webhookAnswers.add(-1);
      return -1;
    }
  }

  // ---- Events and signatures
  // ---------------------------------------------------------------------

  /** An event of {@code type} whose data.object is {@code objectJson}. */
  public static String event(String type, String objectJson) {
    return "{\"id\":\"evt_"
        + UUID.randomUUID().toString().replace("-", "")
        + "\",\"object\":\"event\",\"api_version\":\"2024-06-20\",\"created\":"
        + System.currentTimeMillis() / 1000
        + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":"
        + MiniJson.q(type)
        + ",\"data\":{\"object\":"
        + objectJson
        + "}}";
  }

  /**
   * A Checkout Session object for a payment Ring created, for tests that send events without going
   * through the hosted page.
   */
  public static String sessionJson(
      String reference,
      String sessionId,
      long amountTotal,
      String currency,
      String status,
      String paymentStatus,
      String paymentIntent) {
    return "{\"id\":"
        + MiniJson.q(sessionId)
        + ",\"object\":\"checkout.session\",\"amount_total\":"
        + amountTotal
        + ",\"currency\":"
        + MiniJson.q(currency)
        + ",\"client_reference_id\":"
        + MiniJson.q(reference)
        + ",\"metadata\":{\"reference\":"
        + MiniJson.q(reference)
        + "},\"mode\":\"payment\",\"payment_intent\":"
        + MiniJson.q(paymentIntent)
        + ",\"payment_status\":"
        + MiniJson.q(paymentStatus)
        + ",\"status\":"
        + MiniJson.q(status)
        + "}";
  }

  private String json(Session s) {
    return "{\"id\":"
        + MiniJson.q(s.id)
        + ",\"object\":\"checkout.session\",\"amount_total\":"
        + s.amountTotal
        + ",\"currency\":"
        + MiniJson.q(s.currency)
        + ",\"client_reference_id\":"
        + MiniJson.q(s.reference)
        + ",\"metadata\":{\"reference\":"
        + MiniJson.q(s.reference)
        + ",\"purpose\":"
        + MiniJson.q(s.purpose)
        + "},\"mode\":\"payment\",\"payment_intent\":"
        + MiniJson.q(s.paymentIntent)
        + ",\"payment_status\":"
        + MiniJson.q(s.paymentStatus)
        + ",\"status\":"
        + MiniJson.q(s.status)
        + ",\"success_url\":"
        + MiniJson.q(s.successUrl)
        + ",\"cancel_url\":"
        + MiniJson.q(s.cancelUrl)
        + ",\"url\":"
        + (s.status.equals("open") ? MiniJson.q(url() + "/checkout/" + s.id) : "null")
        + "}";
  }

  private static String chargeRefunded(Session s, long refunded) {
    return event(
        "charge.refunded",
        "{\"id\":\"ch_"
            + s.paymentIntent.substring(3)
            + "\",\"object\":\"charge\",\"amount\":"
            + s.amountTotal
            + ",\"amount_refunded\":"
            + refunded
            + ",\"currency\":"
            + MiniJson.q(s.currency)
            + ",\"payment_intent\":"
            + MiniJson.q(s.paymentIntent)
            + ",\"refunded\":"
            + (refunded == s.amountTotal)
            + ",\"metadata\":{}}");
  }

  /** A {@code Stripe-Signature} header for {@code body}, as Stripe computes it. */
  public static String signature(String body, long timestamp, String secret) {
    return "t="
        + timestamp
        + ",v1="
        + StandInHttp.hmacHex("HmacSHA256", secret, timestamp + "." + body);
  }
}
