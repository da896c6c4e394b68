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
 * Placeholders in sample paths (and bodies): {@code {target}} is a throwaway account's id; {@code
 * {entity}}, {@code {opportunity}}, {@code {vrf}}, {@code {vendor}} and {@code {product}} are
 * objects of another account that the matrix creates.
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
    // Referrals: each account's own codes, visits and rewards; the reward queue for admins.
    rule("GET /api/referrals/codes", Role.SUBSCRIBER, "/api/referrals/codes", null);
    rule(
        "DELETE /api/referrals/codes/{code}",
        Role.SUBSCRIBER,
        "/api/referrals/codes/NoSuchCode",
        null);
    rule("GET /api/referrals/rewards", Role.SUBSCRIBER, "/api/referrals/rewards", null);
    rule("GET /api/referrals/stats", Role.SUBSCRIBER, "/api/referrals/stats", null);
    rule("GET /api/admin/referrals/rewards", Role.ADMIN, "/api/admin/referrals/rewards", null);
    rule(
        "POST /api/admin/referrals/rewards/{id}/approve",
        Role.ADMIN,
        "/api/admin/referrals/rewards/999999999/approve",
        "{}");
    rule(
        "POST /api/admin/referrals/rewards/{id}/reject",
        Role.ADMIN,
        "/api/admin/referrals/rewards/999999999/reject",
        "{}");
    // The credits wallet: each account's own; grants and penalties for admins. The samples are
    // refused as invalid, so no money moves and no card payment starts.
    rule("GET /api/wallet", Role.SUBSCRIBER, "/api/wallet", null);
    rule("GET /api/wallet/history", Role.SUBSCRIBER, "/api/wallet/history", null);
    rule("POST /api/wallet/topups", Role.SUBSCRIBER, "/api/wallet/topups", "{\"amountMinor\":1}");
    rule(
        "POST /api/admin/wallets/{userId}/grants",
        Role.ADMIN,
        "/api/admin/wallets/{target}/grants",
        "{\"amountMinor\":1,\"reason\":\"\"}");
    rule(
        "POST /api/admin/wallets/{userId}/penalties",
        Role.ADMIN,
        "/api/admin/wallets/{target}/penalties",
        "{\"amountMinor\":1,\"reason\":\"\"}");
    // Membership: the sample purchase names no plan, so no role changes.
    rule("GET /api/membership", Role.SUBSCRIBER, "/api/membership", null);
    rule(
        "POST /api/membership/purchases",
        Role.SUBSCRIBER,
        "/api/membership/purchases",
        "{\"plan\":\"weekly\",\"rail\":\"credits\"}");
    // The store. {vendor} is an active store of another account and {product} an active product
    // of it: reads are public; only the store's owner writes its products (owners are tested in
    // CatalogueIT), so every signed-in caller gets 403; admins decide on stores and products.
    // Archiving the product comes last among them: it takes the product off sale.
    String badProduct =
        "{\"vendorId\":{vendor},\"title\":\"x\",\"category\":\"other\",\"price\":1}";
    rule("GET /api/store/vendors", Role.SUBSCRIBER, "/api/store/vendors", null);
    rule(
        "POST /api/store/vendors",
        Role.MEMBER,
        "/api/store/vendors",
        "{\"name\":\"Matrix\",\"slug\":\"matrix-probe\",\"description\":\"probe\"}");
    rule("GET /api/store/vendors/{id}", null, "/api/store/vendors/{vendor}", null);
    ownerOnly(
        "PUT /api/store/vendors/{id}",
        "/api/store/vendors/{vendor}",
        "{\"name\":\"x\",\"description\":\"\"}");
    rule(
        "GET /api/store/vendors/{id}/events",
        Role.ADMIN,
        "/api/store/vendors/{vendor}/events",
        null);
    rule("GET /api/store/products", null, "/api/store/products?q=matrix&inStock=true", null);
    ownerOnly("POST /api/store/products", "/api/store/products", badProduct);
    rule("GET /api/store/products/{id}", null, "/api/store/products/{product}", null);
    ownerOnly(
        "PUT /api/store/products/{id}",
        "/api/store/products/{product}",
        "{\"title\":\"x\",\"category\":\"other\",\"price\":1}");
    ownerOnly("POST /api/store/products/{id}/submit", "/api/store/products/{product}/submit", null);
    rule(
        "GET /api/store/products/{id}/variants",
        null,
        "/api/store/products/{product}/variants",
        null);
    ownerOnly(
        "POST /api/store/products/{id}/variants",
        "/api/store/products/{product}/variants",
        "{\"name\":\"Matrix\",\"price\":1}");
    ownerOnly(
        "PUT /api/store/products/{id}/variants/{variantId}",
        "/api/store/products/{product}/variants/999999999",
        "{\"name\":\"Matrix\",\"price\":1}");
    ownerOnly(
        "DELETE /api/store/products/{id}/variants/{variantId}",
        "/api/store/products/{product}/variants/999999999",
        null);
    rule(
        "GET /api/store/products/{id}/stock",
        Role.ADMIN,
        "/api/store/products/{product}/stock",
        null);
    ownerOnly(
        "POST /api/store/products/{id}/stock",
        "/api/store/products/{product}/stock",
        "{\"stock\":0,\"reason\":\"matrix\"}");
    ownerOnly(
        "POST /api/store/products/{id}/images",
        "/api/store/products/{product}/images",
        "not an image");
    ownerOnly(
        "DELETE /api/store/products/{id}/images/{imageId}",
        "/api/store/products/{product}/images/999999999",
        null);
    rule(
        "GET /api/admin/store/vendors",
        Role.ADMIN,
        "/api/admin/store/vendors?status=pending",
        null);
    rule(
        "POST /api/admin/store/vendors/{id}/{action}",
        Role.ADMIN,
        "/api/admin/store/vendors/999999999/approve",
        "{}");
    rule(
        "PUT /api/admin/store/vendors/{id}/tier",
        Role.ADMIN,
        "/api/admin/store/vendors/999999999/tier",
        "{\"tier\":\"growth\"}");
    rule("GET /api/admin/store/tiers", Role.ADMIN, "/api/admin/store/tiers", null);
    rule(
        "PUT /api/admin/store/tiers/{code}",
        Role.ADMIN,
        "/api/admin/store/tiers/starter",
        "{\"commissionBps\":10001,\"settlementHoldDays\":3}");
    rule("GET /api/admin/store/products", Role.ADMIN, "/api/admin/store/products", null);
    rule(
        "POST /api/admin/store/products/{id}/approve",
        Role.ADMIN,
        "/api/admin/store/products/999999999/approve",
        "{}");
    rule(
        "POST /api/admin/store/products/{id}/reject",
        Role.ADMIN,
        "/api/admin/store/products/999999999/reject",
        "{\"note\":\"matrix\"}");
    rule("DELETE /api/store/products/{id}", Role.ADMIN, "/api/store/products/{product}", null);
    // Store: cart, checkout and orders. The cart is anyone's (a visitor's by its cookie); the
    // sample product does not exist, so writes answer 404 without changing anything. Orders are
    // their buyer's, their vendor's and admins'; the sample order exists for nobody (404).
    rule("GET /api/store/cart", null, "/api/store/cart", null);
    rule(
        "POST /api/store/cart/items",
        null,
        "/api/store/cart/items",
        "{\"productId\":999999999,\"quantity\":1}");
    rule(
        "PUT /api/store/cart/items/{itemId}",
        null,
        "/api/store/cart/items/999999999",
        "{\"quantity\":1}");
    rule("DELETE /api/store/cart/items/{itemId}", null, "/api/store/cart/items/999999999", null);
    rule("POST /api/store/cart/hold", Role.SUBSCRIBER, "/api/store/cart/hold", null);
    rule("POST /api/store/checkout", Role.SUBSCRIBER, "/api/store/checkout", "{\"rail\":\"none\"}");
    ownerOnly("GET /api/store/checkout/{id}", "/api/store/checkout/999999999", null);
    rule("GET /api/store/orders", Role.SUBSCRIBER, "/api/store/orders", null);
    ownerOnly("GET /api/store/orders/{id}", "/api/store/orders/999999999", null);
    ownerOnly(
        "POST /api/store/orders/{id}/transitions",
        "/api/store/orders/999999999/transitions",
        "{\"to\":\"shipped\"}");
    rule("GET /api/store/vendor/orders", Role.SUBSCRIBER, "/api/store/vendor/orders", null);
    rule("GET /api/admin/store/orders", Role.ADMIN, "/api/admin/store/orders", null);
    rule("POST /api/admin/store/housekeeping", Role.ADMIN, "/api/admin/store/housekeeping", null);
    // Payments. The gateways' webhooks are public but verified: a probe without a valid signature
    // is refused with 400 and changes nothing. A payment exists only for its payer and admins.
    String noPayment = "/api/payments/wallettopup_999999999_1";
    rule("POST /api/payments/webhooks/stripe", null, "/api/payments/webhooks/stripe", "{}");
    rule("POST /api/payments/webhooks/wayforpay", null, "/api/payments/webhooks/wayforpay", "{}");
    hidden("GET /api/payments/{reference}", Role.ADMIN, noPayment, null);
    ownerOnly("POST /api/payments/{reference}/checkout", noPayment + "/checkout", null);
    rule(
        "POST /api/payments/topups",
        Role.SUBSCRIBER,
        "/api/payments/topups",
        "{\"amountMinor\":0}");
    rule("GET /api/admin/payments", Role.ADMIN, "/api/admin/payments?status=paid", null);
    rule("GET /api/admin/payments/webhooks", Role.ADMIN, "/api/admin/payments/webhooks", null);
    rule(
        "GET /api/admin/payments/{reference}",
        Role.ADMIN,
        "/api/admin/payments/wallettopup_999999999_1",
        null);
    rule(
        "POST /api/admin/payments/{reference}/reconcile",
        Role.ADMIN,
        "/api/admin/payments/wallettopup_999999999_1/reconcile",
        null);
    rule(
        "POST /api/admin/payments/{reference}/refund",
        Role.ADMIN,
        "/api/admin/payments/wallettopup_999999999_1/refund",
        "{\"amountMinor\":1,\"idempotencyKey\":\"matrix-probe\"}");
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
