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

  /** What a story left behind: the two vendors, the checkout, its reward and the referrer. */
  private record Story(
      Api api,
      String adminToken,
      long vendorA,
      long vendorB,
      long checkout,
      long reward,
      long referrer) {}

  /**
   * A referred member buys from two vendors by card at the WayForPay stand-in; each vendor sees and
   * fulfils its own order and the buyer confirms completion. The reward is left pending.
   */
  private Story buyFromTwoVendorsByCard() throws Exception {
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

    // The referrer's reward waits for an admin (a card payment).
    long reward =
        number(
            "select id from ring.referral_rewards where referrer_id = ? and source_reference = ?",
            referrerId,
            reference);
    assertEquals("pending", sql("select status from ring.referral_rewards where id = ?", reward));
    long checkoutId = checkout.getJsonObject("checkout").getJsonNumber("id").longValue();
    assertTrue(
        number("select sum(referral_minor) from ring.orders where checkout_id = ?", checkoutId) > 0,
        "the first paid order of a referred buyer carries a share");
    return new Story(api, adminToken, vendorA, vendorB, checkoutId, reward, referrerId);
  }

  /** An admin approves or rejects the story's referral reward through the API. */
  private static HttpResponse<String> decide(Story story, String decision, String body)
      throws Exception {
    return story
        .api()
        .post(
            "/api/admin/referrals/rewards/" + story.reward() + "/" + decision,
            body,
            story.adminToken());
  }

  /** The hold period passes for the story's orders and the settlement job runs to completion. */
  private static void settle(Story story, boolean holdPassed) throws Exception {
    if (holdPassed) {
      sql(
          "update ring.orders set completed_at = now() - interval '30 days'"
              + " where vendor_id in (?, ?) returning id",
          story.vendorA(),
          story.vendorB());
    }
    Api api = story.api();
    long run = -1;
    for (int attempt = 0; attempt < 240 && run < 0; attempt++) {
      HttpResponse<String> r = api.post("/api/admin/settlements/run", "{}", story.adminToken());
      if (r.statusCode() == 202) {
        run = Api.json(r).getJsonNumber("id").longValue();
      } else {
        assertEquals(409, r.statusCode(), r.body());
        Thread.sleep(250);
      }
    }
    JsonObject done = null;
    for (int i = 0; i < 1200; i++) {
      done = Api.json(api.get("/api/admin/settlements/runs/" + run, story.adminToken()));
      if (!done.getBoolean("open")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("completed", done.getString("status"), done.toString());
  }

  private static long ofVendor(String column, long vendor) throws Exception {
    return number("select " + column + " from ring.orders where vendor_id = ?", vendor);
  }

  /** Everything paid out to the vendor so far. */
  private static long paidOut(long vendor) throws Exception {
    return number(
        "select coalesce(sum(amount_minor), 0) from ring.payouts where vendor_id = ?", vendor);
  }

  private static void assertBooksClosed(Story story) throws Exception {
    for (long vendor : List.of(story.vendorA(), story.vendorB())) {
      assertEquals(0, balance("vendor_payable:" + vendor, "UAH"), "nothing left owed to " + vendor);
      assertEquals(0, balance("vendor_adjustment:" + vendor, "UAH"), "no adjustment left");
    }
    JsonObject check = Api.json(story.api().get("/api/admin/ledger/check", story.adminToken()));
    assertTrue(check.getBoolean("sound"), check.toString());
    assertLedgerSound();
  }

  @Test
  void aReferredMemberBuysFromTwoVendorsByCardAndTheSettlementPaysEachVendorItsNet()
      throws Exception {
    Story story = buyFromTwoVendorsByCard();
    // The admin approves the reward: paid as credits.
    HttpResponse<String> approved = decide(story, "approve", "{}");
    assertEquals(200, approved.statusCode(), approved.body());
    long referralTotal =
        number(
            "select sum(referral_minor) from ring.orders where checkout_id = ?", story.checkout());
    assertEquals(referralTotal, balance("wallet:" + story.referrer(), "UAH"));

    // The hold period passes; the settlement job pays each vendor net of commission and referral.
    settle(story, true);
    for (long vendor : List.of(story.vendorA(), story.vendorB())) {
      long total = ofVendor("total_minor", vendor);
      long commission = ofVendor("commission_minor", vendor);
      assertEquals(
          Money.share(ofVendor("subtotal_minor", vendor), (int) ofVendor("commission_bps", vendor)),
          commission,
          "the commission frozen at checkout");
      assertEquals(
          total - commission - ofVendor("referral_minor", vendor),
          paidOut(vendor),
          "vendor " + vendor + " is paid its net");
    }
    assertEquals(
        2L,
        number(
            "select count(*) from ring.settlement_lines where order_id in"
                + " (select id from ring.orders where vendor_id in (?, ?))",
            story.vendorA(),
            story.vendorB()));
    assertBooksClosed(story);
  }

  @Test
  void aRewardRejectedBeforeSettlementLeavesTheWholeShareInTheVendorsPayout() throws Exception {
    Story story = buyFromTwoVendorsByCard();
    HttpResponse<String> rejected = decide(story, "reject", "{\"note\":\"self-referral ring\"}");
    assertEquals(200, rejected.statusCode(), rejected.body());
    assertEquals(0, balance("wallet:" + story.referrer(), "UAH"), "the referrer gets nothing");

    settle(story, true);
    for (long vendor : List.of(story.vendorA(), story.vendorB())) {
      long total = ofVendor("total_minor", vendor);
      long commission = ofVendor("commission_minor", vendor);
      assertEquals(total - commission, paidOut(vendor), "vendor " + vendor + " keeps its share");
      assertEquals(
          0L,
          number(
              "select l.referral_minor from ring.settlement_lines l join ring.orders o"
                  + " on o.id = l.order_id where o.vendor_id = ?",
              vendor),
          "the line deducts no share");
    }
    assertBooksClosed(story);
  }

  @Test
  void aRewardRejectedAfterSettlementIsPaidToTheVendorsWithTheirNextSettlement() throws Exception {
    Story story = buyFromTwoVendorsByCard();
    settle(story, true);
    for (long vendor : List.of(story.vendorA(), story.vendorB())) {
      assertEquals(
          ofVendor("total_minor", vendor)
              - ofVendor("commission_minor", vendor)
              - ofVendor("referral_minor", vendor),
          paidOut(vendor),
          "settled while the reward was pending: the share is held back");
    }
    HttpResponse<String> rejected = decide(story, "reject", "{}");
    assertEquals(200, rejected.statusCode(), rejected.body());
    for (long vendor : List.of(story.vendorA(), story.vendorB())) {
      assertEquals(
          ofVendor("referral_minor", vendor),
          balance("vendor_adjustment:" + vendor, "UAH"),
          "the share is owed to the vendor outside its orders");
    }

    // The next run pays it although the vendors sold nothing new, and only once.
    settle(story, false);
    settle(story, false);
    for (long vendor : List.of(story.vendorA(), story.vendorB())) {
      assertEquals(
          ofVendor("total_minor", vendor) - ofVendor("commission_minor", vendor),
          paidOut(vendor),
          "vendor " + vendor + " has now been paid its share too");
      assertEquals(
          ofVendor("referral_minor", vendor),
          number(
              "select adjustment_minor from ring.settlements where vendor_id = ?"
                  + " and adjustment_minor > 0",
              vendor));
    }
    assertBooksClosed(story);
  }

  @Test
  void aRefundWhileTheRewardIsPendingShrinksItAndTheApprovalPaysOnlyWhatIsLeft() throws Exception {
    Story story = buyFromTwoVendorsByCard();
    long orderA = ofVendor("id", story.vendorA());
    long shareA = ofVendor("referral_minor", story.vendorA());
    long shareB = ofVendor("referral_minor", story.vendorB());
    assertEquals(
        shareA + shareB,
        number("select amount_minor from ring.referral_rewards where id = ?", story.reward()));

    // Vendor A's order is refunded in full at the gateway stand-in while the reward waits.
    HttpResponse<String> refunded =
        story
            .api()
            .post(
                "/api/store/orders/" + orderA + "/refunds",
                "{\"reason\":\"Arrived broken\"}",
                story.adminToken());
    assertEquals(201, refunded.statusCode(), refunded.body());
    assertEquals(
        shareB,
        number("select amount_minor from ring.referral_rewards where id = ?", story.reward()),
        "the reward keeps only the share of the order not refunded");

    HttpResponse<String> approved = decide(story, "approve", "{}");
    assertEquals(200, approved.statusCode(), approved.body());
    assertEquals(shareB, balance("wallet:" + story.referrer(), "UAH"));

    // Vendor B is settled net of its share; vendor A, fully refunded, is paid nothing.
    settle(story, true);
    assertEquals(
        ofVendor("total_minor", story.vendorB())
            - ofVendor("commission_minor", story.vendorB())
            - shareB,
        paidOut(story.vendorB()));
    assertEquals(0, paidOut(story.vendorA()));
    assertBooksClosed(story);
  }

  @Test
  void aRefundAnswerWithoutTheGatewaysSignatureRefundsNothing() throws Exception {
    Story story = buyFromTwoVendorsByCard();
    long orderA = ofVendor("id", story.vendorA());
    long reward =
        number("select amount_minor from ring.referral_rewards where id = ?", story.reward());
    GatewayStandIns.wayForPay().forgeRefundAnswers(true);
    HttpResponse<String> r;
    try {
      r =
          story
              .api()
              .post(
                  "/api/store/orders/" + orderA + "/refunds",
                  "{\"reason\":\"Forged\"}",
                  story.adminToken());
    } finally {
      GatewayStandIns.wayForPay().forgeRefundAnswers(false);
    }
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"status\""), "a problem body: " + r.body());
    assertEquals(0L, ofVendor("refunded_minor", story.vendorA()));
    assertEquals(
        0L,
        number(
            "select count(*) from ring.refunds where order_id = ? and status = 'succeeded'",
            orderA));
    assertEquals(
        reward,
        number("select amount_minor from ring.referral_rewards where id = ?", story.reward()),
        "the reward is untouched");
    assertLedgerSound();
  }
}
