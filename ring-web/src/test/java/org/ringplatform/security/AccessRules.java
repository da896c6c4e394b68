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
