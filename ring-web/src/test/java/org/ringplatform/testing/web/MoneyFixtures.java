package org.ringplatform.testing.web;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.ringplatform.identity.Role;

/**
 * Vendors, products and paid orders for the money tests: stores and products straight in the test
 * database, orders through {@link MoneyFixtureResource} on the server (a real payment on the
 * credits rail and the sale's ledger entry), and the ledger's figures the assertions read.
 */
public final class MoneyFixtures {

  /** The vendor tier the tests use when the hold period must be zero. */
  public static final String NO_HOLD_TIER = "it-no-hold";

  private final Api api;

  public MoneyFixtures(URL base) {
    this.api = new Api(base);
  }

  /** The real WAR plus the fixture resource. */
  public static WebArchive deployment() {
    return RingDeployment.war();
  }

  /**
   * A store with its owner.
   *
   * @param id vendor id
   * @param ownerEmail the owner's sign-in
   * @param ownerId the owner's account
   * @param productId a physical product of the store with stock
   * @param levelId the product's stock item
   */
  public record Vendor(long id, String ownerEmail, long ownerId, long productId, long levelId) {}

  /** An active store on the {@code starter} tier (20 %, 3 days' hold) with one product. */
  public static Vendor vendor(String label) throws Exception {
    return vendor(label, "starter");
  }

  /** An active store on {@code tier} with a physical product that has 10 in stock. */
  public static Vendor vendor(String label, String tier) throws Exception {
    TestAccounts.query(
        "insert into ring.vendor_tiers(code, commission_bps, settlement_hold_days, position)"
            + " values (?, 2000, 0, 9) on conflict (code) do nothing returning code",
        NO_HOLD_TIER);
    String email = TestAccounts.create(label, Role.MEMBER);
    long owner = TestAccounts.id(email);
    long entity = TestAccounts.entity(owner, "public", false);
    String slug = "it-" + UUID.randomUUID().toString().substring(0, 12);
    long vendor =
        number(
            "insert into ring.vendors(entity_id, owner_id, name, slug, status, tier,"
                + " payout_details) values (?, ?, ?, ?, 'active', ?, ?) returning id",
            entity,
            owner,
            "Store " + label + " " + slug.substring(3),
            slug,
            tier,
            "UA21 3223 1300 0002 6007 2335 6600 " + slug.substring(3, 7));
    long product =
        number(
            "insert into ring.store_products(vendor_id, title, slug, category, kind, price_minor,"
                + " currency, status) values (?, ?, ?, 'crafts', 'physical', 10000, 'UAH',"
                + " 'active') returning id",
            vendor,
            "Product of " + label,
            slug);
    long level =
        number(
            "insert into ring.inventory_levels(product_id, available) values (?, 10) returning id",
            product);
    return new Vendor(vendor, email, owner, product, level);
  }

  /**
   * A paid order of {@code vendor}, moved to {@code status}, completed that many minutes ago (null:
   * not completed). Returns the order id.
   */
  public long order(
      Vendor vendor,
      long buyerId,
      long totalMinor,
      long commissionMinor,
      long referralMinor,
      int quantity,
      String status,
      Long completedAgoMinutes)
      throws Exception {
    HttpResponse<String> r =
        api.post(
            "/api/test/money/orders",
            "{\"vendorId\":"
                + vendor.id()
                + ",\"buyerId\":"
                + buyerId
                + ",\"productId\":"
                + vendor.productId()
                + ",\"quantity\":"
                + quantity
                + ",\"totalMinor\":"
                + totalMinor
                + ",\"commissionMinor\":"
                + commissionMinor
                + ",\"referralMinor\":"
                + referralMinor
                + (referralMinor > 0 ? ",\"referralCode\":\"FRIEND42\"" : "")
                + ",\"status\":\""
                + status
                + "\",\"completedAgoMinutes\":"
                + completedAgoMinutes
                + "}",
            null);
    if (r.statusCode() != 200) {
      throw new AssertionError("Fixture order refused: " + r.statusCode() + " " + r.body());
    }
    JsonObject o = Api.json(r);
    return o.getJsonNumber("orderId").longValue();
  }

  /** A completed order of {@code vendor} worth {@code totalMinor} at 20 % commission. */
  public long completedOrder(Vendor vendor, long buyerId, long totalMinor, long minutesAgo)
      throws Exception {
    return order(vendor, buyerId, totalMinor, totalMinor / 5, 0, 1, "completed", minutesAgo);
  }

  /** {@code count} completed card-paid orders of {@code vendor} in one call. */
  public void bulk(Vendor vendor, long buyerId, int count, long totalMinor, long minutesAgo)
      throws Exception {
    HttpResponse<String> r =
        api.post(
            "/api/test/money/bulk",
            "{\"vendorId\":"
                + vendor.id()
                + ",\"buyerId\":"
                + buyerId
                + ",\"productId\":"
                + vendor.productId()
                + ",\"count\":"
                + count
                + ",\"totalMinor\":"
                + totalMinor
                + ",\"commissionMinor\":"
                + totalMinor / 5
                + ",\"completedAgoMinutes\":"
                + minutesAgo
                + "}",
            null);
    if (r.statusCode() != 200) {
      throw new AssertionError("Fixture orders refused: " + r.statusCode() + " " + r.body());
    }
  }

  /** The balance of a ledger account (0 when it has none). */
  public static long balance(String code, String currency) throws Exception {
    Object v =
        TestAccounts.query(
            "select balance_minor from ring.ledger_balances where code = ? and currency = ?",
            code,
            currency);
    return v == null ? 0 : ((Number) v).longValue();
  }

  /** A number from the test database (0 for no row or null). */
  public static long number(String sql, Object... params) throws Exception {
    Object v = TestAccounts.query(sql, params);
    return v == null ? 0 : ((Number) v).longValue();
  }

  /** Whether the ledger's balance check finds nothing wrong, through the admin API. */
  public boolean ledgerSound(String adminToken) throws Exception {
    HttpResponse<String> r = api.get("/api/admin/ledger/check", adminToken);
    if (r.statusCode() != 200) {
      throw new AssertionError(r.statusCode() + " " + r.body());
    }
    boolean sound = Api.json(r).getBoolean("sound");
    if (!sound) {
      throw new AssertionError("The ledger does not balance: " + r.body());
    }
    return true;
  }
}
