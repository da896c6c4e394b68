package org.ringplatform.security;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.ringplatform.identity.Role;

/**
 * The declared access rule of every REST endpoint: who may call it (public, or the lowest role),
 * and a sample request used to probe it. A new endpoint without a rule here fails the build ({@link
 * AccessRulesTest}); the matrix ({@code AccessControlMatrixIT}) probes each rule with every role.
 * Placeholders in sample paths: {@code {target}} is a throwaway account's id.
 */
public final class AccessRules {

  /**
   * One endpoint's rule.
   *
   * @param minimum the lowest role allowed, or null for a public endpoint
   * @param path the sample path to call
   * @param body the sample JSON body, or null
   * @param denied the status a signed-in caller below the minimum gets: 403, or 404 where the
   *     resource's existence is itself private
   * @param ownerOnly only the owner of the sample object may call it, whatever their role: every
   *     signed-in caller (none owns it) gets 403 or 404
   */
  public record Rule(Role minimum, String path, String body, int denied, boolean ownerOnly) {}

  /** Endpoint ("VERB /api/path/{param}") to its rule. */
  public static final Map<String, Rule> RULES = new LinkedHashMap<>();

  private static void rule(String endpoint, Role minimum, String path, String body) {
    RULES.put(endpoint, new Rule(minimum, path, body, 403, false));
  }

  private static void hidden(String endpoint, Role minimum, String path, String body) {
    RULES.put(endpoint, new Rule(minimum, path, body, 404, false));
  }

  private static void ownerOnly(String endpoint, String path, String body) {
    RULES.put(endpoint, new Rule(Role.SUBSCRIBER, path, body, 403, true));
  }

