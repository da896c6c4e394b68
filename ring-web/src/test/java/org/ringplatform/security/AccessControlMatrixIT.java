package org.ringplatform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.store.StoreFixtures;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * Every endpoint of {@link AccessRules}, called by anonymous and by each role: below the rule's
 * role an anonymous caller gets 401 and a signed-in one 403; at or above it, neither. Plus the
 * object-level rule: an account reaches its own data only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessControlMatrixIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static final List<Role> ROLES =
      List.of(Role.SUBSCRIBER, Role.MEMBER, Role.CONFIDENTIAL, Role.ADMIN, Role.SUPERADMIN);

  @Test
  void everyEndpointAdmitsExactlyTheRolesItsRuleNames() throws Exception {
    Api api = new Api(base);
    Map<Role, String> tokens = new LinkedHashMap<>();
    for (Role role : ROLES) {
      tokens.put(role, api.accessToken(role.id() + "@ring.local", TestAccounts.DEMO_PASSWORD));
    }
    long target = TestAccounts.id(TestAccounts.create("matrix-target", Role.SUBSCRIBER));
    String ownerEmail = TestAccounts.create("matrix-owner", Role.MEMBER);
    long entity = TestAccounts.entity(TestAccounts.id(ownerEmail), "public", false);
    long opportunity =
        TestAccounts.opportunity(TestAccounts.id(ownerEmail), "request", "active", "public", false);
    HttpResponse<String> opened =
        api.post(
            "/api/entities/" + entity + "/verification",
            "{}",
            api.accessToken(ownerEmail, TestAccounts.PASSWORD));
    assertEquals(201, opened.statusCode(), opened.body());
    String vrf = Api.json(opened).getString("number");
    // The store sells for an entity of its own: the last rule deletes the sample entity.
    long storeEntity = TestAccounts.entity(TestAccounts.id(ownerEmail), "public", false);
    long vendor = StoreFixtures.vendor(TestAccounts.id(ownerEmail), storeEntity, "active");
    long product = StoreFixtures.product(vendor, "Matrix probe", "active", 1000, 5);
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, AccessRules.Rule> e : AccessRules.RULES.entrySet()) {
      String verb = e.getKey().substring(0, e.getKey().indexOf(' '));
      AccessRules.Rule rule = e.getValue();
      String path =
          rule.path()
              .replace("{target}", String.valueOf(target))
              .replace("{entity}", String.valueOf(entity))
              .replace("{opportunity}", String.valueOf(opportunity))
              .replace("{vrf}", vrf)
              .replace("{vendor}", String.valueOf(vendor))
              .replace("{product}", String.valueOf(product));
      String body =
          rule.body() == null ? null : rule.body().replace("{vendor}", String.valueOf(vendor));
      check(
          failures,
          e.getKey() + " as anonymous",
          api.call(verb, path, body, null),
          rule.minimum() == null ? 0 : 401);
      for (Role role : ROLES) {
        if (rule.ownerOnly()) {
          int status = api.call(verb, path, body, tokens.get(role)).statusCode();
          if (status != 403 && status != 404) {
            failures.add(e.getKey() + " as " + role.id() + " (not the owner): got " + status);
          }
          continue;
        }
        int expected = rule.minimum() == null || role.atLeast(rule.minimum()) ? 0 : rule.denied();
        check(
            failures,
            e.getKey() + " as " + role.id(),
            api.call(verb, path, body, tokens.get(role)),
            expected);
      }
    }
    if (!failures.isEmpty()) {
      fail(String.join("\n", failures));
    }
  }

  /** expected 0 means "allowed": anything but 401 and 403. */
  private static void check(
      List<String> failures, String what, HttpResponse<String> r, int expected) {
    int status = r.statusCode();
    boolean ok =
        expected == 0 ? status != 401 && status != 403 && status < 500 : status == expected;
    if (!ok) {
      failures.add(
          what
              + ": expected "
              + (expected == 0 ? "allowed" : expected)
              + ", got "
              + status
              + " "
              + r.body());
    }
  }

  @Test
  void anAccountSeesItsOwnDataAndNobodyElses() throws Exception {
    Api api = new Api(base);
    String alice = TestAccounts.create("alice", Role.MEMBER);
    String bob = TestAccounts.create("bob", Role.MEMBER);
    String aliceToken = api.accessToken(alice, TestAccounts.PASSWORD);
    HttpResponse<String> me = api.get("/api/me", aliceToken);
    assertEquals(200, me.statusCode());
    assertEquals(alice, Api.json(me).getString("email"));
    // Bob's account is reachable only through the admin API, which Alice may not use.
    long bobId = TestAccounts.id(bob);
    assertEquals(403, api.get("/api/admin/users/" + bobId, aliceToken).statusCode());
    assertEquals(
        403,
        api.call(
                "PUT",
                "/api/admin/users/" + bobId + "/role",
                "{\"role\":\"subscriber\",\"reason\":\"x\"}",
                aliceToken)
            .statusCode());
    assertEquals(
        403,
        api.post("/api/admin/users/" + bobId + "/suspend", "{\"reason\":\"x\"}", aliceToken)
            .statusCode());
    assertEquals("member", TestAccounts.query("select role from ring.users where id = ?", bobId));
    assertEquals("active", TestAccounts.query("select status from ring.users where id = ?", bobId));
    // Changing one's own profile never touches another account.
    HttpResponse<String> update =
        api.call("PUT", "/api/me", "{\"displayName\":\"Alice Renamed\"}", aliceToken);
    assertEquals(200, update.statusCode(), update.body());
    assertNotEquals(
        "Alice Renamed",
        TestAccounts.query("select display_name from ring.users where id = ?", bobId));
  }
}
