package org.ringplatform.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
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
 * The settlement job on a real server and database: which orders a run settles (completed, past the
 * vendor tier's hold period, no refund pending), the lines it writes (gross, the commission frozen
 * on the order, the referral share, the vendor's part of earlier refunds, net), one settlement and
 * payout per vendor and currency posted to the ledger so that the vendor's payable is paid out to
 * the cent; a second run and a run stopped mid-way and restarted settling every order exactly once;
 * the bank export and marking payouts paid; and vendors seeing only their own statements. Each test
 * uses its own stores, so the assertions see only its orders whatever else the run settles.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettlementIT {

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
              .accessToken(
                  TestAccounts.create("settlement-admin", Role.ADMIN), TestAccounts.PASSWORD);
    }
    return admin;
  }

  /** Starts a settlement run (waiting out one under way) and returns its id. */
  private long start(String body) throws Exception {
    Api api = new Api(base);
    for (int attempt = 0; attempt < 240; attempt++) {
      HttpResponse<String> r = api.post("/api/admin/settlements/run", body, admin());
      if (r.statusCode() == 202) {
        return Api.json(r).getJsonNumber("id").longValue();
      }
      assertEquals(409, r.statusCode(), r.body());
      Thread.sleep(250);
    }
    throw new AssertionError("A settlement run stayed under way");
  }

  private JsonObject await(long run) throws Exception {
    Api api = new Api(base);
    for (int i = 0; i < 1200; i++) {
      HttpResponse<String> r = api.get("/api/admin/settlements/runs/" + run, admin());
      assertEquals(200, r.statusCode(), r.body());
      JsonObject o = Api.json(r);
      if (!o.getBoolean("open")) {
        return o;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Run " + run + " did not end");
  }

  private JsonObject settle() throws Exception {
    JsonObject run = await(start("{}"));
    assertEquals("completed", run.getString("status"), run.toString());
    return run;
  }

  private static long count(String sql, Object... params) throws Exception {
    return MoneyFixtures.number(sql, params);
  }

  private static long payable(Vendor v) throws Exception {
    return MoneyFixtures.balance("vendor_payable:" + v.id(), "UAH");
  }

  private static long buyer() throws Exception {
    return TestAccounts.id(TestAccounts.create("buyer", Role.MEMBER));
  }

  @Test
  void settlesCompletedOrdersPastTheHoldPeriodIntoLinesAndPaysOutTheNetToTheCent()
      throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Api api = new Api(base);
    Vendor v = MoneyFixtures.vendor("seller");
    long buyer = buyer();
    // 100.00 at 20 %; 50.00 at 20 % with a 5 % referral share; 80.00 refunded 30.00 before
    // settlement; completed yesterday (inside the 3 days' hold); delivered, not completed; a
    // refund requested and not decided.
    long plain = f.order(v, buyer, 10_000, 2_000, 0, 1, "completed", 5 * DAY);
    long referred = f.order(v, buyer, 5_000, 1_000, 250, 1, "completed", 4 * DAY);
    long refunded = f.order(v, buyer, 8_000, 1_600, 0, 1, "completed", 6 * DAY);
    long recent = f.order(v, buyer, 7_000, 1_400, 0, 1, "completed", DAY);
    long delivered = f.order(v, buyer, 6_000, 1_200, 0, 1, "delivered", null);
    long disputed = f.order(v, buyer, 4_000, 800, 0, 1, "completed", 5 * DAY);
    String owner = api.accessToken(v.ownerEmail(), TestAccounts.PASSWORD);
    HttpResponse<String> refund =
        api.post(
            "/api/store/orders/" + refunded + "/refunds",
            "{\"amountMinor\":3000,\"reason\":\"One cup was cracked\"}",
            owner);
    assertEquals(201, refund.statusCode(), refund.body());
    long refundVendorPart = Api.json(refund).getJsonNumber("vendorMinor").longValue();
    assertEquals(2_400, refundVendorPart, "30.00 less its 20 % commission");
    String buyerToken =
        api.accessToken(
            (String) TestAccounts.query("select email from ring.users where id = ?", buyer),
            TestAccounts.PASSWORD);
    HttpResponse<String> request =
        api.post(
            "/api/store/orders/" + disputed + "/refunds/request",
            "{\"reason\":\"Never arrived\"}",
            buyerToken);
    assertEquals(200, request.statusCode(), request.body());
    long payableBefore = payable(v);

    settle();

    // One settlement for the vendor, a line per due order.
    assertEquals(1, count("select count(*) from ring.settlements where vendor_id = ?", v.id()));
    long settlement = count("select id from ring.settlements where vendor_id = ?", v.id());
    assertEquals(
        3, count("select count(*) from ring.settlement_lines where settlement_id = ?", settlement));
    for (long due : new long[] {plain, referred, refunded}) {
      assertEquals(
          0,
          count("select count(*) from ring.settlement_queue where order_id = ?", due),
          "order " + due + " settled: off the queue");
    }
    for (long held : new long[] {recent, disputed}) {
      assertEquals(
          1,
          count("select count(*) from ring.settlement_queue where order_id = ?", held),
          "order " + held + " completed but not due: still queued");
    }
    for (long held : new long[] {recent, delivered, disputed}) {
      assertEquals(0, count("select count(*) from ring.settlement_lines where order_id = ?", held));
    }
    JsonObject statement = Api.json(api.get("/api/admin/settlements/" + settlement, admin()));
    JsonArray lines = statement.getJsonArray("lines");
    assertLine(lines, plain, 10_000, 2_000, 0, 0, 8_000);
    // §20 item 11: a referral share only on the order that carries a referral code.
    assertLine(lines, referred, 5_000, 1_000, 250, 0, 3_750);
    assertLine(lines, refunded, 8_000, 1_600, 0, 2_400, 4_000);
    JsonObject s = statement.getJsonObject("settlement");
    assertEquals(23_000, s.getJsonNumber("grossMinor").longValue());
    assertEquals(4_600, s.getJsonNumber("commissionMinor").longValue());
    assertEquals(250, s.getJsonNumber("referralMinor").longValue());
    assertEquals(2_400, s.getJsonNumber("refundsMinor").longValue());
    assertEquals(15_750, s.getJsonNumber("netMinor").longValue());
    assertEquals("closed", s.getString("status"));
    assertEquals(15_750, s.getJsonNumber("payoutMinor").longValue());
    assertEquals("scheduled", s.getString("payoutStatus"));

    // The payout took exactly the net out of the vendor's payable; what is left is the vendor's
    // part of the three orders not yet due.
    assertEquals(15_750, payableBefore - payable(v));
    assertEquals(5_600 + 4_800 + 3_200, payable(v));
    assertEquals(
        15_750,
        count(
            "select p.amount_minor from ring.ledger_postings p join ring.ledger_entries e"
                + " on e.id = p.entry_id join ring.ledger_accounts a on a.id = p.account_id"
                + " where e.idempotency_key = ? and a.code = ? and p.side = 'D'",
            "payout:" + settlement,
            "vendor_payable:" + v.id()));
    assertTrue(f.ledgerSound(admin()));

    // The next run settles nothing of this vendor again.
    settle();
    assertEquals(1, count("select count(*) from ring.settlements where vendor_id = ?", v.id()));
    assertEquals(
        3,
        count(
            "select count(*) from ring.settlement_lines l join ring.orders o on o.id = l.order_id"
                + " where o.vendor_id = ?",
            v.id()));
    assertEquals(1, count("select count(*) from ring.payouts where vendor_id = ?", v.id()));
    assertEquals(5_600 + 4_800 + 3_200, payable(v));
  }

  @Test
  void aCompletedOrderIsQueuedOnceFollowsItsCompletionTimeAndLeavesTheQueueForGoodWhenSettled()
      throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Vendor v = MoneyFixtures.vendor("queued");
    long buyer = buyer();
    long delivered = f.order(v, buyer, 3_000, 600, 0, 1, "delivered", null);
    assertEquals(
        0,
        count("select count(*) from ring.settlement_queue where order_id = ?", delivered),
        "not completed: not queued");
    long order = f.order(v, buyer, 2_000, 400, 0, 1, "completed", DAY);
    String queued = "select count(*) from ring.settlement_queue where order_id = ?";
    String inStep =
        "select count(*) from ring.settlement_queue q join ring.orders o on o.id = q.order_id"
            + " where q.order_id = ? and q.completed_at = o.completed_at";
    assertEquals(1, count(queued, order));
    assertEquals(1, count(inStep, order), "queued at its completion time");

    // Completed a day ago: inside the hold, so a run leaves it queued.
    settle();
    assertEquals(1, count(queued, order));
    assertEquals(0, count("select count(*) from ring.settlement_lines where order_id = ?", order));

    // Its completion time moved back past the hold: the queue follows, and the next run settles.
    TestAccounts.query(
        "update ring.orders set completed_at = completed_at - interval '9 days' where id = ?"
            + " returning id",
        order);
    assertEquals(1, count(inStep, order), "the queue follows the completion time");
    settle();
    assertEquals(0, count(queued, order));
    assertEquals(1, count("select count(*) from ring.settlement_lines where order_id = ?", order));

    // A settled order is never queued again, whatever happens to its completion time.
    TestAccounts.query(
        "update ring.orders set completed_at = completed_at - interval '1 day' where id = ?"
            + " returning id",
        order);
    assertEquals(0, count(queued, order));
    settle();
    assertEquals(1, count("select count(*) from ring.settlement_lines where order_id = ?", order));
  }

  private static void assertLine(
      JsonArray lines,
      long orderId,
      long gross,
      long commission,
      long referral,
      long refunds,
      long net) {
    JsonObject line = null;
    for (JsonValue l : lines) {
      if (((JsonObject) l).getJsonNumber("orderId").longValue() == orderId) {
        line = (JsonObject) l;
      }
    }
    assertNotNull(line, "a line for order " + orderId + " in " + lines);
    assertEquals(gross, line.getJsonNumber("grossMinor").longValue(), line.toString());
    assertEquals(commission, line.getJsonNumber("commissionMinor").longValue(), line.toString());
    assertEquals(referral, line.getJsonNumber("referralMinor").longValue(), line.toString());
    assertEquals(refunds, line.getJsonNumber("refundsMinor").longValue(), line.toString());
    assertEquals(net, line.getJsonNumber("netMinor").longValue(), line.toString());
  }

  @Test
  void theHoldPeriodIsTheVendorTiers() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Vendor held = MoneyFixtures.vendor("held");
    Vendor prompt = MoneyFixtures.vendor("prompt", MoneyFixtures.NO_HOLD_TIER);
    long buyer = buyer();
    long heldOrder = f.completedOrder(held, buyer, 2_000, 60);
    long promptOrder = f.completedOrder(prompt, buyer, 2_000, 60);

    settle();

    assertEquals(
        0, count("select count(*) from ring.settlement_lines where order_id = ?", heldOrder));
    assertEquals(
        1, count("select count(*) from ring.settlement_lines where order_id = ?", promptOrder));
    assertEquals(0, payable(prompt));
    assertEquals(1_600, payable(held));
  }

  @Test
  void runningTheJobTwiceSettlesAndPaysEachOrderOnce() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Vendor v = MoneyFixtures.vendor("twice");
    long buyer = buyer();
    f.bulk(v, buyer, 40, 1_250, 5 * DAY);
    long owed = payable(v);
    assertEquals(40_000, owed);

    settle();
    settle();

    assertEquals(
        40,
        count(
            "select count(*) from ring.settlement_lines l join ring.orders o on o.id = l.order_id"
                + " where o.vendor_id = ?",
            v.id()));
    assertEquals(1, count("select count(*) from ring.settlements where vendor_id = ?", v.id()));
    assertEquals(1, count("select count(*) from ring.payouts where vendor_id = ?", v.id()));
    assertEquals(
        1,
        count(
            "select count(*) from ring.ledger_entries where idempotency_key = 'payout:' ||"
                + " (select id from ring.settlements where vendor_id = ?)",
            v.id()));
    assertEquals(0, payable(v));
    assertEquals(owed, count("select amount_minor from ring.payouts where vendor_id = ?", v.id()));
    assertTrue(f.ledgerSound(admin()));
  }

  @Test
  void aRunStoppedMidWayAndRestartedSettlesEveryOrderExactlyOnce() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Vendor first = MoneyFixtures.vendor("stop-a");
    Vendor second = MoneyFixtures.vendor("stop-b");
    long buyer = buyer();
    f.bulk(first, buyer, 150, 1_000, 5 * DAY);
    f.bulk(second, buyer, 150, 3_000, 5 * DAY);
    Api api = new Api(base);

    // One order per chunk, stopped once some chunks have committed.
    long run = start("{\"chunkSize\":1}");
    JsonObject progress = null;
    for (int i = 0; i < 600; i++) {
      progress = Api.json(api.get("/api/admin/settlements/runs/" + run, admin()));
      if (progress.getInt("ordersSettled") >= 5 || !progress.getBoolean("open")) {
        break;
      }
      Thread.sleep(20);
    }
    assertTrue(
        progress.getBoolean("open"), "the run ended before it could be stopped: " + progress);
    HttpResponse<String> stop =
        api.post("/api/admin/settlements/runs/" + run + "/stop", null, admin());
    assertEquals(202, stop.statusCode(), stop.body());
    JsonObject stopped = await(run);
    assertEquals("stopped", stopped.getString("status"), stopped.toString());
    assertTrue(
        stopped.getInt("ordersSettled") > 0
            && stopped.getInt("ordersSettled") < stopped.getInt("ordersDue"),
        "stopped mid-way: " + stopped);
    long unsettled =
        count(
            "select count(*) from ring.settlement_queue where vendor_id in (?, ?)",
            first.id(),
            second.id());
    assertTrue(unsettled > 0, "orders left for the restart");
    // Settled so far: each settled order has its line, nothing was paid out yet.
    assertEquals(
        300 - unsettled,
        count(
            "select count(*) from ring.settlement_lines l join ring.orders o on o.id = l.order_id"
                + " where o.vendor_id in (?, ?)",
            first.id(),
            second.id()));
    assertEquals(
        0,
        count(
            "select count(*) from ring.payouts where vendor_id in (?, ?)",
            first.id(),
            second.id()));

    HttpResponse<String> restart =
        api.post("/api/admin/settlements/runs/" + run + "/restart", null, admin());
    assertEquals(202, restart.statusCode(), restart.body());
    JsonObject done = await(run);
    assertEquals("completed", done.getString("status"), done.toString());

    for (Vendor v : new Vendor[] {first, second}) {
      assertEquals(
          150,
          count(
              "select count(*) from ring.settlement_lines l join ring.orders o"
                  + " on o.id = l.order_id where o.vendor_id = ?",
              v.id()));
      assertEquals(
          0, count("select count(*) from ring.settlement_queue where vendor_id = ?", v.id()));
      assertEquals(1, count("select count(*) from ring.settlements where vendor_id = ?", v.id()));
      assertEquals(1, count("select count(*) from ring.payouts where vendor_id = ?", v.id()));
      assertEquals(0, payable(v), "paid out to the cent");
    }
    assertEquals(
        150 * 800, count("select amount_minor from ring.payouts where vendor_id = ?", first.id()));
    assertEquals(
        150 * 2_400,
        count("select amount_minor from ring.payouts where vendor_id = ?", second.id()));
    assertTrue(f.ledgerSound(admin()));
  }

  @Test
  void payoutsExportForTheBankAndAreMarkedPaid() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Api api = new Api(base);
    Vendor v = MoneyFixtures.vendor("payee");
    f.completedOrder(v, buyer(), 12_345, 5 * DAY);
    settle();
    JsonObject payout =
        (JsonObject)
            Api.jsonArray(api.get("/api/admin/payouts?vendorId=" + v.id(), admin())).get(0);
    long id = payout.getJsonNumber("id").longValue();
    assertEquals("scheduled", payout.getString("status"));
    assertEquals(9_876, payout.getJsonNumber("amountMinor").longValue());

    HttpResponse<String> export = api.post("/api/admin/payouts/export", null, admin());
    assertEquals(200, export.statusCode(), export.body());
    assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String reference = payout.getString("reference");
    String line =
        export.body().lines().filter(l -> l.contains(reference)).findFirst().orElseThrow();
    assertTrue(line.startsWith(id + ","), line);
    assertTrue(line.contains(",98.76,UAH," + reference), line);
    assertTrue(line.contains(payout.getString("payoutDetails")), line);
    assertEquals(
        "exported", TestAccounts.query("select status from ring.payouts where id = ?", id));
    // Exported once: the next export no longer lists it; the read-only CSV still does.
    assertTrue(!api.post("/api/admin/payouts/export", null, admin()).body().contains(reference));
    assertTrue(
        api.get("/api/admin/payouts.csv?status=exported", admin()).body().contains(reference));

    HttpResponse<String> paid =
        api.post(
            "/api/admin/payouts/" + id + "/paid", "{\"bankReference\":\"BANK-7781\"}", admin());
    assertEquals(200, paid.statusCode(), paid.body());
    assertEquals("paid", Api.json(paid).getString("status"));
    assertEquals("BANK-7781", Api.json(paid).getString("bankReference"));
    assertEquals(
        "paid",
        TestAccounts.query(
            "select s.status from ring.settlements s join ring.payouts p"
                + " on p.settlement_id = s.id where p.id = ?",
            id));
    // Marking it again changes nothing; a missing reference is refused.
    HttpResponse<String> again =
        api.post("/api/admin/payouts/" + id + "/paid", "{\"bankReference\":\"OTHER\"}", admin());
    assertEquals("BANK-7781", Api.json(again).getString("bankReference"));
    Vendor other = MoneyFixtures.vendor("payee-2");
    f.completedOrder(other, buyer(), 1_000, 5 * DAY);
    settle();
    long otherPayout = count("select id from ring.payouts where vendor_id = ?", other.id());
    assertEquals(
        400, api.post("/api/admin/payouts/" + otherPayout + "/paid", "{}", admin()).statusCode());
    assertTrue(f.ledgerSound(admin()));
  }

  @Test
  void aVendorSeesItsOwnStatementsAndNeverAnothersVendors() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Api api = new Api(base);
    Vendor a = MoneyFixtures.vendor("vendor-a");
    Vendor b = MoneyFixtures.vendor("vendor-b");
    long buyer = buyer();
    f.completedOrder(a, buyer, 3_000, 5 * DAY);
    f.completedOrder(b, buyer, 4_000, 5 * DAY);
    settle();
    long settlementA = count("select id from ring.settlements where vendor_id = ?", a.id());
    long settlementB = count("select id from ring.settlements where vendor_id = ?", b.id());
    String tokenA = api.accessToken(a.ownerEmail(), TestAccounts.PASSWORD);

    JsonArray mine = Api.jsonArray(api.get("/api/store/vendor/settlements", tokenA));
    assertEquals(1, mine.size(), mine.toString());
    assertEquals(settlementA, mine.getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals(200, api.get("/api/store/vendor/settlements/" + settlementA, tokenA).statusCode());
    assertEquals(404, api.get("/api/store/vendor/settlements/" + settlementB, tokenA).statusCode());
    assertEquals(
        404, api.get("/api/store/vendor/settlements?vendorId=" + b.id(), tokenA).statusCode());
    assertEquals(404, api.get("/api/store/vendor/payouts?vendorId=" + b.id(), tokenA).statusCode());
    JsonArray payouts = Api.jsonArray(api.get("/api/store/vendor/payouts", tokenA));
    assertEquals(1, payouts.size(), payouts.toString());
    assertEquals(a.id(), payouts.getJsonObject(0).getJsonNumber("vendorId").longValue());
    assertEquals(403, api.get("/api/admin/settlements/" + settlementA, tokenA).statusCode());
    assertEquals(403, api.get("/api/admin/payouts", tokenA).statusCode());
    // A member without a store has no statements.
    String stranger =
        api.accessToken(TestAccounts.create("no-store", Role.MEMBER), TestAccounts.PASSWORD);
    assertEquals(0, Api.jsonArray(api.get("/api/store/vendor/settlements", stranger)).size());
    assertEquals(
        404, api.get("/api/store/vendor/settlements/" + settlementA, stranger).statusCode());
    // Admins see every vendor's settlement.
    assertEquals(200, api.get("/api/admin/settlements/" + settlementB, admin()).statusCode());
  }
}