  static {
    // Public reads, sign-up and tokens.
    rule("GET /api/platform", null, "/api/platform", null);
    rule(
        "POST /api/auth/signup",
        null,
        "/api/auth/signup",
        "{\"email\":\"not-an-email\",\"password\":\"x\",\"displayName\":\"x\"}");
    rule("POST /api/auth/token", null, "/api/auth/token", "{\"grant_type\":\"unknown\"}");
    rule("POST /api/auth/logout", null, "/api/auth/logout", "{\"refresh_token\":\"unknown\"}");
    // The caller's own account.
    rule("GET /api/me", Role.SUBSCRIBER, "/api/me", null);
    rule("PUT /api/me", Role.SUBSCRIBER, "/api/me", "{\"displayName\":\"\"}");
    rule(
        "POST /api/me/password",
        Role.SUBSCRIBER,
        "/api/me/password",
        "{\"currentPassword\":\"not-the-password\",\"newPassword\":\"another-long-secret\"}");
    rule(
        "POST /api/me/upgrade-request",
        Role.SUBSCRIBER,
        "/api/me/upgrade-request",
        "{\"reason\":\"short\"}");
    rule("GET /api/me/upgrade-request", Role.SUBSCRIBER, "/api/me/upgrade-request", null);
    // Administration.
    rule("GET /api/admin/users", Role.ADMIN, "/api/admin/users", null);
    rule("GET /api/admin/users/{id}", Role.ADMIN, "/api/admin/users/{target}", null);
    rule(
        "PUT /api/admin/users/{id}/role",
        Role.ADMIN,
        "/api/admin/users/{target}/role",
        "{\"role\":\"member\",\"reason\":\"access matrix\"}");
    rule(
        "POST /api/admin/users/{id}/suspend",
        Role.ADMIN,
        "/api/admin/users/{target}/suspend",
        "{\"reason\":\"access matrix\"}");
    rule(
        "POST /api/admin/users/{id}/reactivate",
        Role.ADMIN,
        "/api/admin/users/{target}/reactivate",
        "{\"reason\":\"access matrix\"}");
    rule(
        "DELETE /api/admin/users/{id}/sessions",
        Role.ADMIN,
        "/api/admin/users/{target}/sessions",
        null);
    rule("GET /api/admin/users/{id}/audit", Role.ADMIN, "/api/admin/users/{target}/audit", null);
    rule("GET /api/admin/upgrade-requests", Role.ADMIN, "/api/admin/upgrade-requests", null);
    rule(
        "POST /api/admin/upgrade-requests/{id}/approve",
        Role.ADMIN,
        "/api/admin/upgrade-requests/999999999/approve",
        "{}");
    rule(
        "POST /api/admin/upgrade-requests/{id}/reject",
        Role.ADMIN,
        "/api/admin/upgrade-requests/999999999/reject",
        "{}");
    // Entities. Reads are public (visibility filtered); {entity} is a public entity of another
    // account, so the object-level rules show: only an admin may change someone else's entity
    // (owners are tested in EntitiesIT).
    String badEntity = "{\"name\":\"Matrix\",\"type\":\"no-such-type\",\"shortDescription\":\"x\"}";
    rule("GET /api/entities", null, "/api/entities", null);
    rule("GET /api/entities/{id}", null, "/api/entities/{entity}", null);
    rule("GET /api/entities/{id}/members", null, "/api/entities/{entity}/members", null);
    rule("POST /api/entities", Role.MEMBER, "/api/entities", badEntity);
    rule("PUT /api/entities/{id}", Role.ADMIN, "/api/entities/{entity}", badEntity);
    rule(
        "POST /api/entities/{id}/members",
        Role.ADMIN,
        "/api/entities/{entity}/members",
        "{\"email\":\"nobody@nowhere.test\"}");
    rule(
        "POST /api/entities/{id}/reports",
        Role.SUBSCRIBER,
        "/api/entities/{entity}/reports",
        "{\"category\":\"no-such-category\",\"reason\":\"matrix probe\"}");
    rule("PUT /api/entities/{id}/hidden", Role.SUBSCRIBER, "/api/entities/{entity}/hidden", null);
    rule(
        "DELETE /api/entities/{id}/hidden", Role.SUBSCRIBER, "/api/entities/{entity}/hidden", null);
    rule("GET /api/admin/entities/reports", Role.ADMIN, "/api/admin/entities/reports", null);
    rule(
        "POST /api/admin/entities/reports/{reportId}/close",
        Role.ADMIN,
        "/api/admin/entities/reports/999999999/close",
        null);
    rule(
        "GET /api/admin/entities/{id}/audit",
        Role.ADMIN,
        "/api/admin/entities/{entity}/audit",
        null);
    rule(
        "POST /api/admin/entities/{id}/block",
        Role.ADMIN,
        "/api/admin/entities/{entity}/block",
        "{\"reason\":\"matrix\"}");
    rule(
        "DELETE /api/admin/entities/{id}/block",
        Role.ADMIN,
        "/api/admin/entities/{entity}/block",
        null);
    // Verification. {vrf} is a procedure the sample entity's owner opened.
    rule(
        "POST /api/entities/{id}/verification",
        Role.ADMIN,
        "/api/entities/{entity}/verification",
        "{}");
    rule(
        "GET /api/entities/{id}/verification",
        Role.ADMIN,
        "/api/entities/{entity}/verification",
        null);
    hidden("GET /api/verification/{number}", Role.ADMIN, "/api/verification/{vrf}", null);
    ownerOnly(
        "POST /api/verification/{number}/documents",
        "/api/verification/{vrf}/documents?name=a.pdf",
        "%PDF-1.4 matrix");
    hidden(
        "GET /api/verification/{number}/documents/{documentId}",
        Role.ADMIN,
        "/api/verification/{vrf}/documents/999999999",
        null);
    rule("GET /api/admin/verification", Role.ADMIN, "/api/admin/verification", null);
    rule(
        "POST /api/admin/verification/{number}/{action}",
        Role.ADMIN,
        "/api/admin/verification/VRF-1999-1/review",
        "{}");
    // Opportunities. {opportunity} is an active public listing of another account: only an admin
    // may change it (authors are tested in OpportunitiesIT); close, archive and delete come last
    // because they take it off the board, after which it is hidden (404) from non-admins.
    String badListing =
        "{\"type\":\"no-such-type\",\"title\":\"Matrix\",\"summary\":\"matrix probe\","
            + "\"category\":\"technology\"}";
    rule("GET /api/opportunities", null, "/api/opportunities", null);
    rule("GET /api/opportunities/{id}", null, "/api/opportunities/{opportunity}", null);
    rule("POST /api/opportunities", Role.SUBSCRIBER, "/api/opportunities", badListing);
    rule("PUT /api/opportunities/{id}", Role.ADMIN, "/api/opportunities/{opportunity}", badListing);
    rule(
        "POST /api/opportunities/{id}/submit",
        Role.ADMIN,
        "/api/opportunities/{opportunity}/submit",
        null);
    rule(
        "POST /api/opportunities/{id}/save",
        Role.SUBSCRIBER,
        "/api/opportunities/{opportunity}/save",
        null);
    rule(
        "DELETE /api/opportunities/{id}/save",
        Role.SUBSCRIBER,
        "/api/opportunities/{opportunity}/save",
        null);
    rule(
        "POST /api/opportunities/{id}/not-interested",
        Role.SUBSCRIBER,
        "/api/opportunities/{opportunity}/not-interested",
        null);
    rule(
        "DELETE /api/opportunities/{id}/not-interested",
        Role.SUBSCRIBER,
        "/api/opportunities/{opportunity}/not-interested",
        null);
    rule(
        "GET /api/opportunities/{id}/applications",
        Role.ADMIN,
        "/api/opportunities/{opportunity}/applications",
        null);
    rule(
        "POST /api/opportunities/{id}/applications",
        Role.MEMBER,
        "/api/opportunities/{opportunity}/applications",
        "{\"message\":\"\"}");
    rule(
        "POST /api/opportunities/{id}/applications/{applicationId}/accept",
        Role.ADMIN,
        "/api/opportunities/{opportunity}/applications/999999999/accept",
        "{}");
    rule(
        "POST /api/opportunities/{id}/applications/{applicationId}/reject",
        Role.ADMIN,
        "/api/opportunities/{opportunity}/applications/999999999/reject",
        "{}");
    rule(
        "DELETE /api/opportunities/{id}/applications/mine",
        Role.SUBSCRIBER,
        "/api/opportunities/{opportunity}/applications/mine",
        null);
    rule(
        "GET /api/admin/opportunities/pending",
        Role.ADMIN,
        "/api/admin/opportunities/pending",
        null);
    rule(
        "POST /api/admin/opportunities/{id}/approve",
        Role.ADMIN,
        "/api/admin/opportunities/999999999/approve",
        "{}");
    rule(
        "POST /api/admin/opportunities/{id}/reject",
        Role.ADMIN,
        "/api/admin/opportunities/999999999/reject",
        "{\"note\":\"matrix\"}");
    rule(
        "POST /api/opportunities/{id}/close",
        Role.ADMIN,
        "/api/opportunities/{opportunity}/close",
        null);
    hidden(
        "POST /api/opportunities/{id}/archive",
        Role.ADMIN,
        "/api/opportunities/{opportunity}/archive",
        null);
    hidden("DELETE /api/opportunities/{id}", Role.ADMIN, "/api/opportunities/{opportunity}", null);
    // Notifications: every account has its own inbox; someone else's notification is not found.
    rule("GET /api/notifications", Role.SUBSCRIBER, "/api/notifications?unreadOnly=true", null);
    rule(
        "GET /api/notifications/unread-count",
        Role.SUBSCRIBER,
        "/api/notifications/unread-count",
        null);
    ownerOnly("POST /api/notifications/{id}/read", "/api/notifications/999999999/read", null);
    rule("POST /api/notifications/read-all", Role.SUBSCRIBER, "/api/notifications/read-all", null);
    rule(
        "GET /api/notifications/preferences",
        Role.SUBSCRIBER,
        "/api/notifications/preferences",
        null);
    rule(
        "PUT /api/notifications/preferences",
        Role.SUBSCRIBER,
        "/api/notifications/preferences",
        "[{\"type\":\"no_such_type\",\"inApp\":true,\"email\":false}]");
    // The matcher: a listing's matches for its author and admins; the job console for admins.
    hidden(
        "GET /api/opportunities/{id}/matches",
        Role.ADMIN,
        "/api/opportunities/999999999/matches",
        null);
    rule("GET /api/admin/matcher/runs", Role.ADMIN, "/api/admin/matcher/runs", null);
    rule("GET /api/admin/matcher/runs/{runId}", Role.ADMIN, "/api/admin/matcher/runs/0", null);
    rule(
        "POST /api/admin/matcher/runs",
        Role.ADMIN,
        "/api/admin/matcher/runs",
        "{\"job\":\"none\"}");
    rule(
        "POST /api/admin/matcher/runs/{runId}/stop",
        Role.ADMIN,
        "/api/admin/matcher/runs/0/stop",
        null);
    rule(
        "POST /api/admin/matcher/runs/{runId}/restart",
        Role.ADMIN,
        "/api/admin/matcher/runs/0/restart",
        null);
    rule("GET /api/admin/matcher/stats", Role.ADMIN, "/api/admin/matcher/stats", null);
    // Money: settlements and payouts for admins; a vendor's own statements (an empty list for a
    // caller without a store, another's settlement not found); refunds of an order by an admin or
    // its vendor (anyone else finds no such order); the ledger console for admins.
    rule("GET /api/admin/settlements", Role.ADMIN, "/api/admin/settlements", null);
    rule("GET /api/admin/settlements/{id}", Role.ADMIN, "/api/admin/settlements/999999999", null);
    rule(
        "POST /api/admin/settlements/run",
        Role.ADMIN,
        "/api/admin/settlements/run",
        "{\"chunkSize\":0}");
    rule("GET /api/admin/settlements/runs", Role.ADMIN, "/api/admin/settlements/runs", null);
    rule(
        "GET /api/admin/settlements/runs/{runId}",
        Role.ADMIN,
        "/api/admin/settlements/runs/0",
        null);
    rule(
        "POST /api/admin/settlements/runs/{runId}/stop",
        Role.ADMIN,
        "/api/admin/settlements/runs/0/stop",
        null);
    rule(
        "POST /api/admin/settlements/runs/{runId}/restart",
        Role.ADMIN,
        "/api/admin/settlements/runs/0/restart",
        null);
    rule("GET /api/admin/payouts", Role.ADMIN, "/api/admin/payouts", null);
    rule("GET /api/admin/payouts.csv", Role.ADMIN, "/api/admin/payouts.csv?status=paid", null);
    rule("POST /api/admin/payouts/export", Role.ADMIN, "/api/admin/payouts/export", null);
    rule(
        "POST /api/admin/payouts/{id}/paid",
        Role.ADMIN,
        "/api/admin/payouts/999999999/paid",
        "{\"bankReference\":\"matrix\"}");
    rule(
        "GET /api/store/vendor/settlements",
        Role.SUBSCRIBER,
        "/api/store/vendor/settlements",
        null);
    ownerOnly(
        "GET /api/store/vendor/settlements/{id}", "/api/store/vendor/settlements/999999999", null);
    rule("GET /api/store/vendor/payouts", Role.SUBSCRIBER, "/api/store/vendor/payouts", null);
    hidden(
        "POST /api/store/orders/{orderId}/refunds",
        Role.ADMIN,
        "/api/store/orders/999999999/refunds",
        "{\"reason\":\"matrix\",\"amountMinor\":1}");
    hidden(
        "GET /api/store/orders/{orderId}/refunds",
        Role.ADMIN,
        "/api/store/orders/999999999/refunds",
        null);
    ownerOnly(
        "POST /api/store/orders/{orderId}/refunds/request",
        "/api/store/orders/999999999/refunds/request",
        "{\"reason\":\"matrix\"}");
    hidden(
        "POST /api/store/orders/{orderId}/refunds/decline",
        Role.ADMIN,
        "/api/store/orders/999999999/refunds/decline",
        "{}");
    rule("GET /api/admin/refunds", Role.ADMIN, "/api/admin/refunds", null);
    rule("GET /api/admin/refunds/pending", Role.ADMIN, "/api/admin/refunds/pending", null);
    rule("GET /api/admin/ledger/balances", Role.ADMIN, "/api/admin/ledger/balances", null);
    rule("GET /api/admin/ledger/check", Role.ADMIN, "/api/admin/ledger/check", null);
    rule("GET /api/admin/ledger/entries", Role.ADMIN, "/api/admin/ledger/entries?limit=5", null);
    rule(
        "GET /api/admin/ledger/revenue",
        Role.ADMIN,
        "/api/admin/ledger/revenue?currency=UAH",
        null);
    // Last: it deletes the sample entity.
    rule("DELETE /api/entities/{id}", Role.ADMIN, "/api/entities/{entity}", null);
  }

  private AccessRules() {}

  /** Every endpoint the application's resources declare, discovered from the compiled classes. */
  public static TreeSet<String> discoverEndpoints() {
    TreeSet<String> endpoints = new TreeSet<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ringplatform")) {
      if (!type.isAnnotatedWith(Path.class)) {
        continue;
      }
      Class<?> resource = type.reflect();
      String base = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getMethods()) {
        String verb = httpMethod(method);
        if (verb == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = "/api/" + base + "/" + (sub == null ? "" : sub.value());
        path = path.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        endpoints.add(verb + " " + path);
      }
    }
    return endpoints;
  }

  private static String httpMethod(Method method) {
    for (Annotation a : method.getAnnotations()) {
      HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }
}
