package org.ringplatform.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringplatform.payment.PaymentTesting.entries;
import static org.ringplatform.payment.PaymentTesting.entriesFor;
import static org.ringplatform.payment.PaymentTesting.history;
import static org.ringplatform.payment.PaymentTesting.status;
import static org.ringplatform.payment.PaymentTesting.wallet;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.gateway.GatewayStandIns;
import org.ringplatform.testing.gateway.StripeStandIn;
import org.ringplatform.testing.gateway.WayForPayStandIn;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * Card payments end to end through the gateway stand-ins: a credits top-up through WayForPay and
 * through Stripe reaches the wallet exactly once; forged, stale and tampered callbacks get 400 and
 * change nothing; an amount or currency that differs never pays; refunds go back through each
 * processor once per key; a lost callback is recovered by reconciliation; starts are idempotent by
 * the client's key; and the ledger stays sound throughout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private PaymentTesting t;
  private Api api;
  private final WayForPayStandIn wfp = GatewayStandIns.wayForPay();
  private final StripeStandIn stripe = GatewayStandIns.stripe();

  @BeforeEach
  void pointTheStandInsHere() {
    GatewayStandIns.pointAt(base);
    t = new PaymentTesting(base);
    api = t.api();
  }

  @AfterEach
  void theLedgerBalances() throws Exception {
    wfp.dropCallbacks(false);
    PaymentTesting.assertLedgerSound();
  }

  /** A new payer: email, id and access token. */
  private record Payer(String email, long id, String token) {}

  private Payer payer() throws Exception {
    String email = TestAccounts.create("payer", Role.SUBSCRIBER);
    return new Payer(email, TestAccounts.id(email), api.accessToken(email, TestAccounts.PASSWORD));
  }

  private String admin() throws Exception {
    return api.accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
  }

  /** What a browser does with a FORM_POST step: posts the fields to the gateway's page. */
  private HttpResponse<String> postForm(String url, Map<String, String> fields) throws Exception {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return RingDeployment.http()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> fields(JsonObject step) {
    return step.getJsonObject("fields").entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, e -> ((jakarta.json.JsonString) e.getValue()).getString()));
  }

  /** Pays a WayForPay step at the stand-in's page: the form is checked, then "Pay". */
  private void payAtWayForPay(JsonObject step) throws Exception {
    HttpResponse<String> page = postForm(step.getString("url"), fields(step));
    assertEquals(200, page.statusCode(), "the stand-in accepts the signed form: " + page.body());
    assertTrue(page.body().contains(step.getString("reference")));
    HttpResponse<String> paid =
        postForm(
            wfp.url() + "/pay/complete", Map.of("orderReference", step.getString("reference")));
    assertEquals(200, paid.statusCode());
  }

  private JsonObject checkout(String token, String reference) throws Exception {
    HttpResponse<String> r = api.post("/api/payments/" + reference + "/checkout", null, token);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  /** Pays a Stripe payment at the stand-in's hosted page; returns where the browser goes next. */
  private String payAtStripe(String token, String reference) throws Exception {
    JsonObject step = checkout(token, reference);
    assertEquals("NAVIGATE", step.getString("mode"));
    String sessionUrl = step.getString("url");
    assertEquals(
        200,
        RingDeployment.http()
            .send(
                HttpRequest.newBuilder(URI.create(sessionUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode());
    HttpResponse<String> paid = postForm(sessionUrl + "/pay", Map.of());
    assertEquals(303, paid.statusCode());
    return paid.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void aTopUpThroughWayForPayReachesTheWalletExactlyOnce() throws Exception {
    Payer p = payer();
    JsonObject step = t.topUp(p.token(), 15_050, "wayforpay");
    String ref = step.getString("reference");
    assertTrue(ref.startsWith("wallettopup_" + p.id() + "_"), ref);
    assertEquals("FORM_POST", step.getString("mode"));
    assertEquals(wfp.url() + "/pay", step.getString("url"));
    Map<String, String> f = fields(step);
    assertEquals("150.5", f.get("amount"), "sent in the form WayForPay signs");
    assertEquals("http://ring.test/api/payments/webhooks/wayforpay", f.get("serviceUrl"));
    assertEquals("http://ring.test/payment-return?ref=" + ref, f.get("returnUrl"));
    int accepts = wfp.acceptsVerified();

    payAtWayForPay(step);

    assertEquals("paid", status(ref));
    assertEquals(15_050, wallet(p.id()));
    assertEquals(1, entries("payment:" + ref));
    assertEquals(1, entries("topup:" + ref));
    assertEquals(accepts + 1, wfp.acceptsVerified(), "our accept answer is signed as documented");
    assertEquals(List.of("created", "paid"), history(ref));
    assertEquals(
        "8217",
        TestAccounts.query(
            "select card_last4 from ring.payment_transactions where reference = ?", ref));

    // WayForPay repeats the callback until it sees an accept: the repeat changes nothing.
    String again = wfp.callback(ref, "Approved", "150.5", "UAH", GatewayStandIns.WFP_SECRET);
    HttpResponse<String> repeat = t.webhook("wayforpay", again);
    assertEquals(200, repeat.statusCode());
    assertEquals("accept", Api.json(repeat).getString("status"));
    assertEquals(15_050, wallet(p.id()));
    assertEquals(2, entriesFor(ref), "one payment entry, one top-up entry");
    assertEquals(
        "duplicate",
        TestAccounts.query(
            "select outcome from ring.webhook_log where reference = ? order by id desc limit 1",
            ref));

    // The payer sees it; nobody else does, except admins.
    HttpResponse<String> mine = api.get("/api/payments/" + ref, p.token());
    assertEquals(200, mine.statusCode());
    assertEquals("paid", Api.json(mine).getString("status"));
    assertTrue(Api.json(mine).getBoolean("settled"));
    assertEquals(404, api.get("/api/payments/" + ref, payer().token()).statusCode());
    assertEquals(200, api.get("/api/payments/" + ref, admin()).statusCode());
  }

  @Test
  void aTopUpThroughStripeReachesTheWalletExactlyOnce() throws Exception {
    Payer p = payer();
    JsonObject step = t.topUp(p.token(), 20_000, "stripe");
    String ref = step.getString("reference");
    assertEquals("NAVIGATE", step.getString("mode"));
    assertEquals("/pay?ref=" + ref, step.getString("url"));
    int created = stripe.sessionsCreated();
    JsonObject first = checkout(p.token(), ref);
    JsonObject second = checkout(p.token(), ref);
    assertEquals(first.getString("url"), second.getString("url"), "one Checkout Session");
    assertEquals(created + 1, stripe.sessionsCreated());
    assertEquals("redirected", status(ref));

    String back = payAtStripe(p.token(), ref);

    assertTrue(back.endsWith("/payment-return?ref=" + ref), back);
    assertEquals("paid", status(ref));
    assertEquals(20_000, wallet(p.id()));
    assertEquals(1, entries("payment:" + ref));
    assertEquals(1, entries("topup:" + ref));
    assertEquals(List.of("created", "redirected", "paid"), history(ref));
    HttpResponse<String> returned =
        RingDeployment.http()
            .send(
                HttpRequest.newBuilder(URI.create(back)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(303, returned.statusCode());
    assertTrue(
        returned
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .endsWith("/payment-result?ref=" + ref));

    // Stripe retries a delivery (same event, new signature time): no second effect.
    StripeStandIn.Session s = stripe.sessionFor(ref);
    String event =
        StripeStandIn.event(
            "checkout.session.completed",
            StripeStandIn.sessionJson(ref, s.id(), 20_000, "uah", "complete", "paid", "pi_x"));
    long now = System.currentTimeMillis() / 1000;
    String header = StripeStandIn.signature(event, now, GatewayStandIns.STRIPE_WEBHOOK_SECRET);
    assertEquals(200, t.webhook("stripe", event, "Stripe-Signature", header).statusCode());
    assertEquals(200, t.webhook("stripe", event, "Stripe-Signature", header).statusCode());
    assertEquals(20_000, wallet(p.id()));
    assertEquals(1, entries("payment:" + ref));
  }

  @Test
  void forgedStaleAndTamperedCallbacksGet400AndChangeNothing() throws Exception {
    Payer p = payer();
    String wref = t.topUp(p.token(), 10_000, "wayforpay").getString("reference");
    String sref = t.topUp(p.token(), 10_000, "stripe").getString("reference");
    long rejected = PaymentTesting.logged("rejected");
    String secret = GatewayStandIns.WFP_SECRET;

    List<String> wayForPayForgeries =
        List.of(
            wfp.callback(wref, "Approved", "100", "UAH", "not-the-secret"),
            wfp.callback(wref, "Approved", "1", "UAH", secret)
                .replace("\"amount\":1,", "\"amount\":100,"),
            wfp.callback(wref, "Declined", "100", "UAH", secret).replace("Declined", "Approved"),
            wfp.callback(wref, "Approved", "100", "UAH", secret)
                .replace("test_merch_n1", "other_merchant"),
            "{not json",
            "");
    for (String forged : wayForPayForgeries) {
      HttpResponse<String> r = t.webhook("wayforpay", forged);
      assertEquals(400, r.statusCode(), forged);
      assertTrue(
          r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    long now = System.currentTimeMillis() / 1000;
    String whsec = GatewayStandIns.STRIPE_WEBHOOK_SECRET;
    String event =
        StripeStandIn.event(
            "checkout.session.completed",
            StripeStandIn.sessionJson(
                sref, "cs_forged", 10_000, "uah", "complete", "paid", "pi_f"));
    String good = StripeStandIn.signature(event, now, whsec);
    // Stale and future timestamps lie well past the 300 s tolerance, so a slow machine does not
    // blur
    // the edge (StripeSignatureTest checks the edge to the second).
    String[][] stripeForgeries = {
      {event, null},
      {event.replace("10000", "10001"), good},
      {event, StripeStandIn.signature(event, now, "whsec_wrong")},
      {event, StripeStandIn.signature(event, now - 400, whsec)},
      {event, StripeStandIn.signature(event, now + 400, whsec)},
      {event, good.replace("v1=", "v0=")},
      {event, "t=" + now},
    };
    for (String[] forged : stripeForgeries) {
      HttpResponse<String> r =
          forged[1] == null
              ? t.webhook("stripe", forged[0])
              : t.webhook("stripe", forged[0], "Stripe-Signature", forged[1]);
      assertEquals(400, r.statusCode(), String.valueOf(forged[1]));
    }

    for (String ref : List.of(wref, sref)) {
      assertEquals("created", status(ref));
      assertEquals(0, entriesFor(ref));
      assertEquals(List.of("created"), history(ref));
    }
    assertEquals(0, wallet(p.id()));
    assertEquals(
        rejected + wayForPayForgeries.size() + stripeForgeries.length,
        PaymentTesting.logged("rejected"),
        "every refused delivery is in the log");
    assertEquals(
        0L,
        PaymentTesting.count(
            "select count(*) from ring.webhook_log where detail like '%whsec%'"
                + " or detail like '%FNJRET%' or body_sha256 !~ '^[0-9a-f]{64}$'"),
        "the log holds body hashes, never a secret");

    // The genuine delivery still works afterwards.
    assertEquals(200, t.webhook("stripe", event, "Stripe-Signature", good).statusCode());
    assertEquals("paid", status(sref));
    assertEquals(10_000, wallet(p.id()));
  }

  @Test
  void anAmountOrCurrencyThatDiffersNeverMarksAPaymentPaid() throws Exception {
    Payer p = payer();
    String wref = t.topUp(p.token(), 10_000, "wayforpay").getString("reference");
    String sref = t.topUp(p.token(), 10_000, "stripe").getString("reference");
    String secret = GatewayStandIns.WFP_SECRET;
    String whsec = GatewayStandIns.STRIPE_WEBHOOK_SECRET;
    long now = System.currentTimeMillis() / 1000;

    // Correctly signed, wrong amount: acknowledged (retrying cannot help), never paid.
    assertEquals(
        200,
        t.webhook("wayforpay", wfp.callback(wref, "Approved", "99.99", "UAH", secret))
            .statusCode());
    assertEquals(
        200,
        t.webhook("wayforpay", wfp.callback(wref, "Approved", "100", "USD", secret)).statusCode());
    for (String[] wrong : new String[][] {{"9999", "uah"}, {"10000", "usd"}}) {
      String e =
          StripeStandIn.event(
              "checkout.session.completed",
              StripeStandIn.sessionJson(
                  sref,
                  "cs_wrong",
                  Long.parseLong(wrong[0]),
                  wrong[1],
                  "complete",
                  "paid",
                  "pi_w"));
      assertEquals(
          200,
          t.webhook("stripe", e, "Stripe-Signature", StripeStandIn.signature(e, now, whsec))
              .statusCode());
    }
    for (String ref : List.of(wref, sref)) {
      assertEquals("created", status(ref));
      assertEquals(0, entriesFor(ref));
      assertEquals(List.of("created", "check_failed", "check_failed"), history(ref));
    }
    assertEquals(0, wallet(p.id()));
    assertTrue(PaymentTesting.logged("amount_mismatch") >= 4);

    // "100.00" is the same amount as 100: it pays.
    assertEquals(
        200,
        t.webhook("wayforpay", wfp.callback(wref, "Approved", "100.00", "UAH", secret))
            .statusCode());
    assertEquals("paid", status(wref));
    assertEquals(10_000, wallet(p.id()));
  }

  @Test
  void declinesAfterPaymentAreIgnoredAndPaymentAfterADeclineCounts() throws Exception {
    Payer p = payer();
    String secret = GatewayStandIns.WFP_SECRET;
    String a = t.topUp(p.token(), 5_000, "wayforpay").getString("reference");
    assertEquals(
        200, t.webhook("wayforpay", wfp.callback(a, "Approved", "50", "UAH", secret)).statusCode());
    assertEquals(
        200, t.webhook("wayforpay", wfp.callback(a, "Declined", "50", "UAH", secret)).statusCode());
    assertEquals(
        200, t.webhook("wayforpay", wfp.callback(a, "Pending", "50", "UAH", secret)).statusCode());
    assertEquals("paid", status(a));

    String b = t.topUp(p.token(), 7_000, "wayforpay").getString("reference");
    assertEquals(
        200, t.webhook("wayforpay", wfp.callback(b, "Declined", "70", "UAH", secret)).statusCode());
    assertEquals("failed", status(b));
    assertEquals(
        200, t.webhook("wayforpay", wfp.callback(b, "Approved", "70", "UAH", secret)).statusCode());
    assertEquals("paid", status(b));
    assertEquals(List.of("created", "failed", "paid"), history(b));
    assertEquals(12_000, wallet(p.id()));
  }

  @Test
  void refundsGoBackThroughEachProcessorOncePerKey() throws Exception {
    String admin = admin();
    Payer p = payer();
    JsonObject step = t.topUp(p.token(), 30_000, "wayforpay");
    String wref = step.getString("reference");
    payAtWayForPay(step);
    String sref = t.topUp(p.token(), 40_000, "stripe").getString("reference");
    payAtStripe(p.token(), sref);
    assertEquals(70_000, wallet(p.id()));
    int stripeRefunds = stripe.refundsMade();

    for (String ref : List.of(wref, sref)) {
      String k1 = "refund-1-" + ref;
      String body = "{\"amountMinor\":10000,\"idempotencyKey\":\"" + k1 + "\",\"reason\":\"test\"}";
      HttpResponse<String> first = api.post("/api/admin/payments/" + ref + "/refund", body, admin);
      assertEquals(200, first.statusCode(), first.body());
      assertTrue(Api.json(first).getBoolean("succeeded"));
      assertEquals("partially_refunded", status(ref));
      HttpResponse<String> again = api.post("/api/admin/payments/" + ref + "/refund", body, admin);
      assertEquals(200, again.statusCode(), again.body());
      assertEquals(1, entries("refund:" + k1), "the same key refunds once");
      assertEquals(1, entries("topup-refund:" + k1));
      HttpResponse<String> otherAmount =
          api.post(
              "/api/admin/payments/" + ref + "/refund",
              "{\"amountMinor\":500,\"idempotencyKey\":\"" + k1 + "\"}",
              admin);
      assertEquals(422, otherAmount.statusCode(), otherAmount.body());
      assertEquals("idempotency_key_reused", Api.json(otherAmount).getString("code"));
      long rest = ref.equals(wref) ? 20_000 : 30_000;
      HttpResponse<String> all =
          api.post(
              "/api/admin/payments/" + ref + "/refund",
              "{\"amountMinor\":" + rest + ",\"idempotencyKey\":\"refund-2-" + ref + "\"}",
              admin);
      assertEquals(200, all.statusCode(), all.body());
      assertEquals("refunded", status(ref));
      HttpResponse<String> more =
          api.post(
              "/api/admin/payments/" + ref + "/refund",
              "{\"amountMinor\":1,\"idempotencyKey\":\"refund-3-" + ref + "\"}",
              admin);
      assertEquals(409, more.statusCode(), more.body());
    }
    assertEquals(List.of("100", "200"), wfp.order(wref).refunds());
    assertEquals(stripeRefunds + 2, stripe.refundsMade());
    assertEquals(0, wallet(p.id()));
    // Stripe announces its refunds with charge.refunded; Ring already booked them.
    Thread.sleep(1500);
    assertEquals(
        0L,
        PaymentTesting.count(
            "select count(*) from ring.ledger_entries where idempotency_key like 'refund:gateway:%'"
                + " and reference = '"
                + sref
                + "'"));
    HttpResponse<String> detail = api.get("/api/admin/payments/" + sref, admin);
    assertEquals(200, detail.statusCode());
    assertEquals(2, Api.json(detail).getJsonArray("refunds").size());
    assertEquals(
        403,
        api.post(
                "/api/admin/payments/" + sref + "/refund",
                "{\"amountMinor\":1,\"idempotencyKey\":\"x\"}",
                p.token())
            .statusCode());
  }

  @Test
  void aLostCallbackIsRecoveredByReconciliation() throws Exception {
    String admin = admin();
    Payer p = payer();
    JsonObject step = t.topUp(p.token(), 12_300, "wayforpay");
    String wref = step.getString("reference");
    wfp.dropCallbacks(true);
    payAtWayForPay(step);
    wfp.dropCallbacks(false);
    assertEquals("created", status(wref), "the callback was lost");
    int checks = wfp.checks();
    HttpResponse<String> r = api.post("/api/admin/payments/" + wref + "/reconcile", null, admin);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("paid", Api.json(r).getString("status"));
    assertEquals(checks + 1, wfp.checks());
    assertEquals(12_300, wallet(p.id()));
    assertEquals(List.of("created", "paid"), history(wref));

    String sref = t.topUp(p.token(), 4_500, "stripe").getString("reference");
    checkout(p.token(), sref);
    StripeStandIn.Session s = stripe.sessionFor(sref);
    stripe.markPaid(s);
    HttpResponse<String> viaPage = api.get("/api/payments/" + sref, p.token());
    assertEquals("redirected", Api.json(viaPage).getString("status"));
    assertEquals(
        200, api.post("/api/admin/payments/" + sref + "/reconcile", null, admin).statusCode());
    assertEquals("paid", status(sref));
    assertEquals(12_300 + 4_500, wallet(p.id()));
    // The late webhook after reconciliation changes nothing.
    assertEquals(200, stripe.complete(s));
    assertEquals(1, entries("payment:" + sref));
    assertEquals(12_300 + 4_500, wallet(p.id()));
  }

  @Test
  void startsAreIdempotentByTheClientsKey() throws Exception {
    Payer p = payer();
    String body = "{\"amountMinor\":2500,\"processor\":\"wayforpay\"}";
    HttpResponse<String> first = call("/api/payments/topups", body, p.token(), "key-1");
    HttpResponse<String> second = call("/api/payments/topups", body, p.token(), "key-1");
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(201, second.statusCode());
    assertEquals(Api.json(first).getString("reference"), Api.json(second).getString("reference"));
    assertEquals(Api.json(first).getJsonObject("fields"), Api.json(second).getJsonObject("fields"));
    HttpResponse<String> changed =
        call(
            "/api/payments/topups",
            "{\"amountMinor\":2600,\"processor\":\"wayforpay\"}",
            p.token(),
            "key-1");
    assertEquals(422, changed.statusCode(), changed.body());
    assertEquals("idempotency_key_reused", Api.json(changed).getString("code"));
    HttpResponse<String> otherPayer = call("/api/payments/topups", body, payer().token(), "key-1");
    assertEquals(201, otherPayer.statusCode(), "keys are per payer");
    assertNotEquals(
        Api.json(first).getString("reference"), Api.json(otherPayer).getString("reference"));
    assertEquals(
        1L,
        PaymentTesting.count(
            "select count(*) from ring.payment_transactions where user_id = " + p.id()));

    assertEquals(
        "return_url_invalid",
        Api.json(
                api.post(
                    "/api/payments/topups",
                    "{\"amountMinor\":2500,\"returnUrl\":\"https://evil.example/x\"}",
                    p.token()))
            .getString("code"));
    assertEquals(
        "amount_out_of_range",
        Api.json(api.post("/api/payments/topups", "{\"amountMinor\":1}", p.token()))
            .getString("code"));
    HttpResponse<String> paypal =
        api.post(
            "/api/payments/topups", "{\"amountMinor\":2500,\"processor\":\"paypal\"}", p.token());
    assertEquals(400, paypal.statusCode());
    assertEquals("processor_unknown", Api.json(paypal).getString("code"));
    assertFalse(
        PaymentTesting.count(
                "select count(*) from ring.payment_transactions where user_id = " + p.id())
            > 1,
        "refused starts store nothing");
  }

  @Test
  void thePaymentsApiIsInTheOpenApiDocument() throws Exception {
    HttpResponse<String> openapi = RingDeployment.get(base, "/openapi");
    assertEquals(200, openapi.statusCode());
    for (String path :
        List.of(
            "/api/payments/webhooks/stripe",
            "/api/payments/webhooks/wayforpay",
            "/api/payments/{reference}",
            "/api/payments/topups",
            "/api/admin/payments/{reference}/reconcile",
            "/api/admin/payments/webhooks")) {
      assertTrue(openapi.body().contains(path), path);
    }
  }

  private HttpResponse<String> call(String path, String body, String token, String key)
      throws Exception {
    return RingDeployment.http()
        .send(
            HttpRequest.newBuilder(RingDeployment.at(base, path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
