package org.ringplatform.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ringplatform.testing.TestDatabase;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * What the payment tests share: starting top-ups through the API, posting webhook deliveries as a
 * gateway would, and reading the books straight from the database (payment status, ledger entries,
 * wallet balances, the balance check).
 */
final class PaymentTesting {

  private final URL base;
  private final Api api;

  PaymentTesting(URL base) {
    this.base = base;
    this.api = new Api(base);
  }

  Api api() {
    return api;
  }

  /** A top-up by card; fails the test unless it was started. */
  JsonObject topUp(String token, long amountMinor, String processor) throws Exception {
    HttpResponse<String> r =
        api.post(
            "/api/payments/topups",
            "{\"amountMinor\":" + amountMinor + ",\"processor\":\"" + processor + "\"}",
            token);
    assertEquals(201, r.statusCode(), r.body());
    return Api.json(r);
  }

  /** Posts a webhook delivery with optional headers (name, value pairs). */
  HttpResponse<String> webhook(String processor, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(RingDeployment.at(base, "/api/payments/webhooks/" + processor))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return RingDeployment.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String status(String reference) throws Exception {
    return (String)
        TestAccounts.query(
            "select status from ring.payment_transactions where reference = ?", reference);
  }

  /** How many ledger entries were posted under {@code key}. */
  static long entries(String key) throws Exception {
    return ((Number)
            TestAccounts.query(
                "select count(*) from ring.ledger_entries where idempotency_key = ?", key))
        .longValue();
  }

  /** How many ledger entries name {@code reference}. */
  static long entriesFor(String reference) throws Exception {
    return ((Number)
            TestAccounts.query(
                "select count(*) from ring.ledger_entries where reference = ?", reference))
        .longValue();
  }

  static long wallet(long userId) throws Exception {
    Object v =
        TestAccounts.query(
            "select balance_minor from ring.ledger_accounts where code = ? and currency = 'UAH'",
            "wallet:" + userId);
    return v == null ? 0 : ((Number) v).longValue();
  }

  /** The statuses of a payment's history, oldest first. */
  static List<String> history(String reference) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select h.status from ring.payment_status_history h join"
                    + " ring.payment_transactions t on t.id = h.transaction_id"
                    + " where t.reference = ? order by h.id")) {
      ps.setString(1, reference);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Webhook log rows of an outcome, in all. */
  static long logged(String outcome) throws Exception {
    return ((Number)
            TestAccounts.query("select count(*) from ring.webhook_log where outcome = ?", outcome))
        .longValue();
  }

  /**
   * The ledger's balance check, as {@code Ledger.check()} runs it: postings balance per currency
   * and per entry, and every stored balance equals the sum of its postings.
   */
  static void assertLedgerSound() throws Exception {
    assertEquals(
        0L,
        count(
            "select count(*) from (select currency from ring.ledger_postings group by currency"
                + " having sum(case side when 'D' then amount_minor else -amount_minor end) <> 0) x"),
        "currencies that do not balance");
    assertEquals(
        0L,
        count(
            "select count(*) from (select entry_id from ring.ledger_postings group by entry_id,"
                + " currency having sum(case side when 'D' then amount_minor else -amount_minor"
                + " end) <> 0) x"),
        "entries that do not balance");
    assertEquals(
        0L,
        count(
            "select count(*) from ring.ledger_balances a left join (select account_id,"
                + " sum(amount_minor) filter (where side = 'D') as d, sum(amount_minor) filter"
                + " (where side = 'C') as cr from ring.ledger_postings group by account_id) s"
                + " on s.account_id = a.id where a.balance_minor <> case a.normal_side when 'D'"
                + " then coalesce(s.d, 0) - coalesce(s.cr, 0) else coalesce(s.cr, 0) -"
                + " coalesce(s.d, 0) end"),
        "accounts whose balance drifted from their postings");
    assertTrue(
        count("select count(*) from ring.ledger_accounts where no_overdraft and balance_minor < 0")
            == 0,
        "no wallet below zero");
  }

  static long count(String sql) throws Exception {
    return ((Number) TestAccounts.query(sql)).longValue();
  }
}
