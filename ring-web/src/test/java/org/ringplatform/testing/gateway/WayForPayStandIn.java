package org.ringplatform.testing.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local WayForPay that answers and signs like the real one (HMAC-MD5 over ;-joined fields):
 *
 * <ul>
 *   <li>{@code POST /pay}: the hosted payment page. It checks the purchase form's merchant and
 *       signature (names, then counts, then prices), then shows the order with "Pay" and "Decline"
 *       buttons. Paying sends the signed serviceUrl callback to the merchant, checks the merchant's
 *       signed {@code accept}, and returns the browser to returnUrl with a POST, as WayForPay does.
 *   <li>{@code POST /api}: CHECK_STATUS and REFUND, request signatures checked, answers signed.
 * </ul>
 *
 * Tests also build callbacks directly ({@link #callback}) to replay, tamper with and reorder.
 */
public final class WayForPayStandIn {

  /** An order as the stand-in knows it. */
  public static final class Order {
    final String reference;
    final String amount;
    final String currency;
    final String serviceUrl;
    final String returnUrl;
    final List<String[]> products;
    volatile String status = "InProcessing";
    final List<String> refunds = new CopyOnWriteArrayList<>();

    Order(
        String reference,
        String amount,
        String currency,
        String serviceUrl,
        String returnUrl,
        List<String[]> products) {
      this.reference = reference;
      this.amount = amount;
      this.currency = currency;
      this.serviceUrl = serviceUrl;
      this.returnUrl = returnUrl;
      this.products = products;
    }

    public String status() {
      return status;
    }

    public String amount() {
      return amount;
    }

    /** The refunds made, amounts as requested. */
    public List<String> refunds() {
      return List.copyOf(refunds);
    }
  }

  private final String merchantAccount;
  private final String secretKey;
  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final AtomicInteger acceptsVerified = new AtomicInteger();
  private final AtomicInteger checks = new AtomicInteger();
  private HttpServer server;
  private volatile String appBase;
  private volatile boolean dropCallbacks;
  private volatile boolean forgeRefunds;

  public WayForPayStandIn(String merchantAccount, String secretKey) {
    this.merchantAccount = merchantAccount;
    this.secretKey = secretKey;
  }

  /** Starts on {@code port} (0 for any free one) and returns the base URL. */
  public synchronized String start(int port) throws IOException {
    if (server == null) {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      server.setExecutor(Executors.newFixedThreadPool(8));
      server.createContext("/pay", this::pay);
      server.createContext("/api", this::api);
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

  /** Where the merchant really listens, when its configured public address is not reachable. */
  public void appBase(String base) {
    this.appBase = base;
  }

  /** While set, "Pay" approves the order without sending the callback (a lost callback). */
  /**
   * When set, REFUND answers claim success without a signature (and refund nothing), as a forger in
   * the middle would.
   */
  public void forgeRefundAnswers(boolean forge) {
    forgeRefunds = forge;
  }

  public void dropCallbacks(boolean drop) {
    this.dropCallbacks = drop;
  }

  public Order order(String reference) {
    return orders.get(reference);
  }

  /** How many of the merchant's answers carried a valid signed accept. */
  public int acceptsVerified() {
    return acceptsVerified.get();
  }

  /** How many CHECK_STATUS requests arrived. */
  public int checks() {
    return checks.get();
  }

  private String sign(String... parts) {
    return StandInHttp.hmacHex("HmacMD5", secretKey, String.join(";", parts));
  }

  // ---- The hosted payment page -----------------------------------------------------------------

  private void pay(HttpExchange x) throws IOException {
    try {
      String path = x.getRequestURI().getPath();
      if (!"POST".equals(x.getRequestMethod())) {
        StandInHttp.send(x, 405, "text/plain", "POST only");
      } else if (path.equals("/pay")) {
        purchase(x);
      } else if (path.equals("/pay/complete")) {
        complete(x, "Approved");
      } else if (path.equals("/pay/decline")) {
        complete(x, "Declined");
      } else {
        StandInHttp.send(x, 404, "text/plain", "no such page");
      }
    } catch (RuntimeException | InterruptedException e) {
      StandInHttp.send(x, 500, "text/plain", "stand-in error: " + e);
    }
  }

  private void purchase(HttpExchange x) throws IOException {
    List<Map.Entry<String, String>> pairs = StandInHttp.formPairs(StandInHttp.body(x));
    Map<String, String> f = new java.util.LinkedHashMap<>();
    pairs.forEach(e -> f.put(e.getKey(), e.getValue()));
    // Product lists arrive as productName[] (repeated) or productName[i]: both are arrays.
    List<String> names = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    List<String> prices = new ArrayList<>();
    Map<Integer, String[]> indexed = new TreeMap<>();
    String[] lists = {"productName", "productCount", "productPrice"};
    for (Map.Entry<String, String> e : pairs) {
      String k = e.getKey();
      for (int l = 0; l < lists.length; l++) {
        if (k.equals(lists[l] + "[]")) {
          (l == 0 ? names : l == 1 ? counts : prices).add(e.getValue());
        } else if (k.startsWith(lists[l] + "[") && k.endsWith("]")) {
          int index = Integer.parseInt(k.substring(lists[l].length() + 1, k.length() - 1));
          indexed.computeIfAbsent(index, i -> new String[3])[l] = e.getValue();
        }
      }
    }
    for (String[] p : indexed.values()) {
      names.add(p[0]);
      counts.add(p[1]);
      prices.add(p[2]);
    }
    List<String> parts = new ArrayList<>();
    for (String k :
        new String[] {
          "merchantAccount",
          "merchantDomainName",
          "orderReference",
          "orderDate",
          "amount",
          "currency"
        }) {
      parts.add(f.getOrDefault(k, ""));
    }
    parts.addAll(names);
    parts.addAll(counts);
    parts.addAll(prices);
    String expected = sign(parts.toArray(String[]::new));
    if (!merchantAccount.equals(f.get("merchantAccount"))
        || !expected.equals(f.get("merchantSignature"))) {
      StandInHttp.send(
          x,
          400,
          "text/html; charset=UTF-8",
          StandInHttp.page(
              "WayForPay", "<h1>Invalid request</h1><p id=\"error\">Signature is invalid</p>"));
      return;
    }
    List<String[]> products = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      products.add(new String[] {names.get(i), counts.get(i), prices.get(i)});
    }
    String reference = f.get("orderReference");
    Order order =
        orders.computeIfAbsent(
            reference,
            r ->
                new Order(
                    r,
                    f.get("amount"),
                    f.get("currency"),
                    f.get("serviceUrl"),
                    f.get("returnUrl"),
                    products));
    StringBuilder rows = new StringBuilder();
    for (String[] p : order.products) {
      rows.append("<tr><td>")
          .append(StandInHttp.esc(p[0]))
          .append("</td><td>")
          .append(StandInHttp.esc(p[1]))
          .append(" × ")
          .append(StandInHttp.esc(p[2]))
          .append("</td></tr>");
    }
    String ref = StandInHttp.esc(reference);
    StandInHttp.send(
        x,
        200,
        "text/html; charset=UTF-8",
        StandInHttp.page(
            "WayForPay (stand-in)",
            "<h1>WayForPay <small>(stand-in)</small></h1><p>Merchant: "
                + StandInHttp.esc(merchantAccount)
                + "</p><p>Order <strong id=\"order\">"
                + ref
                + "</strong></p><table>"
                + rows
                + "</table><p>Total: <strong id=\"total\">"
                + StandInHttp.esc(order.amount)
                + " "
                + StandInHttp.esc(order.currency)
                + "</strong></p><form method=\"post\" action=\"/pay/complete\">"
                + "<input type=\"hidden\" name=\"orderReference\" value=\""
                + ref
                + "\"><button id=\"pay\" type=\"submit\">Pay</button>"
                + "<button id=\"decline\" type=\"submit\" formaction=\"/pay/decline\">Decline"
                + "</button></form><p class=\"note\">A local stand-in: no money moves.</p>"));
  }

  private void complete(HttpExchange x, String status) throws IOException, InterruptedException {
    String reference = StandInHttp.form(StandInHttp.body(x)).get("orderReference");
    Order order = reference == null ? null : orders.get(reference);
    if (order == null) {
      StandInHttp.send(x, 404, "text/plain", "no such order");
      return;
    }
    order.status = status;
    if (!dropCallbacks) {
      String body = callback(reference, status, order.amount, order.currency, secretKey);
      HttpResponse<String> answer =
          StandInHttp.post(StandInHttp.rebase(order.serviceUrl, appBase), "application/json", body);
      checkAccept(reference, answer);
    }
    // WayForPay returns the buyer with a POST of the outcome to returnUrl.
    StandInHttp.send(
        x,
        200,
        "text/html; charset=UTF-8",
        StandInHttp.page(
            "WayForPay (stand-in)",
            "<p>Returning to the shop…</p><form id=\"back\" method=\"post\" action=\""
                + StandInHttp.esc(StandInHttp.rebase(order.returnUrl, appBase))
                + "\"><input type=\"hidden\" name=\"orderReference\" value=\""
                + StandInHttp.esc(reference)
                + "\"><input type=\"hidden\" name=\"transactionStatus\" value=\""
                + status
                + "\"><button type=\"submit\">Back to the shop</button></form>"
                + "<script>document.getElementById('back').submit();</script>"));
  }

  /** Counts the merchant's answer when it is the documented signed accept. */
  private void checkAccept(String reference, HttpResponse<String> answer) {
    if (answer.statusCode() != 200) {
      return;
    }
    try {
      Map<String, Object> a = MiniJson.object(answer.body());
      String time = MiniJson.text(a, "time");
      if (reference.equals(MiniJson.text(a, "orderReference"))
          && "accept".equals(MiniJson.text(a, "status"))
          && sign(reference, "accept", time).equals(MiniJson.text(a, "signature"))) {
        acceptsVerified.incrementAndGet();
      }
    } catch (RuntimeException e) {
      // Not an accept: WayForPay would retry later; the test sees it in the counter.
    }
  }

  /**
   * A serviceUrl callback as WayForPay sends it, signed with {@code secret} (the merchant's, or
   * another for a forgery).
   *
   * @param amount the amount as it appears in the JSON (a number's text)
   */
  public String callback(
      String reference, String status, String amount, String currency, String secret) {
    boolean approved = status.equals("Approved") || status.equals("Refunded");
    String authCode = approved ? "541963" : "";
    String cardPan = "41****8217";
    String reasonCode = approved ? "1100" : "1101";
    String signature =
        StandInHttp.hmacHex(
            "HmacMD5",
            secret,
            String.join(
                ";",
                merchantAccount,
                reference,
                amount,
                currency,
                authCode,
                cardPan,
                status,
                reasonCode));
    long now = System.currentTimeMillis() / 1000;
    return "{\"merchantAccount\":"
        + MiniJson.q(merchantAccount)
        + ",\"orderReference\":"
        + MiniJson.q(reference)
        + ",\"merchantSignature\":"
        + MiniJson.q(signature)
        + ",\"amount\":"
        + amount
        + ",\"currency\":"
        + MiniJson.q(currency)
        + ",\"authCode\":"
        + MiniJson.q(authCode)
        + ",\"email\":\"buyer@example.test\",\"phone\":\"380501234567\",\"createdDate\":"
        + now
        + ",\"processingDate\":"
        + now
        + ",\"cardPan\":"
        + MiniJson.q(cardPan)
        + ",\"cardType\":\"Visa\",\"issuerBankCountry\":\"980\",\"issuerBankName\":\"Privatbank\","
        + "\"recToken\":\"\",\"transactionStatus\":"
        + MiniJson.q(status)
        + ",\"reason\":"
        + MiniJson.q(approved ? "Ok" : "Declined")
        + ",\"reasonCode\":"
        + reasonCode
        + ",\"fee\":0,\"paymentSystem\":\"card\"}";
  }

  // ---- The API ---------------------------------------------------------------------------------

  private void api(HttpExchange x) throws IOException {
    Map<String, Object> r;
    try {
      r = MiniJson.object(StandInHttp.body(x));
    } catch (RuntimeException e) {
      StandInHttp.send(
          x, 400, "application/json", "{\"reason\":\"Bad request\",\"reasonCode\":1000}");
      return;
    }
    String type = MiniJson.text(r, "transactionType");
    String reference = MiniJson.text(r, "orderReference");
    String given = MiniJson.text(r, "merchantSignature");
    boolean merchantOk = merchantAccount.equals(MiniJson.text(r, "merchantAccount"));
    if (type.equals("CHECK_STATUS")) {
      checks.incrementAndGet();
      if (!merchantOk || !sign(merchantAccount, reference).equals(given)) {
        StandInHttp.send(x, 200, "application/json", error(reference, "Invalid signature", "1113"));
        return;
      }
      Order o = orders.get(reference);
      if (o == null) {
        StandInHttp.send(x, 200, "application/json", error(reference, "Order not found", "1112"));
        return;
      }
      StandInHttp.send(x, 200, "application/json", status(o));
    } else if (type.equals("REFUND")) {
      String amount = MiniJson.text(r, "amount");
      String currency = MiniJson.text(r, "currency");
      if (!merchantOk || !sign(merchantAccount, reference, amount, currency).equals(given)) {
        StandInHttp.send(x, 200, "application/json", error(reference, "Invalid signature", "1113"));
        return;
      }
      if (forgeRefunds) {
        StandInHttp.send(
            x,
            200,
            "application/json",
            "{\"merchantAccount\":"
                + MiniJson.q(merchantAccount)
                + ",\"orderReference\":"
                + MiniJson.q(reference)
                + ",\"transactionStatus\":\"Refunded\",\"reasonCode\":1100}");
        return;
      }
      Order o = orders.get(reference);
      String outcome;
      if (o == null || !(o.status.equals("Approved") || o.status.equals("Refunded"))) {
        outcome = "Declined";
      } else {
        BigDecimal done =
            o.refunds.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal asked = new BigDecimal(amount);
        if (asked.signum() <= 0 || done.add(asked).compareTo(new BigDecimal(o.amount)) > 0) {
          outcome = "Declined";
        } else {
          o.refunds.add(amount);
          if (done.add(asked).compareTo(new BigDecimal(o.amount)) == 0) {
            o.status = "Refunded";
          }
          outcome = "Refunded";
        }
      }
      String reasonCode = outcome.equals("Refunded") ? "1100" : "1101";
      StandInHttp.send(
          x,
          200,
          "application/json",
          "{\"merchantAccount\":"
              + MiniJson.q(merchantAccount)
              + ",\"orderReference\":"
              + MiniJson.q(reference)
              + ",\"transactionStatus\":"
              + MiniJson.q(outcome)
              + ",\"reason\":"
              + MiniJson.q(outcome.equals("Refunded") ? "Ok" : "Refund declined")
              + ",\"reasonCode\":"
              + reasonCode
              + ",\"merchantSignature\":"
              + MiniJson.q(sign(merchantAccount, reference, outcome, reasonCode))
              + "}");
    } else {
      StandInHttp.send(
          x, 200, "application/json", error(reference, "Unknown transaction type", "1000"));
    }
  }

  private String status(Order o) {
    boolean approved = o.status.equals("Approved") || o.status.equals("Refunded");
    String authCode = approved ? "541963" : "";
    String cardPan = approved ? "41****8217" : "";
    String reasonCode = approved ? "1100" : "1101";
    return "{\"merchantAccount\":"
        + MiniJson.q(merchantAccount)
        + ",\"reason\":"
        + MiniJson.q(approved ? "Ok" : o.status)
        + ",\"reasonCode\":"
        + reasonCode
        + ",\"orderReference\":"
        + MiniJson.q(o.reference)
        + ",\"amount\":"
        + o.amount
        + ",\"currency\":"
        + MiniJson.q(o.currency)
        + ",\"authCode\":"
        + MiniJson.q(authCode)
        + ",\"cardPan\":"
        + MiniJson.q(cardPan)
        + ",\"transactionStatus\":"
        + MiniJson.q(o.status)
        + ",\"merchantSignature\":"
        + MiniJson.q(
            sign(
                merchantAccount,
                o.reference,
                o.amount,
                o.currency,
                authCode,
                cardPan,
                o.status,
                reasonCode))
        + "}";
  }

  private String error(String reference, String reason, String code) {
    return "{\"merchantAccount\":"
        + MiniJson.q(merchantAccount)
        + ",\"orderReference\":"
        + MiniJson.q(reference)
        + ",\"reason\":"
        + MiniJson.q(reason)
        + ",\"reasonCode\":"
        + code
        + "}";
  }
}
