package org.ringplatform.testing.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.ringplatform.testing.TestDatabase;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * Money fixtures for the referral, wallet and membership ITs: the deployment with the commerce
 * stand-ins, vendors, checkouts and orders written straight into the database (the store is built
 * elsewhere), subscriptions, credits granted through the admin API, and ledger balances.
 */
public final class CommerceFixtures {

  public static final String CURRENCY = "UAH";

  private CommerceFixtures() {}

  /** ring.war plus the test stand-ins for the store's allocation and confirmed card payments. */
  public static WebArchive deployment() {
    return RingDeployment.war();
  }

  /** An active vendor of a new entity of {@code ownerId}; returns its id. */
  public static long vendor(long ownerId) throws Exception {
    long entity = TestAccounts.entity(ownerId, "public", false);
    String slug = "v-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into ring.vendors(entity_id, owner_id, name, slug, status)"
                    + " values (?, ?, ?, ?, 'active') returning id")) {
      ps.setLong(1, entity);
      ps.setLong(2, ownerId);
      ps.setString(3, "Vendor " + slug);
      ps.setString(4, slug);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * One vendor order of a checkout, as the store's checkout would freeze it.
   *
   * @param vendorId the vendor
   * @param totalMinor the order total (no discount or shipping)
   * @param commissionMinor the platform's commission
   * @param referralMinor the referral share, 0 when not attributed
   */
  public record Order(long vendorId, long totalMinor, long commissionMinor, long referralMinor) {}

  /**
   * A checkout of {@code buyerId} awaiting payment, attributed to {@code referrerId} with {@code
   * code} when not null; returns its id.
   */
  public static long checkout(long buyerId, Long referrerId, String code, Order... orders)
      throws Exception {
    long total = 0;
    for (Order o : orders) {
      total += o.totalMinor();
    }
    try (Connection c = TestDatabase.get().connect()) {
      long checkout;
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.checkouts(buyer_id, currency, total_minor, referral_code,"
                  + " referrer_id, expires_at) values (?, ?, ?, ?, ?, now() + interval '15 minutes')"
                  + " returning id")) {
        ps.setLong(1, buyerId);
        ps.setString(2, CURRENCY);
        ps.setLong(3, total);
        ps.setString(4, code);
        ps.setObject(5, referrerId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          checkout = rs.getLong(1);
        }
      }
      for (Order o : orders) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into ring.orders(checkout_id, buyer_id, vendor_id, currency, subtotal_minor,"
                    + " total_minor, commission_bps, commission_minor, referral_code, referrer_id,"
                    + " referral_minor) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, checkout);
          ps.setLong(2, buyerId);
          ps.setLong(3, o.vendorId());
          ps.setString(4, CURRENCY);
          ps.setLong(5, o.totalMinor());
          ps.setLong(6, o.totalMinor());
          ps.setInt(7, (int) (o.commissionMinor() * 10_000 / Math.max(1, o.totalMinor())));
          ps.setLong(8, o.commissionMinor());
          ps.setString(9, referrerId == null ? null : code);
          ps.setObject(10, referrerId);
          ps.setLong(11, referrerId == null ? 0 : o.referralMinor());
          ps.executeUpdate();
        }
      }
      return checkout;
    }
  }

  /** A subscription row of {@code userId} as the membership service would have written it. */
  public static long subscription(
      long userId,
      String status,
      OffsetDateTime periodStart,
      OffsetDateTime periodEnd,
      OffsetDateTime graceUntil)
      throws Exception {
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into ring.subscriptions(user_id, plan, status, amount_minor, currency,"
                    + " period_start, period_end, grace_until) values (?, 'monthly', ?, 10000, ?,"
                    + " ?, ?, ?) returning id")) {
      ps.setLong(1, userId);
      ps.setString(2, status);
      ps.setString(3, CURRENCY);
      ps.setObject(4, periodStart == null ? null : Timestamp.from(periodStart.toInstant()));
      ps.setObject(5, periodEnd == null ? null : Timestamp.from(periodEnd.toInstant()));
      ps.setObject(6, graceUntil == null ? null : Timestamp.from(graceUntil.toInstant()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The admin demo account's access token. */
  public static String admin(Api api) throws Exception {
    return api.accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
  }

  /** Grants {@code amountMinor} credits to {@code userId} through the admin API. */
  public static void grant(Api api, long userId, long amountMinor) throws Exception {
    HttpResponse<String> r =
        api.post(
            "/api/admin/wallets/" + userId + "/grants",
            "{\"amountMinor\":" + amountMinor + ",\"reason\":\"test credits\"}",
            admin(api));
    assertEquals(201, r.statusCode(), r.body());
  }

  /** The balance of a ledger account in UAH, 0 when it was never posted to. */
  public static long balance(String code) throws Exception {
    Object v =
        TestAccounts.query(
            "select balance_minor from ring.ledger_balances where code = ? and currency = ?",
            code,
            CURRENCY);
    return v == null ? 0 : ((Number) v).longValue();
  }

  /** Asserts that the ledger's balance check finds nothing wrong. */
  public static void assertLedgerSound(Api api, String token) throws Exception {
    HttpResponse<String> r = api.get("/api/test/payments/ledger-check", token);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject check = Api.json(r);
    assertEquals(0, check.getJsonArray("unbalancedCurrencies").size(), r.body());
    assertEquals(0, check.getJsonArray("unbalancedEntries").size(), r.body());
    assertEquals(0, check.getJsonArray("driftingAccounts").size(), r.body());
  }

  /** Pays a subject as the owner of {@code token}, with credits ({@code credits}) or by card. */
  public static HttpResponse<String> pay(
      Api api, String token, String rail, String purpose, long subjectId, long amountMinor)
      throws Exception {
    return api.post(
        "/api/test/payments/" + rail,
        "{\"purpose\":\""
            + purpose
            + "\",\"subjectId\":"
            + subjectId
            + ",\"amountMinor\":"
            + amountMinor
            + "}",
        token);
  }
}
