package org.ringplatform.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * Paid membership (docs/membership.md): a subscriber buys a period with credits and becomes a
 * member in the same transaction (audited, old tokens end); a renewal extends the period; others
 * are refused and nothing changes; the expiry job moves an ended period to grace and an ended grace
 * to expired with the role back to subscriber, never touching admins or confidential accounts; role
 * and subscription agree throughout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MembershipIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CommerceFixtures.deployment();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private record Person(long id, String email, String token) {}

  private Person person(String label, Role role) throws Exception {
    String email = TestAccounts.create(label, role);
    return new Person(
        TestAccounts.id(email), email, api().accessToken(email, TestAccounts.PASSWORD));
  }

  private static String role(long id) throws Exception {
    return (String) TestAccounts.query("select role from ring.users where id = ?", id);
  }

  private static String status(long subscription) throws Exception {
    return (String)
        TestAccounts.query("select status from ring.subscriptions where id = ?", subscription);
  }

  private static OffsetDateTime at(Object timestamp) {
    return timestamp instanceof Timestamp t
        ? t.toInstant().atOffset(ZoneOffset.UTC)
        : ((OffsetDateTime) timestamp).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private HttpResponse<String> buy(Person p, String plan, String rail) throws Exception {
    return api()
        .post(
            "/api/membership/purchases",
            "{\"plan\":\"" + plan + "\",\"rail\":\"" + rail + "\"}",
            p.token());
  }

  @Test
  void aSubscriberBuysWithCreditsAndIsAMemberAtOnce() throws Exception {
    Person p = person("joiner", Role.SUBSCRIBER);
    CommerceFixtures.grant(api(), p.id(), 25_000);
    JsonObject before = Api.json(api().get("/api/membership", p.token()));
    assertEquals("subscriber", before.getString("role"));
    assertTrue(before.getBoolean("canBuy"));
    assertEquals(2, before.getJsonArray("prices").size());
    assertEquals(
        10_000,
        before.getJsonArray("prices").getJsonObject(0).getJsonNumber("amountMinor").longValue());
    long revenue = CommerceFixtures.balance("membership_revenue");

    HttpResponse<String> bought = buy(p, "monthly", "credits");
    assertEquals(201, bought.statusCode(), bought.body());
    JsonObject purchase = Api.json(bought);
    assertEquals("paid", purchase.getString("paymentStatus"));
    assertFalse(purchase.containsKey("payUrl"), "nothing more to pay");
    JsonObject subscription = purchase.getJsonObject("subscription");
    assertEquals("active", subscription.getString("status"));
    long id = subscription.getJsonNumber("id").longValue();
    assertTrue(purchase.getString("reference").startsWith("membership_" + id + "_"));

    assertEquals("member", role(p.id()));
    assertEquals(15_000, CommerceFixtures.balance("wallet:" + p.id()));
    assertEquals(revenue + 10_000, CommerceFixtures.balance("membership_revenue"));
    OffsetDateTime start =
        at(TestAccounts.query("select period_start from ring.subscriptions where id = ?", id));
    OffsetDateTime end =
        at(TestAccounts.query("select period_end from ring.subscriptions where id = ?", id));
    assertEquals(Duration.ofDays(30), Duration.between(start, end));
    assertEquals(
        "subscriber->member",
        TestAccounts.query(
            "select from_value || '->' || to_value from ring.account_audit"
                + " where target_id = ? and action = 'role_change' and actor_id is null",
            p.id()));
    assertNotNull(
        TestAccounts.query("select transaction_id from ring.subscriptions where id = ?", id));

    // Tokens carry the role: the old one ends, a new one shows the membership.
    assertEquals(401, api().get("/api/membership", p.token()).statusCode());
    String fresh = api().accessToken(p.email(), TestAccounts.PASSWORD);
    JsonObject after = Api.json(api().get("/api/membership", fresh));
    assertEquals("member", after.getString("role"));
    assertTrue(after.getBoolean("renewal"));
    assertTrue(after.containsKey("memberUntil"));

    // A renewal extends the period from where it ends; the role stays.
    HttpResponse<String> renewed =
        api()
            .post(
                "/api/membership/purchases", "{\"plan\":\"monthly\",\"rail\":\"credits\"}", fresh);
    assertEquals(201, renewed.statusCode(), renewed.body());
    long second = Api.json(renewed).getJsonObject("subscription").getJsonNumber("id").longValue();
    assertEquals(
        end,
        at(TestAccounts.query("select period_start from ring.subscriptions where id = ?", second)));
    assertEquals("member", role(p.id()));
    assertEquals(5_000, CommerceFixtures.balance("wallet:" + p.id()));
    assertEquals(200, api().get("/api/membership", fresh).statusCode(), "the token still works");
    CommerceFixtures.assertLedgerSound(api(), fresh);
  }

  @Test
  void tooFewCreditsChangeNothing() throws Exception {
    Person p = person("short", Role.SUBSCRIBER);
    CommerceFixtures.grant(api(), p.id(), 5_000);
    HttpResponse<String> refused = buy(p, "monthly", "credits");
    assertEquals(409, refused.statusCode(), refused.body());
    assertEquals("insufficient_funds", Api.json(refused).getString("code"));
    assertEquals("subscriber", role(p.id()));
    assertEquals(5_000, CommerceFixtures.balance("wallet:" + p.id()));
    assertEquals(
        0L,
        TestAccounts.query("select count(*) from ring.subscriptions where user_id = ?", p.id()));
  }

  @Test
  void onlySubscribersBuyAndBadInputIsRefused() throws Exception {
    for (Role role : new Role[] {Role.MEMBER, Role.CONFIDENTIAL, Role.ADMIN}) {
      Person p = person("not-subscriber", role);
      CommerceFixtures.grant(api(), p.id(), 20_000);
      HttpResponse<String> refused = buy(p, "monthly", "credits");
      assertEquals(409, refused.statusCode(), role + ": " + refused.body());
      assertEquals("not_subscriber", Api.json(refused).getString("code"));
      assertEquals(role.id(), role(p.id()));
      assertEquals(20_000, CommerceFixtures.balance("wallet:" + p.id()));
      assertFalse(Api.json(api().get("/api/membership", p.token())).getBoolean("canBuy"));
    }
    Person s = person("careless", Role.SUBSCRIBER);
    HttpResponse<String> plan = buy(s, "weekly", "credits");
    assertEquals(400, plan.statusCode());
    assertEquals("plan_invalid", Api.json(plan).getString("code"));
    HttpResponse<String> rail = buy(s, "monthly", "cash");
    assertEquals(400, rail.statusCode());
    assertEquals("rail_invalid", Api.json(rail).getString("code"));
    assertEquals(
        400, api().post("/api/membership/purchases", "{\"plan\":", s.token()).statusCode());
    assertEquals(401, api().get("/api/membership", null).statusCode());
  }

  @Test
  void aCardPurchaseStartsAtTheGatewayOrIsRefusedWithoutOne() throws Exception {
    Person p = person("card", Role.SUBSCRIBER);
    HttpResponse<String> r = buy(p, "annual", "card");
    if (r.statusCode() == 201) {
      JsonObject purchase = Api.json(r);
      assertEquals("pending", purchase.getJsonObject("subscription").getString("status"));
      assertEquals("/pay?ref=" + purchase.getString("reference"), purchase.getString("payUrl"));
      assertEquals("subscriber", role(p.id()), "a member only once the payment is confirmed");
    } else {
      assertEquals(503, r.statusCode(), r.body());
      assertEquals("processor_unavailable", Api.json(r).getString("code"));
      assertEquals(
          0L,
          TestAccounts.query("select count(*) from ring.subscriptions where user_id = ?", p.id()));
    }
  }

  @Test
  void theOpenApiDocumentDescribesTheMembersApi() throws Exception {
    HttpResponse<String> openapi = RingDeployment.get(base, "/openapi");
    assertEquals(200, openapi.statusCode());
    for (String path :
        new String[] {
          "/api/membership/purchases",
          "/api/wallet/topups",
          "/api/wallet/history",
          "/api/admin/wallets/{userId}/grants",
          "/api/referrals/codes/{code}",
          "/api/referrals/stats",
          "/api/admin/referrals/rewards/{id}/approve"
        }) {
      assertTrue(openapi.body().contains(path), path);
    }
  }

  /** Starts the membership expiry job through the jobs API (waiting out a run under way). */
  private void runExpiryJob() throws Exception {
    String admin = CommerceFixtures.admin(api());
    long run = -1;
    for (int attempt = 0; attempt < 120 && run < 0; attempt++) {
      HttpResponse<String> r =
          api().post("/api/admin/matcher/runs", "{\"job\":\"membership-expiry\"}", admin);
      if (r.statusCode() == 202) {
        run = Api.json(r).getJsonNumber("id").longValue();
      } else {
        assertEquals(409, r.statusCode(), r.body());
        Thread.sleep(500);
      }
    }
    assertTrue(run > 0, "the job stayed busy");
    for (int i = 0; i < 240; i++) {
      JsonObject o = Api.json(api().get("/api/admin/matcher/runs/" + run, admin));
      String status = o.getString("status");
      if (!status.equals("starting") && !status.equals("running")) {
        assertEquals("completed", status, o.toString());
        assertEquals("MembershipExpiryJob", o.getString("job"));
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Run " + run + " did not end");
  }

  private static long notices(long user, String type) throws Exception {
    return (Long)
        TestAccounts.query(
            "select count(*) from ring.notifications where user_id = ? and type = ?", user, type);
  }

  @Test
  void theExpiryJobMovesEndedPeriodsToGraceThenExpiredAndTheRoleFollows() throws Exception {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    // Ended an hour ago: grace for 7 days, still a member.
    long lapsing = TestAccounts.id(TestAccounts.create("lapsing", Role.MEMBER));
    long s1 =
        CommerceFixtures.subscription(
            lapsing, "active", now.minusDays(30), now.minusHours(1), null);
    // Grace over: expired, back to subscriber.
    long lapsed = TestAccounts.id(TestAccounts.create("lapsed", Role.MEMBER));
    long s2 =
        CommerceFixtures.subscription(
            lapsed, "grace", now.minusDays(40), now.minusDays(8), now.minusHours(1));
    // Ended long ago and never seen by the job: straight to expired.
    long forgotten = TestAccounts.id(TestAccounts.create("forgotten", Role.MEMBER));
    long s3 =
        CommerceFixtures.subscription(
            forgotten, "active", now.minusDays(40), now.minusDays(10), null);
    // A renewal already covers now: the ended period just expires, the member stays.
    long renewed = TestAccounts.id(TestAccounts.create("renewed", Role.MEMBER));
    long s4 =
        CommerceFixtures.subscription(
            renewed, "active", now.minusDays(30), now.minusHours(2), null);
    long s4b =
        CommerceFixtures.subscription(renewed, "active", now.minusHours(2), now.plusDays(28), null);
    // Admins and confidential accounts are never downgraded.
    long admin = TestAccounts.id(TestAccounts.create("paying-admin", Role.ADMIN));
    long s5 =
        CommerceFixtures.subscription(
            admin, "grace", now.minusDays(40), now.minusDays(8), now.minusHours(1));
    long confidential = TestAccounts.id(TestAccounts.create("paying-conf", Role.CONFIDENTIAL));
    long s6 =
        CommerceFixtures.subscription(
            confidential, "grace", now.minusDays(40), now.minusDays(8), now.minusHours(1));
    // A purchase never paid for a day is cancelled.
    long abandoned = TestAccounts.id(TestAccounts.create("abandoned", Role.SUBSCRIBER));
    long s7 = CommerceFixtures.subscription(abandoned, "pending", null, null, null);
    TestAccounts.query(
        "update ring.subscriptions set created_at = now() - interval '2 days' where id = ?"
            + " returning id",
        s7);
    // Still running: untouched.
    long current = TestAccounts.id(TestAccounts.create("current", Role.MEMBER));
    long s8 =
        CommerceFixtures.subscription(current, "active", now.minusDays(1), now.plusDays(29), null);

    runExpiryJob();

    assertEquals("grace", status(s1));
    assertEquals(
        now.minusHours(1).plusDays(7).toEpochSecond(),
        at(TestAccounts.query("select grace_until from ring.subscriptions where id = ?", s1))
            .toEpochSecond(),
        2.0);
    assertEquals("member", role(lapsing));
    assertEquals(1, notices(lapsing, "membership_grace"));

    assertEquals("expired", status(s2));
    assertEquals("subscriber", role(lapsed));
    assertEquals(1, notices(lapsed, "membership_expired"));
    assertEquals(
        "member->subscriber",
        TestAccounts.query(
            "select from_value || '->' || to_value from ring.account_audit"
                + " where target_id = ? and action = 'role_change'",
            lapsed));

    assertEquals("expired", status(s3));
    assertEquals("subscriber", role(forgotten));
    assertEquals(0, notices(forgotten, "membership_grace"));

    assertEquals("expired", status(s4));
    assertEquals("active", status(s4b));
    assertEquals("member", role(renewed));
    assertEquals(0, notices(renewed, "membership_expired"));

    assertEquals("expired", status(s5));
    assertEquals("admin", role(admin));
    assertEquals("expired", status(s6));
    assertEquals("confidential", role(confidential));
    assertEquals("cancelled", status(s7));
    assertEquals("active", status(s8));
    assertEquals("member", role(current));

    // Role and subscription agree: a member by subscription has a live period, and no one with a
    // live period lost the member role.
    for (long user : new long[] {lapsing, lapsed, forgotten, renewed, current}) {
      boolean live =
          (Long)
                  TestAccounts.query(
                      "select count(*) from ring.subscriptions where user_id = ?"
                          + " and status in ('active', 'grace')",
                      user)
              > 0;
      assertEquals(live, "member".equals(role(user)), "account " + user);
    }

    // Running again changes nothing more.
    runExpiryJob();
    assertEquals("grace", status(s1));
    assertEquals("member", role(lapsing));
    assertEquals(1, notices(lapsing, "membership_grace"));
  }

  @Test
  void aMemberInGraceWhoRenewsStaysAMemberAndTheGracePeriodEnds() throws Exception {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Person p = person("late", Role.MEMBER);
    long old =
        CommerceFixtures.subscription(
            p.id(), "grace", now.minusDays(32), now.minusDays(2), now.plusDays(5));
    CommerceFixtures.grant(api(), p.id(), 10_000);
    HttpResponse<String> renewed = buy(p, "monthly", "credits");
    assertEquals(201, renewed.statusCode(), renewed.body());
    assertEquals("expired", status(old));
    long fresh = Api.json(renewed).getJsonObject("subscription").getJsonNumber("id").longValue();
    OffsetDateTime start =
        at(TestAccounts.query("select period_start from ring.subscriptions where id = ?", fresh));
    assertTrue(Duration.between(start, now).abs().toMinutes() < 5, "the new period starts now");
    assertEquals("member", role(p.id()));
  }
}
