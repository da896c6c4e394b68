package org.ringplatform.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringplatform.store.order.OrderFixtures.assertLedgerSound;
import static org.ringplatform.store.order.OrderFixtures.balance;
import static org.ringplatform.store.order.OrderFixtures.number;
import static org.ringplatform.store.order.OrderFixtures.sql;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.HttpCookie;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.ledger.Money;
import org.ringplatform.store.order.OrderFixtures;
import org.ringplatform.store.order.StoreClient;
import org.ringplatform.testing.gateway.GatewayStandIns;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * The whole commerce story of issue 5, through the public API and the gateway stand-in: a referred
 * member buys from two vendors by card at WayForPay; both vendors see and fulfil their own order;
 * the admin approves the referrer's reward; the settlement job pays each vendor its sales net of
 * the commission frozen at checkout and of the referral share; and the ledger balances.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommerceStoryIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static HttpResponse<String> postForm(String url, Map<String, String> fields)
      throws Exception {
    return RingDeployment.http()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static void moved(StoreClient who, long orderId, String to) throws Exception {
    HttpResponse<String> r =
        who.post("/api/store/orders/" + orderId + "/transitions", "{\"to\":\"" + to + "\"}");
    assertEquals(200, r.statusCode(), to + ": " + r.body());
  }

  private static List<Long> ids(HttpResponse<String> page) {
    assertEquals(200, page.statusCode(), page.body());
    return Api.json(page).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getJsonNumber("id").longValue())
        .toList();
  }

  @Test
  void aReferredMemberBuysFromTwoVendorsByCardAndTheSettlementPaysEachVendorItsNet()
      throws Exception {
    GatewayStandIns.pointAt(base);
    Api api = new Api(base);
    String adminToken =
        api.accessToken(TestAccounts.create("story-admin", Role.ADMIN), TestAccounts.PASSWORD);

    // Two stores in different tiers, each with a product in stock.
    String ownerA = TestAccounts.create("story-vendor-a", Role.MEMBER);
    String ownerB = TestAccounts.create("story-vendor-b", Role.MEMBER);
    long vendorA = OrderFixtures.vendor(TestAccounts.id(ownerA), "starter");
    long vendorB = OrderFixtures.vendor(TestAccounts.id(ownerB), "growth");
    long lamp = OrderFixtures.stocked(vendorA, "Story lamp", 120000, 5);
    long honey = OrderFixtures.stocked(vendorB, "Story honey", 35000, 5);

    // The buyer arrived through a referrer's link.
    String referrer = TestAccounts.create("story-referrer", Role.MEMBER);
    long referrerId = TestAccounts.id(referrer);
    String code = OrderFixtures.referralCode(referrerId);
    String buyerEmail = TestAccounts.create("story-buyer", Role.SUBSCRIBER);
    StoreClient buyer = new StoreClient(base);
    HttpResponse<String> landing = buyer.get("/store?ref=" + code);
    assertTrue(landing.statusCode() < 400, "the shared link opens the store");
    assertTrue(
        buyer.cookies().getCookieStore().getCookies().stream()
            .map(HttpCookie::getName)
            .anyMatch("ring_ref"::equals),
        "the link leaves the first-touch cookie");
    buyer.signIn(buyerEmail, TestAccounts.PASSWORD);
    buyer.add(lamp, null, 1);
    buyer.add(honey, null, 2);

    // Checkout by card: one payment for two vendor orders, priced by the server.
    HttpResponse<String> placed =
        buyer.post(
            "/api/store/checkout", "{\"rail\":\"card\",\"shipping\":" + StoreClient.ADDRESS + "}");
    assertEquals(201, placed.statusCode(), placed.body());
    JsonObject checkout = Api.json(placed);
    assertEquals("FORM_POST", checkout.getString("gatewayMode"));
    List<JsonObject> orders =
        checkout.getJsonObject("checkout").getJsonArray("orders").getValuesAs(JsonObject.class);
    assertEquals(2, orders.size());
    long subtotal = 120000 + 2 * 35000;
    long shippingTotal =
        orders.stream().mapToLong(o -> o.getJsonNumber("shippingMinor").longValue()).sum();
    assertEquals(
        subtotal + shippingTotal,
        checkout.getJsonObject("checkout").getJsonNumber("totalMinor").longValue());

    // The buyer pays at the WayForPay stand-in, which calls back signed like the gateway.
    Map<String, String> fields =
        checkout.getJsonObject("gatewayFields").entrySet().stream()
            .collect(
                Collectors.toMap(Map.Entry::getKey, e -> ((JsonString) e.getValue()).getString()));
    String reference = fields.get("orderReference");
    assertEquals(200, postForm(checkout.getString("gatewayUrl"), fields).statusCode());
    assertEquals(
        200,
        postForm(
                GatewayStandIns.wayForPay().url() + "/pay/complete",
                Map.of("orderReference", reference))
            .statusCode());
    assertEquals(
        "paid", sql("select status from ring.payment_transactions where reference = ?", reference));

    // Each vendor sees its own order, paid, and fulfils it; the buyer confirms completion.
    StoreClient a = new StoreClient(base).signIn(ownerA, TestAccounts.PASSWORD);
    StoreClient b = new StoreClient(base).signIn(ownerB, TestAccounts.PASSWORD);
    List<Long> seenByA = ids(a.get("/api/store/vendor/orders"));
    List<Long> seenByB = ids(b.get("/api/store/vendor/orders"));
    assertEquals(1, seenByA.size());
    assertEquals(1, seenByB.size());
    for (var entry : Map.of(seenByA.get(0), a, seenByB.get(0), b).entrySet()) {
      long order = entry.getKey();
      assertEquals("paid", sql("select status from ring.orders where id = ?", order));
      moved(entry.getValue(), order, "fulfilling");
      moved(entry.getValue(), order, "shipped");
      moved(entry.getValue(), order, "delivered");
      moved(buyer, order, "completed");
    }

    // The referrer's reward waits for an admin (a card payment), who approves it: paid as credits.
    long reward =
        number(
            "select id from ring.referral_rewards where referrer_id = ? and source_reference = ?",
            referrerId,
            reference);
    assertEquals("pending", sql("select status from ring.referral_rewards where id = ?", reward));
    HttpResponse<String> approved =
        api.post("/api/admin/referrals/rewards/" + reward + "/approve", "{}", adminToken);
    assertEquals(200, approved.statusCode(), approved.body());
    long referralTotal =
        number(
            "select sum(referral_minor) from ring.orders where checkout_id = ?",
            checkout.getJsonObject("checkout").getJsonNumber("id").longValue());
    assertTrue(referralTotal > 0, "the first paid order of a referred buyer carries a share");
    assertEquals(referralTotal, balance("wallet:" + referrerId, "UAH"));

    // The hold period passes; the settlement job pays each vendor net of commission and referral.
    sql(
        "update ring.orders set completed_at = now() - interval '30 days' where vendor_id in (?, ?)"
            + " returning id",
        vendorA,
        vendorB);
    long run = -1;
    for (int attempt = 0; attempt < 240 && run < 0; attempt++) {
      HttpResponse<String> r = api.post("/api/admin/settlements/run", "{}", adminToken);
      if (r.statusCode() == 202) {
        run = Api.json(r).getJsonNumber("id").longValue();
      } else {
        assertEquals(409, r.statusCode(), r.body());
        Thread.sleep(250);
      }
    }
    JsonObject done = null;
    for (int i = 0; i < 1200; i++) {
      done = Api.json(api.get("/api/admin/settlements/runs/" + run, adminToken));
      if (!done.getBoolean("open")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("completed", done.getString("status"), done.toString());
    for (long vendor : List.of(vendorA, vendorB)) {
      long total = number("select total_minor from ring.orders where vendor_id = ?", vendor);
      long bps = number("select commission_bps from ring.orders where vendor_id = ?", vendor);
      long referral = number("select referral_minor from ring.orders where vendor_id = ?", vendor);
      long commission =
          number("select commission_minor from ring.orders where vendor_id = ?", vendor);
      assertEquals(
          Money.share(
              number("select subtotal_minor from ring.orders where vendor_id = ?", vendor),
              (int) bps),
          commission,
          "the commission frozen at checkout");
      assertEquals(
          total - commission - referral,
          number("select amount_minor from ring.payouts where vendor_id = ?", vendor),
          "vendor " + vendor + " is paid its net");
    }
    assertEquals(
        2L,
        number(
            "select count(*) from ring.settlement_lines where order_id in"
                + " (select id from ring.orders where vendor_id in (?, ?))",
            vendorA,
            vendorB));
    JsonObject check = Api.json(api.get("/api/admin/ledger/check", adminToken));
    assertTrue(check.getBoolean("sound"), check.toString());
    assertLedgerSound();
  }
}
