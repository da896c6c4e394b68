package org.ringplatform.store.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.MoneyFixtures;
import org.ringplatform.testing.web.MoneyFixtures.Vendor;
import org.ringplatform.testing.web.TestAccounts;

/**
 * Refunds on a real server and database (§9.6, §20 item 9): full and partial refunds by the vendor
 * or an admin undo the sale's allocation in proportion and to the cent, send the credits back to
 * the buyer's wallet and move the order through refund requested; more than is left is refused,
 * also when two refunds race; a retried request refunds once; the goods return to stock once; a
 * refund after settlement is clawed back from the vendor's next settlement; a processor's refusal
 * leaves the order refund requested with nothing of the refund written. The ledger balances after
 * every scenario.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefundIT {

  private static final long DAY = 24 * 60;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MoneyFixtures.deployment();
  }

  @ArquillianResource URL base;

  private String admin;

  private String admin() throws Exception {
    if (admin == null) {
      admin =
          new Api(base)
              .accessToken(TestAccounts.create("refund-admin", Role.ADMIN), TestAccounts.PASSWORD);
    }
    return admin;
  }

  private String tokenOf(String email) throws Exception {
    return new Api(base).accessToken(email, TestAccounts.PASSWORD);
  }

  private static String emailOf(long userId) throws Exception {
    return (String) TestAccounts.query("select email from ring.users where id = ?", userId);
  }

  private static long number(String sql, Object... params) throws Exception {
    return MoneyFixtures.number(sql, params);
  }

  private static long wallet(long user) throws Exception {
    return MoneyFixtures.balance("wallet:" + user, "UAH");
  }

  private HttpResponse<String> refund(long order, String body, String token) throws Exception {
    return new Api(base).post("/api/store/orders/" + order + "/refunds", body, token);
  }

  private static String status(long order) throws Exception {
    return (String) TestAccounts.query("select status from ring.orders where id = ?", order);
  }

  @Test
  void aFullRefundReversesTheSaleToTheCentAndReturnsTheCreditsToTheWallet() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Vendor v = MoneyFixtures.vendor("full");
    long buyer = TestAccounts.id(TestAccounts.create("buyer", Role.MEMBER));
    long order = f.order(v, buyer, 10_000, 2_000, 500, 1, "completed", 60L);
    long wallet = wallet(buyer);
    long payable = MoneyFixtures.balance("vendor_payable:" + v.id(), "UAH");
    long commission = MoneyFixtures.balance("platform_commission", "UAH");
    long referral = MoneyFixtures.balance("referral_payable", "UAH");

    HttpResponse<String> r = refund(order, "{\"reason\":\"Wrong size\"}", tokenOf(v.ownerEmail()));
    assertEquals(201, r.statusCode(), r.body());
    JsonObject refund = Api.json(r);
    assertEquals("succeeded", refund.getString("status"));
    assertEquals(10_000, refund.getJsonNumber("amountMinor").longValue());
    assertEquals(2_000, refund.getJsonNumber("commissionMinor").longValue());
    assertEquals(500, refund.getJsonNumber("referralMinor").longValue());
    assertEquals(7_500, refund.getJsonNumber("vendorMinor").longValue());

    assertEquals("refunded", status(order));
    assertEquals(10_000, number("select refunded_minor from ring.orders where id = ?", order));
    assertEquals(
        // The store recorded the payment; the refund its request and its completion.
        "pending_payment>paid,completed>refund_requested,refund_requested>refunded",
        TestAccounts.query(
            "select string_agg(from_status || '>' || to_status, ',' order by id)"
                + " from ring.order_events where order_id = ?",
            order));
    assertEquals(wallet + 10_000, wallet(buyer), "the credits went back to the wallet");
    assertEquals(payable - 7_500, MoneyFixtures.balance("vendor_payable:" + v.id(), "UAH"));
    assertEquals(commission - 2_000, MoneyFixtures.balance("platform_commission", "UAH"));
    assertEquals(referral - 500, MoneyFixtures.balance("referral_payable", "UAH"));
    assertEquals(
        "refunded",
        TestAccounts.query(
            "select t.status from ring.payment_transactions t join ring.orders o"
                + " on o.checkout_id = t.subject_id where o.id = ? and t.purpose = 'store_order'",
            order));
    long id = refund.getJsonNumber("id").longValue();
    assertEquals(
        2,
        number(
            "select count(*) from ring.ledger_entries where idempotency_key in (?, ?)",
            "refund-alloc:" + id,
            "refund:store-refund-" + id));
    // Nothing is left to refund.
    assertEquals(
        409, refund(order, "{\"reason\":\"Again\"}", tokenOf(v.ownerEmail())).statusCode());
    assertTrue(f.ledgerSound(admin()));
  }

  @Test
  void partialRefundsAddUpToTheOrderAndMoreThanIsLeftIsRefused() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Vendor v = MoneyFixtures.vendor("partial");
    long buyer = TestAccounts.id(TestAccounts.create("buyer", Role.MEMBER));
    long order = f.order(v, buyer, 10_001, 2_000, 501, 1, "delivered", null);
    String owner = tokenOf(v.ownerEmail());

    HttpResponse<String> first =
        refund(order, "{\"amountMinor\":3333,\"reason\":\"Missing part\"}", owner);
    assertEquals(201, first.statusCode(), first.body());
    assertEquals("partially_refunded", status(order));
    HttpResponse<String> second =
        refund(order, "{\"amountMinor\":3333,\"reason\":\"Another part\"}", admin());
    assertEquals(201, second.statusCode(), second.body());
    assertEquals("partially_refunded", status(order));
    HttpResponse<String> tooMuch =
        refund(order, "{\"amountMinor\":3336,\"reason\":\"Too much\"}", owner);
    assertEquals(400, tooMuch.statusCode(), tooMuch.body());
    assertEquals("refund_too_large", Api.json(tooMuch).getString("code"));
    assertEquals(400, refund(order, "{\"amountMinor\":0,\"reason\":\"None\"}", owner).statusCode());
    assertEquals(
        400, refund(order, "{\"amountMinor\":-5,\"reason\":\"Negative\"}", owner).statusCode());
    assertEquals(400, refund(order, "{\"amountMinor\":100}", owner).statusCode(), "no reason");
    assertEquals(6_666, number("select refunded_minor from ring.orders where id = ?", order));

    HttpResponse<String> rest = refund(order, "{\"reason\":\"The rest\"}", owner);
    assertEquals(201, rest.statusCode(), rest.body());
    assertEquals(3_335, Api.json(rest).getJsonNumber("amountMinor").longValue());
    assertEquals("refunded", status(order));
    // Each refund's parts add up to it; all of them to the order's parts.
    assertEquals(
        0,
        number(
            "select count(*) from ring.refunds where order_id = ?"
                + " and commission_minor + referral_minor + vendor_minor <> amount_minor",
            order));
    assertEquals(
        "10001/2000/501/7500",
        TestAccounts.query(
            "select sum(amount_minor) || '/' || sum(commission_minor) || '/'"
                + " || sum(referral_minor) || '/' || sum(vendor_minor) from ring.refunds"
                + " where order_id = ? and status = 'succeeded'",
            order));
    assertEquals(0, MoneyFixtures.balance("vendor_payable:" + v.id(), "UAH"));
    assertTrue(f.ledgerSound(admin()));
  }

  @Test
  void aRetriedRefundWithTheSameKeyRefundsOnce() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Vendor v = MoneyFixtures.vendor("retry");
    long buyer = TestAccounts.id(TestAccounts.create("buyer", Role.MEMBER));
    long order = f.order(v, buyer, 5_000, 1_000, 0, 1, "completed", 60L);
    long wallet = wallet(buyer);
    String body =
        "{\"amountMinor\":2000,\"reason\":\"Late\",\"idempotencyKey\":\"retry-" + order + "\"}";

    HttpResponse<String> first = refund(order, body, tokenOf(v.ownerEmail()));
    HttpResponse<String> again = refund(order, body, tokenOf(v.ownerEmail()));
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(Api.json(first).getJsonNumber("id"), Api.json(again).getJsonNumber("id"));
    assertEquals(1, number("select count(*) from ring.refunds where order_id = ?", order));
    assertEquals(wallet + 2_000, wallet(buyer));
    assertEquals(2_000, number("select refunded_minor from ring.orders where id = ?", order));
  }

  @Test
  void twoRefundsRacingForWhatIsLeftRefundItOnce() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Vendor v = MoneyFixtures.vendor("race");
    long buyer = TestAccounts.id(TestAccounts.create("buyer", Role.MEMBER));
    long order = f.order(v, buyer, 9_000, 1_800, 0, 1, "completed", 60L);
    long wallet = wallet(buyer);
    String owner = tokenOf(v.ownerEmail());
    String admin = admin();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String token = i % 2 == 0 ? owner : admin;
      Callable<Integer> call =
          () -> refund(order, "{\"amountMinor\":6000,\"reason\":\"Race\"}", token).statusCode();
      calls.add(pool.submit(call));
    }
    int created = 0;
    for (Future<Integer> c : calls) {
      int status = c.get();
      assertTrue(status == 201 || status == 400, "status " + status);
      created += status == 201 ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, created, "exactly one refund of 60.00 fits in 90.00");
    assertEquals(6_000, number("select refunded_minor from ring.orders where id = ?", order));
    assertEquals(wallet + 6_000, wallet(buyer));
    assertTrue(f.ledgerSound(admin()));
  }

  @Test
  void restockReturnsTheGoodsToStockOnce() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Vendor v = MoneyFixtures.vendor("restock");
    long buyer = TestAccounts.id(TestAccounts.create("buyer", Role.MEMBER));
    long order = f.order(v, buyer, 6_000, 1_200, 0, 3, "completed", 60L);
    // The sale took 3 of the 10 in stock.
    TestAccounts.query(
        "update ring.inventory_levels set available = 7 where id = ? returning id", v.levelId());
    String owner = tokenOf(v.ownerEmail());

    assertEquals(
        201,
        refund(order, "{\"amountMinor\":2000,\"reason\":\"Returned\",\"restock\":true}", owner)
            .statusCode());
    assertEquals(
        10, number("select available from ring.inventory_levels where id = ?", v.levelId()));
    assertEquals(
        201,
        refund(order, "{\"amountMinor\":2000,\"reason\":\"Returned\",\"restock\":true}", owner)
            .statusCode());
    assertEquals(
        10, number("select available from ring.inventory_levels where id = ?", v.levelId()));
    assertEquals(
        // The sale the store committed on payment, then one return whatever the retries.
        "sale:-3:10:7,return:3:7:10",
        TestAccounts.query(
            "select string_agg(kind || ':' || change || ':' || stock_before || ':' || stock_after,"
                + " ',' order by id) from ring.stock_movements where order_id = ?",
            order));
  }

  @Test
  void aRefundAfterSettlementIsClawedBackFromTheNextSettlement() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Api api = new Api(base);
    Vendor v = MoneyFixtures.vendor("clawback");
    long buyer = TestAccounts.id(TestAccounts.create("buyer", Role.MEMBER));
    long first = f.order(v, buyer, 10_000, 2_000, 0, 1, "completed", 5 * DAY);
    settle();
    assertEquals(
        8_000, number("select net_minor from ring.settlements where vendor_id = ?", v.id()));
    assertEquals(0, MoneyFixtures.balance("vendor_payable:" + v.id(), "UAH"));

    HttpResponse<String> r =
        refund(first, "{\"amountMinor\":5000,\"reason\":\"Broken\"}", tokenOf(v.ownerEmail()));
    assertEquals(201, r.statusCode(), r.body());
    JsonObject refund = Api.json(r);
    assertTrue(refund.getBoolean("clawback"));
    assertEquals(4_000, refund.getJsonNumber("vendorMinor").longValue());
    assertEquals(4_000, MoneyFixtures.balance("vendor_receivable:" + v.id(), "UAH"));
    assertEquals(0, MoneyFixtures.balance("vendor_payable:" + v.id(), "UAH"));

    // The next settlement nets the claw-back: 16.00 of the new order's 24.00 is paid out.
    long second = f.order(v, buyer, 3_000, 600, 0, 1, "completed", 5 * DAY);
    settle();
    JsonObject next =
        Api.json(
                api.get(
                    "/api/admin/settlements/"
                        + number(
                            "select settlement_id from ring.settlement_lines where order_id = ?",
                            second),
                    admin()))
            .getJsonObject("settlement");
    assertEquals(2_400, next.getJsonNumber("netMinor").longValue());
    assertEquals(2_400, next.getJsonNumber("clawbackMinor").longValue());
    assertEquals("paid", next.getString("status"), "nothing left to pay out");
    assertEquals(1_600, MoneyFixtures.balance("vendor_receivable:" + v.id(), "UAH"));

    long third = f.order(v, buyer, 5_000, 1_000, 0, 1, "completed", 5 * DAY);
    settle();
    long settlement =
        number("select settlement_id from ring.settlement_lines where order_id = ?", third);
    assertEquals(
        1_600, number("select clawback_minor from ring.settlements where id = ?", settlement));
    assertEquals(
        2_400, number("select amount_minor from ring.payouts where settlement_id = ?", settlement));
    assertEquals(0, MoneyFixtures.balance("vendor_receivable:" + v.id(), "UAH"));
    assertEquals(0, MoneyFixtures.balance("vendor_payable:" + v.id(), "UAH"));
    assertTrue(f.ledgerSound(admin()));
  }

  @Test
  void onlyTheVendorOrAnAdminRefundsAndTheBuyerMayAskForOne() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Api api = new Api(base);
    Vendor v = MoneyFixtures.vendor("rights");
    Vendor other = MoneyFixtures.vendor("other");
    String buyerEmail = TestAccounts.create("buyer", Role.MEMBER);
    long buyer = TestAccounts.id(buyerEmail);
    long order = f.order(v, buyer, 4_000, 800, 0, 1, "delivered", null);
    String buyerToken = tokenOf(buyerEmail);
    String body = "{\"amountMinor\":1000,\"reason\":\"Please\"}";

    assertEquals(403, refund(order, body, buyerToken).statusCode());
    assertEquals(404, refund(order, body, tokenOf(other.ownerEmail())).statusCode());
    String stranger = tokenOf(TestAccounts.create("stranger", Role.MEMBER));
    assertEquals(404, refund(order, body, stranger).statusCode());
    assertEquals(
        404,
        api.get("/api/store/orders/" + order + "/refunds", tokenOf(other.ownerEmail()))
            .statusCode());
    assertEquals(401, refund(order, body, null).statusCode());
    assertEquals("delivered", status(order));

    // The buyer asks; the vendor declines; the order is delivered again.
    HttpResponse<String> asked =
        api.post(
            "/api/store/orders/" + order + "/refunds/request",
            "{\"reason\":\"It arrived broken\"}",
            buyerToken);
    assertEquals(200, asked.statusCode(), asked.body());
    assertEquals("refund_requested", status(order));
    assertEquals(
        404,
        api.post("/api/store/orders/" + order + "/refunds/request", "{\"reason\":\"x\"}", stranger)
            .statusCode());
    assertEquals(
        403,
        api.post("/api/store/orders/" + order + "/refunds/decline", "{}", buyerToken).statusCode());
    HttpResponse<String> declined =
        api.post(
            "/api/store/orders/" + order + "/refunds/decline",
            "{\"reason\":\"Photos show it intact\"}",
            tokenOf(v.ownerEmail()));
    assertEquals(200, declined.statusCode(), declined.body());
    assertEquals("delivered", status(order));
    // The admin refunds it after all; the buyer sees the refund.
    assertEquals(201, refund(order, body, admin()).statusCode());
    assertEquals(
        1, Api.jsonArray(api.get("/api/store/orders/" + order + "/refunds", buyerToken)).size());
    assertEquals(
        "admin",
        TestAccounts.query(
            "select actor_kind from ring.order_events where order_id = ?"
                + " order by id desc limit 1",
            order));
  }

  @Test
  void aRefusedProcessorRefundLeavesTheOrderRefundRequestedAndWritesNothingElse() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Vendor v = MoneyFixtures.vendor("refused");
    long buyer = TestAccounts.id(TestAccounts.create("buyer", Role.MEMBER));
    long order = f.order(v, buyer, 7_000, 1_400, 0, 1, "completed", 60L);
    // The processor has nothing left to refund on the payment (refunded outside Ring).
    TestAccounts.query(
        "update ring.payment_transactions t set refunded_minor = t.amount_minor from ring.orders o"
            + " where o.id = ? and t.subject_id = o.checkout_id and t.purpose = 'store_order'"
            + " returning t.id",
        order);
    long wallet = wallet(buyer);
    long payable = MoneyFixtures.balance("vendor_payable:" + v.id(), "UAH");
    long entries = number("select count(*) from ring.ledger_entries");

    HttpResponse<String> r =
        refund(order, "{\"amountMinor\":1000,\"reason\":\"Scratched\"}", tokenOf(v.ownerEmail()));
    assertEquals(503, r.statusCode(), r.body());
    assertEquals("refund_failed", Api.json(r).getString("code"));

    assertEquals("refund_requested", status(order));
    assertEquals(
        "failed", TestAccounts.query("select status from ring.refunds where order_id = ?", order));
    assertTrue(
        !((String) TestAccounts.query("select failure from ring.refunds where order_id = ?", order))
            .isBlank());
    assertEquals(0, number("select refunded_minor from ring.orders where id = ?", order));
    assertEquals(wallet, wallet(buyer));
    assertEquals(payable, MoneyFixtures.balance("vendor_payable:" + v.id(), "UAH"));
    assertEquals(entries, number("select count(*) from ring.ledger_entries"));
    assertTrue(f.ledgerSound(admin()));
  }

  private void settle() throws Exception {
    Api api = new Api(base);
    long run = -1;
    for (int attempt = 0; attempt < 240 && run < 0; attempt++) {
      HttpResponse<String> r = api.post("/api/admin/settlements/run", "{}", admin());
      if (r.statusCode() == 202) {
        run = Api.json(r).getJsonNumber("id").longValue();
      } else {
        assertEquals(409, r.statusCode(), r.body());
        Thread.sleep(250);
      }
    }
    for (int i = 0; i < 1200; i++) {
      JsonObject o = Api.json(api.get("/api/admin/settlements/runs/" + run, admin()));
      if (!o.getBoolean("open")) {
        assertEquals("completed", o.getString("status"), o.toString());
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Run " + run + " did not end");
  }
}
