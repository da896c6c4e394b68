package org.ringplatform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * Stores through the API (§8.2): a member opens one for an entity they own, once per entity; it
 * waits for an admin, who approves, rejects, suspends and reinstates it with the owner told each
 * time and every step in the store's history; a suspended store's products disappear; admins set a
 * store's tier and edit the tiers, the one commission model; and a store is never a role (§22.5).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VendorsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  /** A person with a token. */
  private record Person(String email, long id, String token) {}

  private Person person(Role role) throws Exception {
    String email = TestAccounts.create(role.id(), role);
    return new Person(
        email, TestAccounts.id(email), new Api(base).accessToken(email, TestAccounts.PASSWORD));
  }

  private String admin() throws Exception {
    return new Api(base).accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
  }

  private static String slug() {
    return "shop-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String store(long entityId, String slug) {
    return "{\"entityId\":"
        + entityId
        + ",\"name\":\"Kyiv Corner Shop\",\"slug\":\""
        + slug
        + "\",\"description\":\"Things we make in Kyiv\"}";
  }

  private static long id(HttpResponse<String> r) {
    return Api.json(r).getJsonNumber("id").longValue();
  }

  private static long count(String sql, Object... params) throws Exception {
    return ((Number) TestAccounts.query(sql, params)).longValue();
  }

  /** A store opened through the API by a new member; returns the member and the store's id. */
  private record Opened(Person owner, long id) {}

  private Opened open() throws Exception {
    Person owner = person(Role.MEMBER);
    long entity = TestAccounts.entity(owner.id(), "public", false);
    HttpResponse<String> r =
        new Api(base).post("/api/store/vendors", store(entity, slug()), owner.token());
    assertEquals(201, r.statusCode(), r.body());
    return new Opened(owner, id(r));
  }

  @Test
  void aMemberOpensAStoreForAnEntityTheyOwnAndItWaitsForAnAdmin() throws Exception {
    Api api = new Api(base);
    Person member = person(Role.MEMBER);
    long entity = TestAccounts.entity(member.id(), "public", false);
    String slug = slug();
    HttpResponse<String> opened =
        api.post(
            "/api/store/vendors", store(entity, " " + slug.toUpperCase() + " "), member.token());
    assertEquals(201, opened.statusCode(), opened.body());
    JsonObject v = Api.json(opened);
    assertEquals("pending", v.getString("status"));
    assertEquals(slug, v.getString("slug"), "the address is lower-cased and trimmed");
    assertEquals("starter", v.getString("tier"));
    assertEquals(2000, v.getInt("commissionBps"));
    assertEquals(member.id(), v.getJsonNumber("ownerId").longValue());
    long id = id(opened);
    HttpResponse<String> mine = api.get("/api/store/vendors", member.token());
    assertEquals(200, mine.statusCode());
    assertEquals(id, Api.jsonArray(mine).getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals(404, api.get("/api/store/vendors/" + id, null).statusCode(), "not open yet");
    assertEquals(
        404,
        api.get("/api/store/vendors/" + id, person(Role.MEMBER).token()).statusCode(),
        "nor for other members");
    assertEquals(200, api.get("/api/store/vendors/" + id, member.token()).statusCode());
    assertEquals(200, api.get("/api/store/vendors/" + id, admin()).statusCode());
    assertEquals(
        "opened",
        TestAccounts.query(
            "select action from ring.vendor_events where vendor_id = ? order by id", id));
    HttpResponse<String> queue =
        api.get("/api/admin/store/vendors?status=pending&size=200", admin());
    assertTrue(queue.body().contains("\"slug\":\"" + slug + "\""), "in the admin queue");
  }

  @Test
  void onlyMembersOpenStoresOnlyForTheirOwnEntitiesAndOnePerEntity() throws Exception {
    Api api = new Api(base);
    Person subscriber = person(Role.SUBSCRIBER);
    long subscribersEntity = TestAccounts.entity(subscriber.id(), "public", false);
    assertEquals(
        403,
        api.post("/api/store/vendors", store(subscribersEntity, slug()), subscriber.token())
            .statusCode());
    Person member = person(Role.MEMBER);
    long before = count("select count(*) from ring.vendors");
    HttpResponse<String> notTheirs =
        api.post("/api/store/vendors", store(subscribersEntity, slug()), member.token());
    assertEquals(400, notTheirs.statusCode());
    assertEquals("entity_not_yours", Api.json(notTheirs).getString("code"));
    assertEquals(
        "application/problem+json",
        notTheirs.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    long entity = TestAccounts.entity(member.id(), "public", false);
    for (String[] bad :
        new String[][] {
          {"{\"name\":\"Shop\",\"slug\":\"a-shop\",\"description\":\"x\"}", "entity_required"},
          {store(entity, "no spaces"), "slug_invalid"},
          {store(entity, "ab"), "slug_invalid"},
          {store(entity, "x".repeat(51)), "slug_invalid"},
          {
            "{\"entityId\":"
                + entity
                + ",\"name\":\"ab\",\"slug\":\""
                + slug()
                + "\",\"description\":\"x\"}",
            "name_invalid"
          },
          {
            "{\"entityId\":"
                + entity
                + ",\"name\":\"A shop\",\"slug\":\""
                + slug()
                + "\",\"description\":\""
                + "x".repeat(500)
                + "\"}",
            "description_invalid"
          },
          {"{\"entityId\":\"twelve\"}", null}
        }) {
      HttpResponse<String> r = api.post("/api/store/vendors", bad[0], member.token());
      assertEquals(400, r.statusCode(), bad[0] + " -> " + r.body());
      if (bad[1] != null) {
        assertEquals(bad[1], Api.json(r).getString("code"), r.body());
      }
    }
    assertEquals(before, count("select count(*) from ring.vendors"), "nothing stored");
    String slug = slug();
    assertEquals(
        201, api.post("/api/store/vendors", store(entity, slug), member.token()).statusCode());
    HttpResponse<String> second =
        api.post("/api/store/vendors", store(entity, slug()), member.token());
    assertEquals(409, second.statusCode());
    assertEquals("entity_has_store", Api.json(second).getString("code"));
    long other = TestAccounts.entity(member.id(), "public", false);
    HttpResponse<String> taken = api.post("/api/store/vendors", store(other, slug), member.token());
    assertEquals(409, taken.statusCode());
    assertEquals("slug_taken", Api.json(taken).getString("code"));
    assertEquals(1, count("select count(*) from ring.vendors where owner_id = ?", member.id()));
  }

  @Test
  void adminsApproveRejectSuspendAndReinstateAndTheOwnerIsToldEachTime() throws Exception {
    Api api = new Api(base);
    String admin = admin();
    Opened s = open();
    String path = "/api/admin/store/vendors/" + s.id();
    HttpResponse<String> approved =
        api.post(path + "/approve", "{\"note\":\"Checked the samples\"}", admin);
    assertEquals(200, approved.statusCode(), approved.body());
    assertEquals("active", Api.json(approved).getString("status"));
    HttpResponse<String> publicView = api.get("/api/store/vendors/" + s.id(), null);
    assertEquals(200, publicView.statusCode(), "open to all");
    assertFalse(publicView.body().contains("Checked the samples"), "the note is the owner's");
    assertTrue(
        api.get("/api/store/vendors/" + s.id(), s.owner().token())
            .body()
            .contains("Checked the samples"));
    assertEquals(
        "member",
        TestAccounts.query("select role from ring.users where id = ?", s.owner().id()),
        "a store is not a role");
    long product = StoreFixtures.product(s.id(), "Suspension probe " + slug(), "active", 500, 3);
    assertEquals(200, api.get("/api/store/products/" + product, null).statusCode());

    HttpResponse<String> again = api.post(path + "/approve", "{}", admin);
    assertEquals(409, again.statusCode());
    assertEquals("status_active", Api.json(again).getString("code"));
    HttpResponse<String> noNote = api.post(path + "/suspend", "{}", admin);
    assertEquals(400, noNote.statusCode());
    assertEquals("note_invalid", Api.json(noNote).getString("code"));
    assertEquals(
        "active", TestAccounts.query("select status from ring.vendors where id = ?", s.id()));
    HttpResponse<String> suspended =
        api.post(path + "/suspend", "{\"note\":\"Counterfeit goods reported\"}", admin);
    assertEquals(200, suspended.statusCode(), suspended.body());
    assertEquals("Counterfeit goods reported", Api.json(suspended).getString("statusNote"));
    assertEquals(404, api.get("/api/store/vendors/" + s.id(), null).statusCode());
    assertEquals(
        404, api.get("/api/store/products/" + product, null).statusCode(), "its products hide");
    assertFalse(
        api.get("/api/store/products?vendor=" + s.id(), null).body().contains("\"id\":" + product));
    assertEquals(
        200,
        api.get("/api/store/products/" + product, s.owner().token()).statusCode(),
        "the owner still sees them");
    HttpResponse<String> frozen =
        api.call(
            "PUT",
            "/api/store/products/" + product,
            "{\"title\":\"Changed while suspended\",\"category\":\"other\",\"price\":5}",
            s.owner().token());
    assertEquals(409, frozen.statusCode());
    assertEquals("vendor_not_active", Api.json(frozen).getString("code"));
    HttpResponse<String> reinstated = api.post(path + "/reinstate", "{}", admin);
    assertEquals(200, reinstated.statusCode());
    assertEquals("active", Api.json(reinstated).getString("status"));
    assertEquals(200, api.get("/api/store/products/" + product, null).statusCode());
    assertEquals(
        "opened,approved,suspended,reinstated",
        TestAccounts.query(
            "select string_agg(action, ',' order by id) from ring.vendor_events"
                + " where vendor_id = ?",
            s.id()));
    assertEquals(
        "vendor_approved,vendor_suspended,vendor_reinstated",
        TestAccounts.query(
            "select string_agg(type, ',' order by id) from ring.notifications where user_id = ?",
            s.owner().id()));
    assertTrue(
        String.valueOf(
                TestAccounts.query(
                    "select payload from ring.notifications where user_id = ?"
                        + " and type = 'vendor_suspended'",
                    s.owner().id()))
            .contains("Counterfeit goods reported"),
        "the owner reads the note");
    HttpResponse<String> unknown = api.post(path + "/promote", "{}", admin);
    assertEquals(400, unknown.statusCode());
    assertEquals("action_invalid", Api.json(unknown).getString("code"));
  }

  @Test
  void aRejectedStoreCanApplyAgainForTheSameEntity() throws Exception {
    Api api = new Api(base);
    Person member = person(Role.MEMBER);
    long entity = TestAccounts.entity(member.id(), "public", false);
    long id = id(api.post("/api/store/vendors", store(entity, slug()), member.token()));
    HttpResponse<String> noNote =
        api.post("/api/admin/store/vendors/" + id + "/reject", "{}", admin());
    assertEquals(400, noNote.statusCode());
    HttpResponse<String> rejected =
        api.post(
            "/api/admin/store/vendors/" + id + "/reject",
            "{\"note\":\"Tell buyers what you sell\"}",
            admin());
    assertEquals(200, rejected.statusCode());
    assertEquals("rejected", Api.json(rejected).getString("status"));
    assertEquals(404, api.get("/api/store/vendors/" + id, null).statusCode());
    HttpResponse<String> reapplied =
        api.post("/api/store/vendors", store(entity, slug()), member.token());
    assertEquals(201, reapplied.statusCode(), reapplied.body());
    assertEquals(id, id(reapplied), "the same store, opened again");
    assertEquals("pending", Api.json(reapplied).getString("status"));
    assertEquals(
        "opened,rejected,reapplied",
        TestAccounts.query(
            "select string_agg(action, ',' order by id) from ring.vendor_events"
                + " where vendor_id = ?",
            id));
    HttpResponse<String> events = api.get("/api/store/vendors/" + id + "/events", member.token());
    assertEquals(200, events.statusCode());
    assertEquals("reapplied", Api.jsonArray(events).getJsonObject(0).getString("action"));
    assertEquals(
        404,
        api.get("/api/store/vendors/" + id + "/events", person(Role.MEMBER).token()).statusCode(),
        "a store others cannot see has no history for them");
  }

  @Test
  void theOwnerEditsNameAndDescriptionAndNobodyElseDoes() throws Exception {
    Api api = new Api(base);
    Opened s = open();
    api.post("/api/admin/store/vendors/" + s.id() + "/approve", "{}", admin());
    HttpResponse<String> edited =
        api.call(
            "PUT",
            "/api/store/vendors/" + s.id(),
            "{\"name\":\"Kyiv Corner Shop 2\",\"description\":\"Now with tea\"}",
            s.owner().token());
    assertEquals(200, edited.statusCode(), edited.body());
    assertEquals("Kyiv Corner Shop 2", Api.json(edited).getString("name"));
    Person other = person(Role.MEMBER);
    HttpResponse<String> hijack =
        api.call(
            "PUT",
            "/api/store/vendors/" + s.id(),
            "{\"name\":\"Hijacked\",\"description\":\"x\"}",
            other.token());
    assertEquals(403, hijack.statusCode());
    HttpResponse<String> byAdmin =
        api.call(
            "PUT",
            "/api/store/vendors/" + s.id(),
            "{\"name\":\"By an admin\",\"description\":\"x\"}",
            admin());
    assertEquals(403, byAdmin.statusCode(), "admins decide; owners write");
    assertEquals(
        "Kyiv Corner Shop 2",
        TestAccounts.query("select name from ring.vendors where id = ?", s.id()));
  }

  @Test
  void adminsSetAStoresTierAndEditTheTiers() throws Exception {
    Api api = new Api(base);
    String admin = admin();
    Opened s = open();
    HttpResponse<String> tiered =
        api.call(
            "PUT", "/api/admin/store/vendors/" + s.id() + "/tier", "{\"tier\":\"growth\"}", admin);
    assertEquals(200, tiered.statusCode(), tiered.body());
    assertEquals("growth", Api.json(tiered).getString("tier"));
    assertEquals(1700, Api.json(tiered).getInt("commissionBps"));
    HttpResponse<String> unknown =
        api.call(
            "PUT",
            "/api/admin/store/vendors/" + s.id() + "/tier",
            "{\"tier\":\"platinum\"}",
            admin);
    assertEquals(400, unknown.statusCode());
    assertEquals("tier_invalid", Api.json(unknown).getString("code"));
    assertEquals(
        1,
        count(
            "select count(*) from ring.notifications where user_id = ?"
                + " and type = 'vendor_tier_changed'",
            s.owner().id()));
    assertEquals(
        "starter -> growth",
        TestAccounts.query(
            "select note from ring.vendor_events where vendor_id = ? and action = 'tier_changed'",
            s.id()));

    HttpResponse<String> tiers = api.get("/api/admin/store/tiers", admin);
    assertEquals(200, tiers.statusCode());
    assertEquals("starter", Api.jsonArray(tiers).getJsonObject(0).getString("code"));
    for (String bad :
        new String[] {
          "{\"commissionBps\":10001,\"settlementHoldDays\":3}",
          "{\"commissionBps\":-1,\"settlementHoldDays\":3}",
          "{\"commissionBps\":1500,\"settlementHoldDays\":366}",
          "{\"commissionBps\":1500,\"settlementHoldDays\":3,\"maxProducts\":0}",
          "{\"settlementHoldDays\":3}"
        }) {
      HttpResponse<String> r = api.call("PUT", "/api/admin/store/tiers/professional", bad, admin);
      assertEquals(400, r.statusCode(), bad);
    }
    assertEquals(
        1500,
        ((Number)
                TestAccounts.query(
                    "select commission_bps from ring.vendor_tiers where code = 'professional'"))
            .intValue(),
        "unchanged");
    HttpResponse<String> changed =
        api.call(
            "PUT",
            "/api/admin/store/tiers/professional",
            "{\"commissionBps\":1450,\"settlementHoldDays\":5,\"maxProducts\":900}",
            admin);
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals(1450, Api.json(changed).getInt("commissionBps"));
    assertEquals(
        404,
        api.call(
                "PUT",
                "/api/admin/store/tiers/platinum",
                "{\"commissionBps\":1,\"settlementHoldDays\":1}",
                admin)
            .statusCode());
    // Back to the shipped numbers, which other tests rely on.
    api.call(
        "PUT",
        "/api/admin/store/tiers/professional",
        "{\"commissionBps\":1500,\"settlementHoldDays\":3,\"maxProducts\":1000}",
        admin);
  }
}
