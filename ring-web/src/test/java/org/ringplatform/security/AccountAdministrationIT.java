package org.ringplatform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * Role changes and account status through the admin API: who may grant what, that nobody demotes
 * themselves below admin, that suspension stops sign-in, tokens and refresh at once, and that every
 * change is audited with who, whom, when, from, to and why.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountAdministrationIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static String roleBody(String role) {
    return "{\"role\":\"" + role + "\",\"reason\":\"test of the rules\"}";
  }

  private HttpResponse<String> setRole(Api api, String token, long id, String role)
      throws Exception {
    return api.call("PUT", "/api/admin/users/" + id + "/role", roleBody(role), token);
  }

  @Test
  void anAdminSetsRolesUpToConfidentialButNeverAdminRights() throws Exception {
    Api api = new Api(base);
    String admin = api.accessToken(TestAccounts.create("admin", Role.ADMIN), TestAccounts.PASSWORD);
    long target = TestAccounts.id(TestAccounts.create("target", Role.SUBSCRIBER));
    for (String role : new String[] {"member", "confidential", "subscriber"}) {
      HttpResponse<String> r = setRole(api, admin, target, role);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(role, Api.json(r).getString("role"));
    }
    assertEquals(403, setRole(api, admin, target, "superadmin").statusCode());
    assertEquals(403, setRole(api, admin, target, "admin").statusCode());
    assertEquals(
        "subscriber", TestAccounts.query("select role from ring.users where id = ?", target));

    long otherAdmin = TestAccounts.id(TestAccounts.create("other-admin", Role.ADMIN));
    assertEquals(
        403,
        setRole(api, admin, otherAdmin, "member").statusCode(),
        "an admin cannot remove admin rights");
    long superadmin = TestAccounts.id(TestAccounts.create("super", Role.SUPERADMIN));
    assertEquals(403, setRole(api, admin, superadmin, "member").statusCode());
    assertEquals(
        "superadmin", TestAccounts.query("select role from ring.users where id = ?", superadmin));
  }

  @Test
  void theDemoAdminCannotGrantSuperadmin() throws Exception {
    Api api = new Api(base);
    String admin = api.accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
    long target = TestAccounts.id(TestAccounts.create("escalation", Role.MEMBER));
    HttpResponse<String> r = setRole(api, admin, target, "superadmin");
    assertEquals(403, r.statusCode());
    assertTrue(Api.json(r).getString("detail").contains("superadmin"));
  }

  @Test
  void onlyASuperadminGrantsAndRemovesAdminRights() throws Exception {
    Api api = new Api(base);
    String superadmin =
        api.accessToken(TestAccounts.create("root", Role.SUPERADMIN), TestAccounts.PASSWORD);
    long target = TestAccounts.id(TestAccounts.create("promoted", Role.MEMBER));
    assertEquals(200, setRole(api, superadmin, target, "admin").statusCode());
    assertEquals(200, setRole(api, superadmin, target, "superadmin").statusCode());
    assertEquals(200, setRole(api, superadmin, target, "member").statusCode());
  }

  @Test
  void nobodyDemotesThemselvesBelowAdmin() throws Exception {
    Api api = new Api(base);
    String adminEmail = TestAccounts.create("self-admin", Role.ADMIN);
    long adminId = TestAccounts.id(adminEmail);
    String superEmail = TestAccounts.create("self-super", Role.SUPERADMIN);
    long superId = TestAccounts.id(superEmail);
    String superToken = api.accessToken(superEmail, TestAccounts.PASSWORD);
    assertEquals(403, setRole(api, superToken, superId, "member").statusCode());
    assertEquals(403, setRole(api, superToken, superId, "confidential").statusCode());
    String adminToken = api.accessToken(adminEmail, TestAccounts.PASSWORD);
    assertEquals(403, setRole(api, adminToken, adminId, "subscriber").statusCode());
    assertEquals("admin", TestAccounts.query("select role from ring.users where id = ?", adminId));
  }

  @Test
  void aRoleChangeIsAuditedAndTheOldTokensStop() throws Exception {
    Api api = new Api(base);
    String adminEmail = TestAccounts.create("auditor", Role.ADMIN);
    String admin = api.accessToken(adminEmail, TestAccounts.PASSWORD);
    String memberEmail = TestAccounts.create("audited", Role.SUBSCRIBER);
    long member = TestAccounts.id(memberEmail);
    JsonObject memberTokens = api.tokens(memberEmail, TestAccounts.PASSWORD);
    assertEquals(200, setRole(api, admin, member, "member").statusCode());

    HttpResponse<String> audit = api.get("/api/admin/users/" + member + "/audit", admin);
    assertEquals(200, audit.statusCode());
    JsonObject entry =
        jakarta.json.Json.createReader(new java.io.StringReader(audit.body()))
            .readArray()
            .getJsonObject(0);
    assertEquals("role_change", entry.getString("action"));
    assertEquals("subscriber", entry.getString("from"));
    assertEquals("member", entry.getString("to"));
    assertEquals("test of the rules", entry.getString("reason"));
    assertEquals(TestAccounts.id(adminEmail), entry.getJsonNumber("actorId").longValue());
    assertTrue(entry.containsKey("at"));

    // The token says "subscriber"; the account is a member now: get a new token.
    assertEquals(401, api.get("/api/me", memberTokens.getString("access_token")).statusCode());
    assertEquals(
        401,
        api.post(
                "/api/auth/token",
                "{\"grant_type\":\"refresh_token\",\"refresh_token\":\""
                    + memberTokens.getString("refresh_token")
                    + "\"}",
                null)
            .statusCode());
    assertEquals(
        "member",
        Api.json(api.get("/api/me", api.accessToken(memberEmail, TestAccounts.PASSWORD)))
            .getString("role"));
  }

  @Test
  void aSuspendedAccountCannotSignInNorUseItsTokensUntilReactivated() throws Exception {
    Api api = new Api(base);
    String admin =
        api.accessToken(TestAccounts.create("suspender", Role.ADMIN), TestAccounts.PASSWORD);
    String email = TestAccounts.create("suspended", Role.MEMBER);
    long id = TestAccounts.id(email);
    JsonObject tokens = api.tokens(email, TestAccounts.PASSWORD);

    HttpResponse<String> suspend =
        api.post("/api/admin/users/" + id + "/suspend", "{\"reason\":\"spam\"}", admin);
    assertEquals(200, suspend.statusCode(), suspend.body());
    assertEquals("suspended", Api.json(suspend).getString("status"));
    assertEquals(401, api.get("/api/me", tokens.getString("access_token")).statusCode());
    assertEquals(
        401,
        api.post(
                "/api/auth/token",
                "{\"grant_type\":\"refresh_token\",\"refresh_token\":\""
                    + tokens.getString("refresh_token")
                    + "\"}",
                null)
            .statusCode());
    HttpResponse<String> signIn =
        api.post(
            "/api/auth/token",
            "{\"grant_type\":\"password\",\"email\":\""
                + email
                + "\",\"password\":\""
                + TestAccounts.PASSWORD
                + "\"}",
            null);
    assertEquals(403, signIn.statusCode());
    assertEquals("account_suspended", Api.json(signIn).getString("code"));

    assertEquals(
        200,
        api.post(
                "/api/admin/users/" + id + "/reactivate", "{\"reason\":\"appeal accepted\"}", admin)
            .statusCode());
    assertEquals(
        200, api.get("/api/me", api.accessToken(email, TestAccounts.PASSWORD)).statusCode());
  }

  @Test
  void anAdminCannotSuspendThemselvesOrAnotherAdmin() throws Exception {
    Api api = new Api(base);
    String adminEmail = TestAccounts.create("lonely-admin", Role.ADMIN);
    String admin = api.accessToken(adminEmail, TestAccounts.PASSWORD);
    assertEquals(
        403,
        api.post(
                "/api/admin/users/" + TestAccounts.id(adminEmail) + "/suspend",
                "{\"reason\":\"x\"}",
                admin)
            .statusCode());
    long other = TestAccounts.id(TestAccounts.create("peer-admin", Role.ADMIN));
    assertEquals(
        403,
        api.post("/api/admin/users/" + other + "/suspend", "{\"reason\":\"x\"}", admin)
            .statusCode());
  }

  @Test
  void badAdminInputIsA400ProblemAndChangesNothing() throws Exception {
    Api api = new Api(base);
    String admin =
        api.accessToken(TestAccounts.create("strict", Role.ADMIN), TestAccounts.PASSWORD);
    long target = TestAccounts.id(TestAccounts.create("untouched", Role.MEMBER));
    assertEquals(400, setRole(api, admin, target, "emperor").statusCode());
    assertEquals(
        400,
        api.call(
                "PUT",
                "/api/admin/users/" + target + "/role",
                "{\"role\":\"subscriber\",\"reason\":\"\"}",
                admin)
            .statusCode());
    assertEquals(
        400,
        api.call("PUT", "/api/admin/users/" + target + "/role", "{\"role\":", admin).statusCode());
    assertEquals(404, setRole(api, admin, 987654321L, "member").statusCode());
    assertEquals(400, api.get("/api/admin/users?role=god", admin).statusCode());
    assertEquals(400, api.get("/api/admin/users?size=5000", admin).statusCode());
    assertEquals("member", TestAccounts.query("select role from ring.users where id = ?", target));
  }

  @Test
  void theUserListFiltersSortsAndPages() throws Exception {
    Api api = new Api(base);
    String admin =
        api.accessToken(TestAccounts.create("lister", Role.ADMIN), TestAccounts.PASSWORD);
    String marker = "listing" + System.nanoTime();
    for (int i = 0; i < 3; i++) {
      TestAccounts.create(marker, Role.CONFIDENTIAL);
    }
    HttpResponse<String> page =
        api.get(
            "/api/admin/users?role=confidential&email=" + marker + "&size=2&sort=email&order=asc",
            admin);
    assertEquals(200, page.statusCode(), page.body());
    JsonObject body = Api.json(page);
    assertEquals(3, body.getInt("total"));
    assertEquals(2, body.getJsonArray("items").size());
    String first = body.getJsonArray("items").getJsonObject(0).getString("email");
    String second = body.getJsonArray("items").getJsonObject(1).getString("email");
    assertTrue(first.compareTo(second) < 0);
    assertEquals(
        1,
        Api.json(
                api.get(
                    "/api/admin/users?role=confidential&email=" + marker + "&size=2&page=1", admin))
            .getJsonArray("items")
            .size());
  }
}
