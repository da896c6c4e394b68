package org.ringplatform.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
import org.ringplatform.testing.commerce.CommerceFixtures;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.TestAccounts;
import org.ringplatform.testing.web.TunnelSocket;

/**
 * The credits wallet (docs/wallet.md): balance and signed history from the ledger; admin grants and
 * penalties with a reason, never below zero; concurrent spends that together exceed the balance
 * leave exactly the affordable ones standing and the balance never negative; card top-ups through
 * the PaymentConductor; and every committed change pushed to the owner over the Tunnel, a
 * rolled-back one never.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WalletIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CommerceFixtures.deployment();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private record Person(long id, String token) {}

  private Person person(String label, Role role) throws Exception {
    String email = TestAccounts.create(label, role);
    return new Person(TestAccounts.id(email), api().accessToken(email, TestAccounts.PASSWORD));
  }

  private JsonObject wallet(Person p) throws Exception {
    HttpResponse<String> r = api().get("/api/wallet", p.token());
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  private long balance(Person p) throws Exception {
    return wallet(p).getJsonNumber("balanceMinor").longValue();
  }

  private HttpResponse<String> adjust(String kind, long userId, String body) throws Exception {
    return api()
        .post("/api/admin/wallets/" + userId + "/" + kind, body, CommerceFixtures.admin(api()));
  }

  @Test
  void theHistoryListsSignedMovementsNewestFirstPageByPage() throws Exception {
    Person p = person("saver", Role.SUBSCRIBER);
    JsonObject empty = wallet(p);
    assertEquals(0, empty.getJsonNumber("balanceMinor").longValue());
    assertEquals("UAH", empty.getString("currency"));
    assertEquals(1000, empty.getJsonNumber("topUpMinMinor").longValue());

    assertEquals(
        201,
        adjust("grants", p.id(), "{\"amountMinor\":5000,\"reason\":\"welcome\"}").statusCode());
    assertEquals(
        201,
        adjust("penalties", p.id(), "{\"amountMinor\":1500,\"reason\":\"abuse\"}").statusCode());
    JsonObject w = wallet(p);
    assertEquals(3500, w.getJsonNumber("balanceMinor").longValue());
    assertEquals("35.00", w.getString("balance"));

    JsonObject history = Api.json(api().get("/api/wallet/history", p.token()));
    JsonArray items = history.getJsonArray("items");
    assertEquals(2, items.size());
    assertEquals("credit_penalty", items.getJsonObject(0).getString("kind"));
    assertEquals(-1500, items.getJsonObject(0).getJsonNumber("amountMinor").longValue());
    assertEquals(3500, items.getJsonObject(0).getJsonNumber("balanceAfterMinor").longValue());
    assertEquals("abuse", items.getJsonObject(0).getString("description"));
    assertEquals("credit_grant", items.getJsonObject(1).getString("kind"));
    assertEquals(5000, items.getJsonObject(1).getJsonNumber("amountMinor").longValue());

    JsonObject page = Api.json(api().get("/api/wallet/history?limit=1", p.token()));
    assertEquals(1, page.getJsonArray("items").size());
    assertTrue(page.getBoolean("more"));
    JsonObject second = Api.json(api().get("/api/wallet/history?offset=1&limit=1", p.token()));
    assertEquals("credit_grant", second.getJsonArray("items").getJsonObject(0).getString("kind"));
    assertEquals(false, second.getBoolean("more"));
    assertEquals(400, api().get("/api/wallet/history?limit=1000", p.token()).statusCode());
  }

  @Test
  void grantsAndPenaltiesNeedAnAdminAReasonAndAnAmountAndNeverOverdraw() throws Exception {
    Person p = person("adjusted", Role.MEMBER);
    assertEquals(
        403,
        api()
            .post(
                "/api/admin/wallets/" + p.id() + "/grants",
                "{\"amountMinor\":5000,\"reason\":\"self-service\"}",
                p.token())
            .statusCode());
    HttpResponse<String> noReason = adjust("grants", p.id(), "{\"amountMinor\":5000}");
    assertEquals(400, noReason.statusCode());
    assertEquals("reason_required", Api.json(noReason).getString("code"));
    assertEquals(
        400, adjust("grants", p.id(), "{\"amountMinor\":-5,\"reason\":\"x\"}").statusCode());
    assertEquals(400, adjust("grants", p.id(), "{\"reason\":\"x\"}").statusCode());
    assertEquals(
        404,
        adjust("grants", 999_999_999L, "{\"amountMinor\":5,\"reason\":\"nobody\"}").statusCode());

    // A retried grant with the same key grants once.
    String keyed = "{\"amountMinor\":2000,\"reason\":\"bonus\",\"clientKey\":\"bonus-1\"}";
    assertEquals(201, adjust("grants", p.id(), keyed).statusCode());
    assertEquals(201, adjust("grants", p.id(), keyed).statusCode());
    assertEquals(2000, balance(p));

    HttpResponse<String> tooMuch =
        adjust("penalties", p.id(), "{\"amountMinor\":2001,\"reason\":\"too much\"}");
    assertEquals(409, tooMuch.statusCode(), tooMuch.body());
    assertEquals("insufficient_funds", Api.json(tooMuch).getString("code"));
    assertEquals(2000, balance(p));
    assertEquals(
        1, Api.json(api().get("/api/wallet/history", p.token())).getJsonArray("items").size());
    CommerceFixtures.assertLedgerSound(api(), p.token());
  }

  /** Runs {@code calls} at once from as many threads; returns their statuses. */
  private static List<Integer> concurrently(int calls, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.status();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One HTTP call of a concurrent batch. */
  private interface Call {
    int status() throws Exception;
  }

  @Test
  void concurrentSpendsThatExceedTheBalanceLeaveExactlyTheAffordableOnesStanding()
      throws Exception {
    // A member renewing: each renewal spends 100.00 of credits through the PaymentConductor.
    Person p = person("spender", Role.MEMBER);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    CommerceFixtures.subscription(p.id(), "active", now.minusDays(5), now.plusDays(25), null);
    CommerceFixtures.grant(api(), p.id(), 35_000);

    List<Integer> statuses =
        concurrently(
            8,
            () ->
                api()
                    .post(
                        "/api/membership/purchases",
                        "{\"plan\":\"monthly\",\"rail\":\"credits\"}",
                        p.token())
                    .statusCode());
    assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    assertEquals(5_000, balance(p));
    assertEquals(
        4L,
        TestAccounts.query(
            "select count(*) from ring.subscriptions where user_id = ? and status = 'active'",
            p.id()),
        "the first period and three renewals");
    assertEquals(
        0L,
        TestAccounts.query(
            "select count(*) from ring.subscriptions where user_id = ? and status = 'pending'",
            p.id()),
        "refused purchases leave nothing behind");

    // The same race straight on the ledger: penalties from many admins at once.
    Person q = person("penalised", Role.SUBSCRIBER);
    CommerceFixtures.grant(api(), q.id(), 35_000);
    String admin = CommerceFixtures.admin(api());
    List<Integer> penalties =
        concurrently(
            10,
            () ->
                api()
                    .post(
                        "/api/admin/wallets/" + q.id() + "/penalties",
                        "{\"amountMinor\":10000,\"reason\":\"race\"}",
                        admin)
                    .statusCode());
    assertEquals(3, penalties.stream().filter(s -> s == 201).count(), penalties.toString());
    assertEquals(7, penalties.stream().filter(s -> s == 409).count(), penalties.toString());
    assertEquals(5_000, balance(q));
    assertEquals(
        0L,
        TestAccounts.query(
            "select count(*) from ring.ledger_accounts where code like 'wallet:%'"
                + " and balance_minor < 0"));
    CommerceFixtures.assertLedgerSound(api(), p.token());
  }

  @Test
  void aTopUpStartsACardPaymentWithinTheLimits() throws Exception {
    Person p = person("topper", Role.SUBSCRIBER);
    HttpResponse<String> tooSmall =
        api().post("/api/wallet/topups", "{\"amountMinor\":999}", p.token());
    assertEquals(400, tooSmall.statusCode());
    assertEquals("topup_amount", Api.json(tooSmall).getString("code"));
    assertEquals(
        400, api().post("/api/wallet/topups", "{\"amountMinor\":1000001}", p.token()).statusCode());
    assertEquals(400, api().post("/api/wallet/topups", "{}", p.token()).statusCode());

    HttpResponse<String> started =
        api().post("/api/wallet/topups", "{\"amountMinor\":5000}", p.token());
    Object payments =
        TestAccounts.query(
            "select count(*) from ring.payment_transactions where purpose = 'wallet_topup'"
                + " and user_id = ?",
            p.id());
    if (started.statusCode() == 201) {
      // A card processor is configured: the payment waits at the gateway.
      JsonObject topUp = Api.json(started);
      assertTrue(topUp.getString("reference").startsWith("wallettopup_" + p.id() + "_"));
      assertEquals("/pay?ref=" + topUp.getString("reference"), topUp.getString("payUrl"));
      assertEquals(1L, payments);
    } else {
      // Without a card processor the top-up is refused and nothing is recorded.
      assertEquals(503, started.statusCode(), started.body());
      assertEquals("processor_unavailable", Api.json(started).getString("code"));
      assertEquals(0L, payments);
    }
    assertEquals(0, balance(p), "credits arrive only when the payment is confirmed");
  }

  @Test
  void everyCommittedBalanceChangeIsPushedToTheOwnerAndARefusedOneNever() throws Exception {
    Person p = person("listener", Role.SUBSCRIBER);
    try (TunnelSocket s = TunnelSocket.authenticated(base, p.token())) {
      s.subscribe("user:" + p.id(), null);
      assertEquals(
          201, adjust("grants", p.id(), "{\"amountMinor\":1234,\"reason\":\"live\"}").statusCode());
      JsonObject m =
          s.next(
              f ->
                  "message".equals(f.getString("op", ""))
                      && "wallet:balance".equals(f.getString("event", "")),
              15_000);
      assertEquals("user:" + p.id(), m.getString("channel"));
      JsonObject payload = m.getJsonObject("payload");
      assertEquals(1234, payload.getJsonNumber("balanceMinor").longValue());
      assertEquals("12.34", payload.getString("balance"));
      assertEquals("UAH", payload.getString("currency"));

      assertEquals(
          409,
          adjust("penalties", p.id(), "{\"amountMinor\":5000,\"reason\":\"refused\"}")
              .statusCode());
      assertTrue(
          s.drain(2_000).stream().noneMatch(f -> "wallet:balance".equals(f.getString("event", ""))),
          "a rolled-back change is never announced");
    }
  }
}
