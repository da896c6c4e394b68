package org.ringplatform.store.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ringplatform.testing.TestDatabase;
import org.ringplatform.testing.web.TestAccounts;

/**
 * The catalogue, stock, wallets and referral codes the order tests need, written straight into the
 * test database (the vendor and catalogue services are not this feature's), plus the checks the
 * tests make afterwards: stock levels and the ledger's balance check.
 */
public final class OrderFixtures {

  private OrderFixtures() {}

  private static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Runs a statement; returns the first column of its first row, if it returns rows. */
  public static Object sql(String sql, Object... params) throws Exception {
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      if (ps.execute()) {
        try (ResultSet rs = ps.getResultSet()) {
          return rs.next() ? rs.getObject(1) : null;
        }
      }
      return null;
    }
  }

  public static long number(String sql, Object... params) throws Exception {
    Object v = sql(sql, params);
    return v == null ? 0 : ((Number) v).longValue();
  }

  /** An active vendor of {@code ownerId} (with an entity of its own) in {@code tier}. */
  public static long vendor(long ownerId, String tier) throws Exception {
    long entity = TestAccounts.entity(ownerId, "public", false);
    String slug = "shop-" + unique();
    return number(
        "insert into ring.vendors(entity_id, owner_id, name, slug, status, tier)"
            + " values (?, ?, ?, ?, 'active', ?) returning id",
        entity,
        ownerId,
        "Shop " + slug.substring(5),
        slug,
        tier);
  }

  /** An active product; {@code referralBps} null uses the default rate. */
  public static long product(
      long vendorId,
      String title,
      String kind,
      long priceMinor,
      String currency,
      Integer referralBps)
      throws Exception {
    return number(
        "insert into ring.store_products(vendor_id, title, slug, category, kind, price_minor,"
            + " currency, sku, status, referral_bps) values (?, ?, ?, 'other', ?, ?, ?, ?,"
            + " 'active', ?) returning id",
        vendorId,
        title,
        "p-" + unique(),
        kind,
        priceMinor,
        currency,
        "SKU-" + unique(),
        referralBps);
  }

  /** An active physical product in UAH with {@code available} in stock. */
  public static long stocked(long vendorId, String title, long priceMinor, int available)
      throws Exception {
    long product = product(vendorId, title, "physical", priceMinor, "UAH", null);
    stock(product, null, available);
    return product;
  }

  public static long variant(long productId, String name, long priceMinor) throws Exception {
    return number(
        "insert into ring.product_variants(product_id, name, sku, price_minor)"
            + " values (?, ?, ?, ?) returning id",
        productId,
        name,
        "V-" + unique(),
        priceMinor);
  }

  /** Sets the stock of a product (or variant) to {@code available}, none reserved. */
  public static void stock(long productId, Long variantId, int available) throws Exception {
    sql(
        "insert into ring.inventory_levels(product_id, variant_id, available) values (?, ?, ?)",
        productId,
        variantId,
        available);
  }

  /** {available, reserved, stock} of a product or variant. */
  public static int[] level(long productId, Long variantId) throws Exception {
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select available, reserved, stock from ring.inventory_levels"
                    + " where product_id = ? and coalesce(variant_id, 0) = ?")) {
      ps.setLong(1, productId);
      ps.setLong(2, variantId == null ? 0 : variantId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
      }
    }
  }

  public static void assertLevel(
      long productId, Long variantId, int available, int reserved, int stock) throws Exception {
    int[] l = level(productId, variantId);
    assertEquals(
        List.of(available, reserved, stock),
        List.of(l[0], l[1], l[2]),
        "available, reserved, stock of product " + productId);
    assertEquals(l[2], l[0] + l[1], "stock = available + reserved");
  }

  /**
   * Puts {@code minor} into the account's credit wallet as the ledger would for a top-up: one
   * balanced entry (D gateway_cash, C wallet:user) and the two account balances.
   */
  public static void fundWallet(long userId, String currency, long minor) throws Exception {
    try (Connection c = TestDatabase.get().connect()) {
      c.setAutoCommit(false);
      long cash = account(c, "gateway_cash", currency, "asset", "D", null, null, false);
      long wallet =
          account(c, "wallet:" + userId, currency, "liability", "C", "user", userId, true);
      long entry;
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.ledger_entries(idempotency_key, kind, description)"
                  + " values (?, 'topup', 'test fixture') returning id")) {
        ps.setString(1, "test-fund:" + unique());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          entry = rs.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.ledger_postings(entry_id, account_id, side, amount_minor, currency)"
                  + " values (?, ?, ?, ?, ?)")) {
        for (Object[] leg : new Object[][] {{cash, "D"}, {wallet, "C"}}) {
          ps.setLong(1, entry);
          ps.setLong(2, (Long) leg[0]);
          ps.setString(3, (String) leg[1]);
          ps.setLong(4, minor);
          ps.setString(5, currency);
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "update ring.ledger_accounts set balance_minor = balance_minor + ? where id = ?")) {
        for (long id : new long[] {cash, wallet}) {
          ps.setLong(1, minor);
          ps.setLong(2, id);
          ps.executeUpdate();
        }
      }
      c.commit();
    }
  }

  private static long account(
      Connection c,
      String code,
      String currency,
      String kind,
      String side,
      String ownerType,
      Long ownerId,
      boolean noOverdraft)
      throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.ledger_accounts(code, currency, kind, normal_side, owner_type,"
                + " owner_id, no_overdraft) values (?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (code, currency) do nothing")) {
      ps.setString(1, code);
      ps.setString(2, currency);
      ps.setString(3, kind);
      ps.setString(4, side);
      ps.setString(5, ownerType);
      ps.setObject(6, ownerId);
      ps.setBoolean(7, noOverdraft);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("select id from ring.ledger_accounts where code = ? and currency = ?")) {
      ps.setString(1, code);
      ps.setString(2, currency);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The balance of a ledger account (0 when it has none). */
  public static long balance(String code, String currency) throws Exception {
    return number(
        "select balance_minor from ring.ledger_balances where code = ? and currency = ?",
        code,
        currency);
  }

  /**
   * An unpaid checkout of {@code buyerId}, as a card checkout waiting for its gateway leaves it:
   * one order per product (each of its vendor), each with one line of {@code quantity} and a
   * checkout reservation of it, expiring {@code minutes} from now (negative: already lapsed).
   *
   * @return the checkout id followed by the order ids
   */
  public static long[] pendingCheckout(long buyerId, int quantity, int minutes, long... products)
      throws Exception {
    long checkout =
        number(
            "insert into ring.checkouts(buyer_id, currency, total_minor, expires_at)"
                + " values (?, 'UAH', 0, now() + make_interval(mins => ?)) returning id",
            buyerId,
            minutes);
    long[] out = new long[products.length + 1];
    out[0] = checkout;
    long total = 0;
    for (int i = 0; i < products.length; i++) {
      long product = products[i];
      long vendor = number("select vendor_id from ring.store_products where id = ?", product);
      long price = number("select price_minor from ring.store_products where id = ?", product);
      long subtotal = price * quantity;
      long order =
          number(
              "insert into ring.orders(checkout_id, buyer_id, vendor_id, currency, subtotal_minor,"
                  + " total_minor, commission_bps, commission_minor) values (?, ?, ?, 'UAH', ?, ?,"
                  + " 2000, ?) returning id",
              checkout,
              buyerId,
              vendor,
              subtotal,
              subtotal,
              subtotal / 5);
      sql(
          "insert into ring.order_lines(order_id, product_id, title, kind, unit_price_minor,"
              + " quantity, line_total_minor) values (?, ?, 'Pending item', 'physical', ?, ?, ?)",
          order,
          product,
          price,
          quantity,
          subtotal);
      sql(
          "insert into ring.order_events(order_id, to_status, actor_id, actor_kind, note)"
              + " values (?, 'pending_payment', ?, 'buyer', 'fixture')",
          order,
          buyerId);
      long level =
          number(
              "update ring.inventory_levels set available = available - ?,"
                  + " reserved = reserved + ? where product_id = ? and variant_id is null"
                  + " returning id",
              quantity,
              quantity,
              product);
      sql(
          "insert into ring.stock_reservations(level_id, quantity, kind, holder, expires_at)"
              + " values (?, ?, 'checkout', ?, now() + make_interval(mins => ?))",
          level,
          quantity,
          "checkout_" + checkout,
          minutes);
      out[i + 1] = order;
      total += subtotal;
    }
    sql("update ring.checkouts set total_minor = ? where id = ?", total, checkout);
    return out;
  }

  /** A new referral code of {@code ownerId}. */
  public static String referralCode(long ownerId) throws Exception {
    String code = "R" + unique().toUpperCase(java.util.Locale.ROOT).substring(0, 7);
    sql(
        "insert into ring.referral_codes(code, owner_id, kind) values (?, ?, 'random')",
        code,
        ownerId);
    return code;
  }

  /**
   * The ledger's balance check (as {@code Ledger.check()} runs it): all postings balance per
   * currency and per entry, and every stored balance equals its postings.
   */
  public static void assertLedgerSound() throws Exception {
    List<String> problems = new ArrayList<>();
    try (Connection c = TestDatabase.get().connect()) {
      collect(
          c,
          "select 'currency ' || currency from ring.ledger_postings group by currency having"
              + " sum(case side when 'D' then amount_minor else -amount_minor end) <> 0",
          problems);
      collect(
          c,
          "select 'entry ' || entry_id from ring.ledger_postings group by entry_id, currency"
              + " having sum(case side when 'D' then amount_minor else -amount_minor end) <> 0",
          problems);
      collect(
          c,
          "select 'account ' || a.code || ' ' || a.currency from ring.ledger_balances a left join"
              + " (select account_id, sum(amount_minor) filter (where side = 'D') as d,"
              + " sum(amount_minor) filter (where side = 'C') as cr from ring.ledger_postings"
              + " group by account_id) s on s.account_id = a.id where a.balance_minor <> case"
              + " a.normal_side when 'D' then coalesce(s.d, 0) - coalesce(s.cr, 0)"
              + " else coalesce(s.cr, 0) - coalesce(s.d, 0) end",
          problems);
    }
    assertEquals(List.of(), problems, "the ledger balances");
  }

  private static void collect(Connection c, String sql, List<String> into) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        into.add(rs.getString(1));
      }
    }
  }
}
