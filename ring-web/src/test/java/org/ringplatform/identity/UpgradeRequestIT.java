package org.ringplatform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * A subscriber asks to become a member with a reason; an admin approves or rejects it from the
 * queue; the person is told in the portal and the decision is audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpgradeRequestIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static JsonArray array(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readArray();
  }

  private static long requestIdOf(JsonArray queue, long userId) {
    return queue.getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getJsonNumber("userId").longValue() == userId)
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  @Test
  void anApprovedRequestMakesTheSubscriberAMemberAndTellsThem() throws Exception {
    Api api = new Api(base);
    String email = TestAccounts.create("hopeful", Role.SUBSCRIBER);
    long userId = TestAccounts.id(email);
    String subscriber = api.accessToken(email, TestAccounts.PASSWORD);
    HttpResponse<String> asked =
        api.post(
            "/api/me/upgrade-request", "{\"reason\":\"I run the Kyiv makers club\"}", subscriber);
    assertEquals(201, asked.statusCode(), asked.body());
    assertEquals("pending", Api.json(asked).getString("status"));
    assertEquals(
        409,
        api.post("/api/me/upgrade-request", "{\"reason\":\"Asking a second time\"}", subscriber)
            .statusCode(),
        "one pending request at a time");

    String admin = api.accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
    long requestId = requestIdOf(array(api.get("/api/admin/upgrade-requests", admin)), userId);
    HttpResponse<String> approved =
        api.post(
            "/api/admin/upgrade-requests/" + requestId + "/approve",
            "{\"note\":\"Welcome\"}",
            admin);
    assertEquals(200, approved.statusCode(), approved.body());

    assertEquals("member", TestAccounts.query("select role from ring.users where id = ?", userId));
    assertEquals(
        1L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.notifications where user_id = ? and type = 'upgrade_approved'",
                    userId))
            .longValue());
    assertEquals(
        1L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.account_audit where target_id = ? and action = 'upgrade_approved' and from_value = 'subscriber' and to_value = 'member'",
                    userId))
            .longValue());
    assertEquals(
        "approved",
        Api.json(api.get("/api/me/upgrade-request", api.accessToken(email, TestAccounts.PASSWORD)))
            .getString("status"));
    assertEquals(
        409,
        api.post("/api/admin/upgrade-requests/" + requestId + "/approve", "{}", admin).statusCode(),
        "decided once");
  }

  @Test
  void aRejectedRequestLeavesTheRoleAndTellsThePersonWhy() throws Exception {
    Api api = new Api(base);
    String email = TestAccounts.create("refused", Role.SUBSCRIBER);
    long userId = TestAccounts.id(email);
    String subscriber = api.accessToken(email, TestAccounts.PASSWORD);
    assertEquals(
        201,
        api.post(
                "/api/me/upgrade-request", "{\"reason\":\"Please let me post offers\"}", subscriber)
            .statusCode());
    String admin = api.accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
    long requestId = requestIdOf(array(api.get("/api/admin/upgrade-requests", admin)), userId);
    assertEquals(
        200,
        api.post(
                "/api/admin/upgrade-requests/" + requestId + "/reject",
                "{\"note\":\"Tell us about your organisation first\"}",
                admin)
            .statusCode());
    assertEquals(
        "subscriber", TestAccounts.query("select role from ring.users where id = ?", userId));
    JsonObject mine = Api.json(api.get("/api/me/upgrade-request", subscriber));
    assertEquals("rejected", mine.getString("status"));
    assertEquals("Tell us about your organisation first", mine.getString("decisionNote"));
    assertEquals(
        1L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.notifications where user_id = ? and type = 'upgrade_rejected'",
                    userId))
            .longValue());
  }

  @Test
  void onlySubscribersAskAndOnlyWithAReason() throws Exception {
    Api api = new Api(base);
    String member =
        api.accessToken(TestAccounts.create("already", Role.MEMBER), TestAccounts.PASSWORD);
    assertEquals(
        409,
        api.post("/api/me/upgrade-request", "{\"reason\":\"I want to be a member\"}", member)
            .statusCode());
    String subscriber =
        api.accessToken(TestAccounts.create("terse", Role.SUBSCRIBER), TestAccounts.PASSWORD);
    HttpResponse<String> tooShort =
        api.post("/api/me/upgrade-request", "{\"reason\":\"pls\"}", subscriber);
    assertEquals(400, tooShort.statusCode());
    assertTrue(Api.json(tooShort).getString("detail").contains("10"));
    assertEquals(404, api.get("/api/me/upgrade-request", subscriber).statusCode());
  }

  @Test
  void aMemberDescribesExperienceAndFollowedCategoriesForTheMatcher() throws Exception {
    Api api = new Api(base);
    String email = TestAccounts.create("profiled", Role.MEMBER);
    String token = api.accessToken(email, TestAccounts.PASSWORD);
    HttpResponse<String> saved =
        api.call(
            "PUT",
            "/api/me",
            "{\"displayName\":\"Profiled\",\"skills\":[\"java\"],\"experienceLevel\":\"senior\","
                + "\"interests\":[\"technology\",\"education\"]}",
            token);
    assertEquals(200, saved.statusCode(), saved.body());
    JsonObject me = Api.json(api.get("/api/me", token));
    assertEquals("senior", me.getString("experienceLevel"));
    assertEquals(2, me.getJsonArray("interests").size());

    HttpResponse<String> refused =
        api.call(
            "PUT", "/api/me", "{\"displayName\":\"Profiled\",\"experienceLevel\":\"guru\"}", token);
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("experienceLevel"), refused.body());
    assertEquals(
        "senior", Api.json(api.get("/api/me", token)).getString("experienceLevel"), "unchanged");
  }
}
