package org.ringplatform.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.commerce.CommerceFixtures;
import org.ringplatform.testing.commerce.CommerceFixtures.Order;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * Referrals (docs/referrals.md): codes made on first use; share links that count visits and set a
 * first-touch cookie once; sign-up attribution; a reward on the referred buyer's first paid order,
 * paid into the referrer's wallet at once for a credits payment and after an admin's approval for a
 * card payment, its money back to the vendor when rejected or not earned (a second order, a
 * self-referral); membership rewards; and a sound ledger after every scenario. Orders are written
 * as the store's checkout would write them and paid through the real PaymentConductor.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReferralsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CommerceFixtures.deployment();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  /** A new account of {@code role} and its access token. */
  private record Person(long id, String email, String token) {}

  private Person person(String label, Role role) throws Exception {
    String email = TestAccounts.create(label, role);
    return new Person(
        TestAccounts.id(email), email, api().accessToken(email, TestAccounts.PASSWORD));
  }

  private JsonArray codes(Person p) throws Exception {
    HttpResponse<String> r = api().get("/api/referrals/codes", p.token());
    assertEquals(200, r.statusCode(), r.body());
    return Api.jsonArray(r);
  }

  private String randomCode(Person p) throws Exception {
    return codes(p).stream()
        .map(JsonObject.class::cast)
        .filter(c -> "random".equals(c.getString("kind")))
        .findFirst()
        .orElseThrow()
        .getString("code");
  }

  /** The ring_ref cookie a response sets, if any. */
  private static Optional<String> refCookie(HttpResponse<String> r) {
    return r.headers().allValues("set-cookie").stream()
        .filter(h -> h.startsWith("ring_ref="))
        .findFirst();
  }

  private HttpResponse<String> visit(String path, String cookie) throws Exception {
    return cookie == null
        ? RingDeployment.get(base, path)
        : RingDeployment.get(base, path, "Cookie", cookie);
  }

  private long todayVisits(Person p) throws Exception {
    HttpResponse<String> r = api().get("/api/referrals/stats", p.token());
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonObject("visits").getJsonNumber("today").longValue();
  }

  /** The reward of a payment as its referrer sees it. */
  private JsonObject reward(Person referrer, String reference) throws Exception {
    HttpResponse<String> r = api().get("/api/referrals/rewards?size=100", referrer.token());
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(o -> o.getString("sourceReference").equals(reference))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No reward for " + reference + ": " + r.body()));
  }

  /** Whether the admins' pending queue holds the reward of {@code reference}. */
  private boolean queued(String reference) throws Exception {
    HttpResponse<String> r =
        api().get("/api/admin/referrals/rewards?size=100", CommerceFixtures.admin(api()));
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .anyMatch(o -> o.getString("sourceReference").equals(reference));
  }

  private static String status(String reference) throws Exception {
    return (String)
        TestAccounts.query(
            "select status from ring.referral_rewards where source_reference = ?", reference);
  }

  private long wallet(Person p) throws Exception {
    HttpResponse<String> r = api().get("/api/wallet", p.token());
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonNumber("balanceMinor").longValue();
  }

  private String payWithCredits(Person buyer, long checkout, long amount) throws Exception {
    HttpResponse<String> r =
        CommerceFixtures.pay(api(), buyer.token(), "credits", "store_order", checkout, amount);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("paid", Api.json(r).getString("status"));
    return Api.json(r).getString("reference");
  }

  private String payByCard(Person buyer, long checkout, long amount) throws Exception {
    HttpResponse<String> r =
        CommerceFixtures.pay(api(), buyer.token(), "card", "store_order", checkout, amount);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getString("reference");
  }

  @Test
  void codesAreMadeOnFirstUseAndADeactivatedCodeIsReplaced() throws Exception {
    Person olena = person("olena", Role.MEMBER);
    String username = "Olena" + olena.id();
    TestAccounts.query(
        "update ring.users set username = ? where id = ? returning id", username, olena.id());
    JsonArray first = codes(olena);
    assertEquals(2, first.size(), first.toString());
    JsonObject random = first.getJsonObject(0);
    assertEquals("random", random.getString("kind"));
    assertTrue(
        random.getString("code").matches("[2-9A-HJ-NP-Za-km-z]{8}"), random.getString("code"));
    assertTrue(random.getString("shareUrl").endsWith("/?ref=" + random.getString("code")));
    JsonObject tag = first.getJsonObject(1);
    assertEquals("username", tag.getString("kind"));
    assertEquals(username.toLowerCase(), tag.getString("code"));
    assertEquals(first, codes(olena), "the same codes on every visit");

    // Without a username there is the random code only.
    assertEquals(1, codes(person("nameless", Role.SUBSCRIBER)).size());

    String old = random.getString("code");
    assertEquals(
        204, api().call("DELETE", "/api/referrals/codes/" + old, null, olena.token()).statusCode());
    assertEquals(
        404, api().call("DELETE", "/api/referrals/codes/" + old, null, olena.token()).statusCode());
    String fresh = randomCode(olena);
    assertNotEquals(old, fresh);
    assertTrue(refCookie(visit("/about?ref=" + old, null)).isEmpty(), "a deactivated code is dead");

    // Someone else's code cannot be deactivated.
    Person other = person("other", Role.SUBSCRIBER);
    assertEquals(
        404,
        api().call("DELETE", "/api/referrals/codes/" + fresh, null, other.token()).statusCode());
  }

  @Test
  void aShareLinkSetsTheFirstTouchCookieOnceAndCountsEveryVisit() throws Exception {
    Person owner = person("sharer", Role.MEMBER);
    String code = randomCode(owner);
    assertEquals(0, todayVisits(owner));

    HttpResponse<String> first = visit("/about?ref=" + code, null);
    assertEquals(200, first.statusCode());
    String cookie = refCookie(first).orElseThrow();
    assertTrue(cookie.startsWith("ring_ref=" + code + ";"), cookie);
    assertTrue(cookie.contains("Max-Age=2592000"), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    assertFalse(cookie.contains("Secure"), "plain HTTP here: " + cookie);

    // First touch wins: a visitor who already has a cookie keeps it, and the visit still counts.
    assertTrue(refCookie(visit("/?ref=" + code, "ring_ref=SomeoneElse")).isEmpty());
    // The API path counts too.
    HttpResponse<String> viaApi = visit("/api/platform?ref=" + code, null);
    assertEquals(200, viaApi.statusCode());
    assertTrue(refCookie(viaApi).isPresent());
    assertEquals(3, todayVisits(owner));

    // Unknown codes do nothing.
    assertTrue(refCookie(visit("/about?ref=NoSuchCode", null)).isEmpty());
    assertTrue(refCookie(visit("/about?ref=%27%3B--", null)).isEmpty());
    assertEquals(3, todayVisits(owner));

    HttpResponse<String> stats = api().get("/api/referrals/stats", owner.token());
    JsonObject visits = Api.json(stats).getJsonObject("visits");
    assertEquals(3, visits.getJsonNumber("last7Days").longValue());
    assertEquals(3, visits.getJsonNumber("last28Days").longValue());
    assertEquals(28, visits.getJsonArray("days").size());
  }

  @Test
  void aUsernameTagWorksWhateverItsCase() throws Exception {
    Person owner = person("tagged", Role.MEMBER);
    String username = "Tag" + owner.id();
    TestAccounts.query(
        "update ring.users set username = ? where id = ? returning id", username, owner.id());
    // Never listed yet: the tag is made on first use of the link.
    String cookie = refCookie(visit("/?ref=" + username.toUpperCase(), null)).orElseThrow();
    assertTrue(cookie.startsWith("ring_ref=" + username.toLowerCase() + ";"), cookie);
    assertEquals(1, todayVisits(owner));
  }

  @Test
  void anAccountCreatedWithTheCookieIsAttributedToTheCodesOwner() throws Exception {
    Person owner = person("inviter", Role.MEMBER);
    String code = randomCode(owner);
    String email = "invited-" + owner.id() + "@test.ring";
    HttpResponse<String> r =
        RingDeployment.http()
            .send(
                java.net.http.HttpRequest.newBuilder(RingDeployment.at(base, "/api/auth/signup"))
                    .header("Content-Type", "application/json")
                    .header("Cookie", "ring_ref=" + code)
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\""
                                + email
                                + "\",\"password\":\"a long enough secret\","
                                + "\"displayName\":\"Invited\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(202, r.statusCode(), r.body());
    long invited = TestAccounts.id(email);
    assertEquals(
        owner.id(),
        ((Number) TestAccounts.query("select referred_by from ring.users where id = ?", invited))
            .longValue());
    assertEquals(
        code, TestAccounts.query("select referred_code from ring.users where id = ?", invited));

    // Without the cookie, or with an unknown code, nobody is credited.
    String plain = "plain-" + owner.id() + "@test.ring";
    assertEquals(
        202,
        api()
            .post(
                "/api/auth/signup",
                "{\"email\":\""
                    + plain
                    + "\",\"password\":\"a long enough secret\","
                    + "\"displayName\":\"Plain\"}",
                null)
            .statusCode());
    assertNull(
        TestAccounts.query(
            "select referred_by from ring.users where id = ?", TestAccounts.id(plain)));
  }

  @Test
  void aCreditsOrderOfAReferredBuyerPaysTheRewardIntoTheWalletAtOnce() throws Exception {
    Person referrer = person("referrer", Role.MEMBER);
    String code = randomCode(referrer);
    Person buyer = person("buyer", Role.SUBSCRIBER);
    long vendor = CommerceFixtures.vendor(person("seller", Role.MEMBER).id());
    CommerceFixtures.grant(api(), buyer.id(), 50_000);
    long payableBefore = CommerceFixtures.balance("referral_payable");

    long checkout =
        CommerceFixtures.checkout(
            buyer.id(), referrer.id(), code, new Order(vendor, 20_000, 4_000, 1_000));
    String reference = payWithCredits(buyer, checkout, 20_000);

    JsonObject reward = reward(referrer, reference);
    assertEquals("paid", reward.getString("status"));
    assertEquals(1_000, reward.getJsonNumber("amountMinor").longValue());
    assertEquals(500, reward.getInt("rewardBps"));
    assertEquals(code, reward.getString("code"));
    assertEquals(1_000, wallet(referrer));
    assertEquals(30_000, wallet(buyer));
    assertEquals(15_000, CommerceFixtures.balance("vendor_payable:" + vendor));
    assertEquals(payableBefore, CommerceFixtures.balance("referral_payable"));

    JsonObject mine =
        Api.json(api().get("/api/referrals/rewards", referrer.token()))
            .getJsonArray("items")
            .getJsonObject(0);
    assertEquals(reference, mine.getString("sourceReference"));
    JsonObject totals =
        Api.json(api().get("/api/referrals/stats", referrer.token()))
            .getJsonArray("totals")
            .getJsonObject(0);
    assertEquals(1_000, totals.getJsonNumber("paidMinor").longValue());
    JsonObject movement =
        Api.json(api().get("/api/wallet/history", referrer.token()))
            .getJsonArray("items")
            .getJsonObject(0);
    assertEquals("referral_reward_paid", movement.getString("kind"));
    assertEquals(1_000, movement.getJsonNumber("amountMinor").longValue());
    assertEquals(
        1L,
        TestAccounts.query(
            "select count(*) from ring.notifications where user_id = ? and type ="
                + " 'referral_reward'",
            referrer.id()));
    CommerceFixtures.assertLedgerSound(api(), buyer.token());
  }

  @Test
  void aSecondOrderAndASelfReferralEarnNothingAndTheShareGoesBackToTheVendor() throws Exception {
    Person referrer = person("referrer2", Role.MEMBER);
    String code = randomCode(referrer);
    Person buyer = person("buyer2", Role.SUBSCRIBER);
    long vendor = CommerceFixtures.vendor(person("seller2", Role.MEMBER).id());
    CommerceFixtures.grant(api(), buyer.id(), 50_000);
    CommerceFixtures.grant(api(), referrer.id(), 50_000);

    String first =
        payWithCredits(
            buyer,
            CommerceFixtures.checkout(
                buyer.id(), referrer.id(), code, new Order(vendor, 10_000, 2_000, 500)),
            10_000);
    assertEquals("paid", status(first));
    long payableBefore = CommerceFixtures.balance("referral_payable");
    // Attributed before the first was paid (two checkouts in a race): not a first purchase now.
    String second =
        payWithCredits(
            buyer,
            CommerceFixtures.checkout(
                buyer.id(), referrer.id(), code, new Order(vendor, 10_000, 2_000, 500)),
            10_000);
    assertEquals("rejected", status(second));
    assertEquals(50_000 + 500, wallet(referrer), "only the first order was rewarded");
    assertEquals(
        (10_000 - 2_000 - 500) + (10_000 - 2_000),
        CommerceFixtures.balance("vendor_payable:" + vendor),
        "the second order's share went back to the vendor");
    assertEquals(payableBefore, CommerceFixtures.balance("referral_payable"));

    // The code's owner buying through their own code earns nothing either.
    String own =
        payWithCredits(
            referrer,
            CommerceFixtures.checkout(
                referrer.id(), referrer.id(), code, new Order(vendor, 10_000, 2_000, 500)),
            10_000);
    assertEquals("rejected", status(own));
    assertEquals(50_000 + 500 - 10_000, wallet(referrer));
    // An order without a referral earns no reward row at all.
    String plain =
        payWithCredits(
            buyer,
            CommerceFixtures.checkout(buyer.id(), null, null, new Order(vendor, 1_000, 200, 0)),
            1_000);
    assertNull(status(plain));
    CommerceFixtures.assertLedgerSound(api(), buyer.token());
  }

  @Test
  void aCardOrderRewardWaitsForAnAdminWhoApprovesItIntoTheWallet() throws Exception {
    Person referrer = person("referrer3", Role.MEMBER);
    String code = randomCode(referrer);
    Person buyer = person("buyer3", Role.SUBSCRIBER);
    long vendorA = CommerceFixtures.vendor(person("sellerA", Role.MEMBER).id());
    long vendorB = CommerceFixtures.vendor(person("sellerB", Role.MEMBER).id());
    long checkout =
        CommerceFixtures.checkout(
            buyer.id(),
            referrer.id(),
            code,
            new Order(vendorA, 10_000, 2_000, 1_000),
            new Order(vendorB, 30_000, 6_000, 1_500));
    String reference = payByCard(buyer, checkout, 40_000);

    JsonObject pending = reward(referrer, reference);
    assertTrue(queued(reference), "waiting in the admins' queue");
    assertEquals("pending", pending.getString("status"));
    assertEquals(2_500, pending.getJsonNumber("amountMinor").longValue());
    assertEquals(625, pending.getInt("rewardBps"));
    assertEquals(0, wallet(referrer));
    long id = pending.getJsonNumber("id").longValue();

    // Only admins decide.
    assertEquals(
        403,
        api()
            .post("/api/admin/referrals/rewards/" + id + "/approve", "{}", referrer.token())
            .statusCode());
    HttpResponse<String> approved =
        api()
            .post(
                "/api/admin/referrals/rewards/" + id + "/approve",
                "{\"note\":\"checked\"}",
                CommerceFixtures.admin(api()));
    assertEquals(200, approved.statusCode(), approved.body());
    assertEquals("paid", Api.json(approved).getString("status"));
    assertEquals("checked", Api.json(approved).getString("decisionNote"));
    assertEquals(2_500, wallet(referrer));
    assertFalse(queued(reference));
    HttpResponse<String> again =
        api()
            .post(
                "/api/admin/referrals/rewards/" + id + "/reject",
                "{}",
                CommerceFixtures.admin(api()));
    assertEquals(409, again.statusCode(), again.body());
    assertEquals("already_decided", Api.json(again).getString("code"));
    assertEquals(2_500, wallet(referrer));
    CommerceFixtures.assertLedgerSound(api(), buyer.token());
  }

  @Test
  void aRejectedCardRewardGoesBackToEachVendorInProportion() throws Exception {
    Person referrer = person("referrer4", Role.MEMBER);
    String code = randomCode(referrer);
    Person buyer = person("buyer4", Role.SUBSCRIBER);
    long vendorA = CommerceFixtures.vendor(person("sellerC", Role.MEMBER).id());
    long vendorB = CommerceFixtures.vendor(person("sellerD", Role.MEMBER).id());
    long payableBefore = CommerceFixtures.balance("referral_payable");
    long checkout =
        CommerceFixtures.checkout(
            buyer.id(),
            referrer.id(),
            code,
            new Order(vendorA, 10_000, 2_000, 1_000),
            new Order(vendorB, 30_000, 6_000, 1_500));
    String reference = payByCard(buyer, checkout, 40_000);
    assertEquals(7_000, CommerceFixtures.balance("vendor_payable:" + vendorA));
    assertEquals(22_500, CommerceFixtures.balance("vendor_payable:" + vendorB));
    assertEquals(payableBefore + 2_500, CommerceFixtures.balance("referral_payable"));

    long id = reward(referrer, reference).getJsonNumber("id").longValue();
    HttpResponse<String> rejected =
        api()
            .post(
                "/api/admin/referrals/rewards/" + id + "/reject",
                "{\"note\":\"fraud\"}",
                CommerceFixtures.admin(api()));
    assertEquals(200, rejected.statusCode(), rejected.body());
    assertEquals("rejected", Api.json(rejected).getString("status"));
    assertEquals(8_000, CommerceFixtures.balance("vendor_payable:" + vendorA));
    assertEquals(24_000, CommerceFixtures.balance("vendor_payable:" + vendorB));
    assertEquals(payableBefore, CommerceFixtures.balance("referral_payable"));
    assertEquals(0, wallet(referrer));
    assertEquals(
        404,
        api()
            .post(
                "/api/admin/referrals/rewards/999999999/approve",
                "{}",
                CommerceFixtures.admin(api()))
            .statusCode());
    CommerceFixtures.assertLedgerSound(api(), buyer.token());
  }

  @Test
  void aReferredMembersMembershipEarnsAPendingRewardAtTheDefaultRate() throws Exception {
    Person referrer = person("referrer5", Role.MEMBER);
    String code = randomCode(referrer);
    Person member = person("joiner", Role.SUBSCRIBER);
    TestAccounts.query(
        "update ring.users set referred_by = ?, referred_code = ? where id = ? returning id",
        referrer.id(),
        code,
        member.id());
    CommerceFixtures.grant(api(), member.id(), 10_000);
    long revenueBefore = CommerceFixtures.balance("membership_revenue");
    long payableBefore = CommerceFixtures.balance("referral_payable");

    HttpResponse<String> bought =
        api()
            .post(
                "/api/membership/purchases",
                "{\"plan\":\"monthly\",\"rail\":\"credits\"}",
                member.token());
    assertEquals(201, bought.statusCode(), bought.body());
    String reference = Api.json(bought).getString("reference");
    JsonObject reward = reward(referrer, reference);
    assertEquals("pending", reward.getString("status"));
    assertEquals("membership", reward.getString("source"));
    assertEquals(500, reward.getJsonNumber("amountMinor").longValue());
    assertEquals(revenueBefore + 9_500, CommerceFixtures.balance("membership_revenue"));
    assertEquals(payableBefore + 500, CommerceFixtures.balance("referral_payable"));

    HttpResponse<String> rejected =
        api()
            .post(
                "/api/admin/referrals/rewards/"
                    + reward.getJsonNumber("id").longValue()
                    + "/reject",
                "{}",
                CommerceFixtures.admin(api()));
    assertEquals(200, rejected.statusCode(), rejected.body());
    assertEquals(revenueBefore + 10_000, CommerceFixtures.balance("membership_revenue"));
    assertEquals(payableBefore, CommerceFixtures.balance("referral_payable"));
    CommerceFixtures.assertLedgerSound(api(), referrer.token());
  }

  @Test
  void theAdminQueueIsForAdminsAndRefusesUnknownStatuses() throws Exception {
    Person someone = person("curious", Role.MEMBER);
    assertEquals(403, api().get("/api/admin/referrals/rewards", someone.token()).statusCode());
    HttpResponse<String> bad =
        api().get("/api/admin/referrals/rewards?status=lost", CommerceFixtures.admin(api()));
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("status_invalid", Api.json(bad).getString("code"));
  }
}
