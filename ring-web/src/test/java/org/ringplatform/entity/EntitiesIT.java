package org.ringplatform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
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
 * Entities through the API: who may create what (the reference's section 20 item 3), visibility in
 * lists and single reads, owners' and admins' rights, members, reports, personal hiding and global
 * blocks, and bad input that changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EntitiesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static String body(String name, String visibility, boolean confidential) {
    return "{\"name\":\""
        + name
        + "\",\"type\":\"technologySoftware\",\"shortDescription\":\"We build things\","
        + "\"tags\":[\"Java\",\"java\",\" Kyiv \"],\"visibility\":\""
        + visibility
        + "\",\"confidential\":"
        + confidential
        + "}";
  }

  private String token(Role role) throws Exception {
    return new Api(base).accessToken(TestAccounts.create(role.id(), role), TestAccounts.PASSWORD);
  }

  private List<Long> listedIds(String token, String query) throws Exception {
    HttpResponse<String> r = new Api(base).get("/api/entities?size=100&q=" + query, token);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getJsonNumber("id").longValue())
        .toList();
  }

  @Test
  void membersCreateEntitiesAndSubscribersCannot() throws Exception {
    Api api = new Api(base);
    HttpResponse<String> created =
        api.post("/api/entities", body("Kyiv Makers", "public", false), token(Role.MEMBER));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject e = Api.json(created);
    assertEquals("Kyiv Makers", e.getString("name"));
    assertEquals(
        List.of("java", "kyiv"),
        e.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    assertEquals("active", e.getString("moderationStatus"));
    assertFalse(e.getBoolean("verified"));
    assertEquals(
        403,
        api.post("/api/entities", body("Nope", "public", false), token(Role.SUBSCRIBER))
            .statusCode());
  }

  @Test
  void onlyConfidentialAccessCreatesOrGrantsConfidentialEntities() throws Exception {
    Api api = new Api(base);
    String member = token(Role.MEMBER);
    assertEquals(
        403, api.post("/api/entities", body("Secret", "public", true), member).statusCode());
    assertEquals(
        403, api.post("/api/entities", body("Secret", "confidential", false), member).statusCode());
    assertEquals(
        201, api.post("/api/entities", body("Members only", "member", false), member).statusCode());
    assertEquals(
        201,
        api.post("/api/entities", body("Secret", "public", true), token(Role.CONFIDENTIAL))
            .statusCode());
    assertEquals(
        201,
        api.post("/api/entities", body("Secret", "confidential", false), token(Role.ADMIN))
            .statusCode());
  }

  @Test
  void listsAndReadsFollowTheVisibilityLadder() throws Exception {
    Api api = new Api(base);
    long owner = TestAccounts.id(TestAccounts.create("ladder-owner", Role.CONFIDENTIAL));
    long pub = TestAccounts.entity(owner, "public", false);
    long subs = TestAccounts.entity(owner, "subscriber", false);
    long mem = TestAccounts.entity(owner, "member", false);
    long conf = TestAccounts.entity(owner, "public", true);
    String marker = "A%20test%20entity";
    List<Long> anonymous = listedIds(null, marker);
    assertTrue(anonymous.contains(pub));
    assertFalse(anonymous.contains(subs) || anonymous.contains(mem) || anonymous.contains(conf));
    List<Long> subscriber = listedIds(token(Role.SUBSCRIBER), marker);
    assertTrue(subscriber.contains(pub) && subscriber.contains(subs));
    assertFalse(subscriber.contains(mem) || subscriber.contains(conf));
    List<Long> member = listedIds(token(Role.MEMBER), marker);
    assertTrue(member.contains(mem));
    assertFalse(
        member.contains(conf), "a confidential row never reaches a non-confidential member");
    assertTrue(listedIds(token(Role.CONFIDENTIAL), marker).contains(conf));

    assertEquals(
        404,
        api.get("/api/entities/" + mem, token(Role.SUBSCRIBER)).statusCode(),
        "a subscriber cannot open a member entity by id");
    assertEquals(200, api.get("/api/entities/" + mem, token(Role.MEMBER)).statusCode());
    assertEquals(404, api.get("/api/entities/" + conf, token(Role.MEMBER)).statusCode());
    assertEquals(404, api.get("/api/entities/" + conf, null).statusCode());
    assertEquals(200, api.get("/api/entities/" + conf, token(Role.ADMIN)).statusCode());
  }

  @Test
  void onlyTheOwnerOrAnAdminChangesAnEntityAndNobodyEscalatesItsVisibility() throws Exception {
    Api api = new Api(base);
    String ownerEmail = TestAccounts.create("owner", Role.MEMBER);
    String owner = api.accessToken(ownerEmail, TestAccounts.PASSWORD);
    long id =
        Api.json(api.post("/api/entities", body("Owned", "public", false), owner))
            .getJsonNumber("id")
            .longValue();
    assertEquals(
        200,
        api.call("PUT", "/api/entities/" + id, body("Owned and renamed", "member", false), owner)
            .statusCode());
    assertEquals(
        403,
        api.call("PUT", "/api/entities/" + id, body("Owned", "public", true), owner).statusCode(),
        "a member cannot make it confidential");
    assertEquals(
        "member", TestAccounts.query("select visibility from ring.entities where id = ?", id));
    assertEquals(
        Boolean.FALSE,
        TestAccounts.query("select confidential from ring.entities where id = ?", id));
    assertEquals(
        403,
        api.call(
                "PUT", "/api/entities/" + id, body("Hijacked", "public", false), token(Role.MEMBER))
            .statusCode());
    assertEquals(
        403,
        api.call("DELETE", "/api/entities/" + id, null, token(Role.CONFIDENTIAL)).statusCode());
    assertEquals(
        "Owned and renamed", TestAccounts.query("select name from ring.entities where id = ?", id));
    assertEquals(
        200,
        api.call(
                "PUT",
                "/api/entities/" + id,
                body("Renamed by admin", "public", false),
                token(Role.ADMIN))
            .statusCode());
    assertEquals(204, api.call("DELETE", "/api/entities/" + id, null, owner).statusCode());
    assertEquals(404, api.get("/api/entities/" + id, owner).statusCode());
    assertEquals(
        4L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.entity_audit where entity_id = ?", id))
            .longValue(),
        "created, updated twice, deleted");
  }

  @Test
  void anOwnerInvitesExistingAccountsWhoAreTold() throws Exception {
    Api api = new Api(base);
    String owner =
        api.accessToken(TestAccounts.create("inviter", Role.MEMBER), TestAccounts.PASSWORD);
    long id =
        Api.json(api.post("/api/entities", body("Team", "public", false), owner))
            .getJsonNumber("id")
            .longValue();
    String inviteeEmail = TestAccounts.create("invitee", Role.SUBSCRIBER);
    long invitee = TestAccounts.id(inviteeEmail);
    assertEquals(
        204,
        api.post(
                "/api/entities/" + id + "/members",
                "{\"email\":\"" + inviteeEmail.toUpperCase() + "\"}",
                owner)
            .statusCode());
    assertEquals(
        409,
        api.post("/api/entities/" + id + "/members", "{\"email\":\"" + inviteeEmail + "\"}", owner)
            .statusCode());
    assertEquals(
        400,
        api.post("/api/entities/" + id + "/members", "{\"email\":\"nobody@nowhere.test\"}", owner)
            .statusCode());
    assertEquals(
        1L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.notifications where user_id = ? and type = 'entity_invited'",
                    invitee))
            .longValue());
    HttpResponse<String> members = api.get("/api/entities/" + id + "/members", null);
    assertTrue(members.body().contains("\"id\":" + invitee));
    assertFalse(members.body().contains("@"), "members' emails are not shown");
    assertTrue(
        Api.json(
                api.get(
                    "/api/entities?mine=true&size=100",
                    api.accessToken(inviteeEmail, TestAccounts.PASSWORD)))
            .toString()
            .contains("\"id\":" + id));
  }

  @Test
  void reportsReachTheAdminQueueAndBlocksHideFromEveryoneButAdmins() throws Exception {
    Api api = new Api(base);
    String ownerEmail = TestAccounts.create("reported-owner", Role.MEMBER);
    String owner = api.accessToken(ownerEmail, TestAccounts.PASSWORD);
    long id =
        Api.json(api.post("/api/entities", body("Dubious", "public", false), owner))
            .getJsonNumber("id")
            .longValue();
    String reporter = token(Role.SUBSCRIBER);
    assertEquals(
        400,
        api.post(
                "/api/entities/" + id + "/reports",
                "{\"category\":\"spam\",\"reason\":\"bad\"}",
                reporter)
            .statusCode());
    assertEquals(
        400,
        api.post(
                "/api/entities/" + id + "/reports",
                "{\"category\":\"weird\",\"reason\":\"this is clearly spam\"}",
                reporter)
            .statusCode());
    assertEquals(
        201,
        api.post(
                "/api/entities/" + id + "/reports",
                "{\"category\":\"spam\",\"reason\":\"this is clearly spam\"}",
                reporter)
            .statusCode());
    assertEquals(
        409,
        api.post(
                "/api/entities/" + id + "/reports",
                "{\"category\":\"spam\",\"reason\":\"reporting it again\"}",
                reporter)
            .statusCode());
    assertEquals(
        409,
        api.post(
                "/api/entities/" + id + "/reports",
                "{\"category\":\"spam\",\"reason\":\"my own entity\"}",
                owner)
            .statusCode());
    assertEquals(
        "reported",
        TestAccounts.query("select moderation_status from ring.entities where id = ?", id));
    assertEquals(
        200, api.get("/api/entities/" + id, null).statusCode(), "a report alone never hides it");

    String admin = token(Role.ADMIN);
    assertTrue(api.get("/api/admin/entities/reports", admin).body().contains("\"entityId\":" + id));
    assertEquals(
        204,
        api.post("/api/admin/entities/" + id + "/block", "{\"reason\":\"spam ring\"}", admin)
            .statusCode());
    assertFalse(
        api.get("/api/admin/entities/reports", admin).body().contains("\"entityId\":" + id),
        "blocking settles the reports");
    assertEquals(404, api.get("/api/entities/" + id, reporter).statusCode());
    assertFalse(listedIds(token(Role.CONFIDENTIAL), "Dubious").contains(id));
    assertEquals(200, api.get("/api/entities/" + id, admin).statusCode());
    assertTrue(listedIds(admin, "Dubious").contains(id));
    assertEquals(
        200, api.get("/api/entities/" + id, owner).statusCode(), "its owner still sees it");
    assertTrue(api.get("/api/admin/entities/" + id + "/audit", admin).body().contains("blocked"));
  }

  @Test
  void hidingAnEntityRemovesItFromThatPersonsListsOnly() throws Exception {
    Api api = new Api(base);
    long id =
        TestAccounts.entity(
            TestAccounts.id(TestAccounts.create("hidden-owner", Role.MEMBER)), "public", false);
    String hider = token(Role.MEMBER);
    String other = token(Role.MEMBER);
    assertTrue(listedIds(hider, "A%20test%20entity").contains(id));
    assertEquals(204, api.call("PUT", "/api/entities/" + id + "/hidden", null, hider).statusCode());
    assertFalse(listedIds(hider, "A%20test%20entity").contains(id));
    assertTrue(listedIds(other, "A%20test%20entity").contains(id));
    assertEquals(
        204, api.call("DELETE", "/api/entities/" + id + "/hidden", null, hider).statusCode());
    assertTrue(listedIds(hider, "A%20test%20entity").contains(id));
  }

  @Test
  void badInputIsRefusedAndStoresNothing() throws Exception {
    Api api = new Api(base);
    String member = token(Role.MEMBER);
    long before = ((Number) TestAccounts.query("select count(*) from ring.entities")).longValue();
    HttpResponse<String> unknownType =
        api.post(
            "/api/entities",
            "{\"name\":\"X\",\"type\":\"spaceships\",\"shortDescription\":\"x\"}",
            member);
    assertEquals(400, unknownType.statusCode());
    assertEquals("type_invalid", Api.json(unknownType).getString("code"));
    assertEquals(
        400,
        api.post(
                "/api/entities",
                "{\"name\":\"X\",\"type\":\"other\",\"shortDescription\":\"x\",\"latitude\":50.4}",
                member)
            .statusCode());
    assertEquals(
        400,
        api.post(
                "/api/entities",
                "{\"name\":\"X\",\"type\":\"other\",\"shortDescription\":\"x\",\"website\":\"javascript:alert(1)\"}",
                member)
            .statusCode());
    assertEquals(
        400,
        api.post(
                "/api/entities",
                "{\"name\":\"\",\"type\":\"other\",\"shortDescription\":\"x\"}",
                member)
            .statusCode());
    assertEquals(
        400,
        api.post(
                "/api/entities",
                "{\"name\":\"X\",\"type\":\"other\",\"shortDescription\":\"x\",\"visibility\":\"secret\"}",
                member)
            .statusCode());
    assertEquals(400, api.post("/api/entities", "{\"name\":", member).statusCode());
    assertEquals(400, api.get("/api/entities?size=1000", null).statusCode());
    assertEquals(400, api.get("/api/entities?type=spaceships", null).statusCode());
    assertEquals(
        before, ((Number) TestAccounts.query("select count(*) from ring.entities")).longValue());
  }
}
