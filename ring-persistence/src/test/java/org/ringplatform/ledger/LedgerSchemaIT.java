package org.ringplatform.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ringplatform.testing.TestDatabase;

/**
 * The money tables defend their rules in the database itself, whatever code writes to them: ledger
 * entries balance at commit, postings are immutable, wallets cannot be overdrawn, stock is always
 * available plus reserved and never negative, order totals add up.
 */
class LedgerSchemaIT {

  static TestDatabase db;

  @BeforeAll
  static void migrate() {
    db = TestDatabase.get();
    Flyway.configure()
        .dataSource(db.dataSource())
        .schemas("ring")
        .createSchemas(true)
        .load()
        .migrate();
  }

  private static long account(
      Statement s, String code, String kind, String side, boolean noOverdraft) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "insert into ring.ledger_accounts(code, currency, kind, normal_side, no_overdraft)"
                + " values ('"
                + code
                + "', 'UAH', '"
                + kind
                + "', '"
                + side
                + "', "
                + noOverdraft
                + ") on conflict (code, currency) do update set code = excluded.code returning id")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long entry(Statement s, String key) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "insert into ring.ledger_entries(idempotency_key, kind) values ('"
                + key
                + "', 'test') returning id")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void posting(Statement s, long entry, long account, String side, long amount)
      throws SQLException {
    s.executeUpdate(
        "insert into ring.ledger_postings(entry_id, account_id, side, amount_minor, currency)"
            + " values ("
            + entry
            + ", "
            + account
            + ", '"
            + side
            + "', "
            + amount
            + ", 'UAH')");
  }

  @Test
  void anEntryWhoseLegsDoNotBalanceIsRefusedAtCommit() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      long cash = account(s, "gateway_cash", "asset", "D", false);
      long clearing = account(s, "payments_clearing", "liability", "C", false);
      long e = entry(s, "unbalanced-1");
      posting(s, e, cash, "D", 1000);
      posting(s, e, clearing, "C", 999);
      SQLException refused = assertThrows(SQLException.class, c::commit);
      assertTrue(refused.getMessage().contains("does not balance"), refused.getMessage());
      c.rollback();
    }
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from ring.ledger_entries where idempotency_key = 'unbalanced-1'")) {
      rs.next();
      assertEquals(0, rs.getLong(1), "nothing of the refused entry is stored");
    }
  }

  @Test
  void aBalancedEntryCommitsAndCanNeverBeChangedOrDeleted() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      long cash = account(s, "gateway_cash", "asset", "D", false);
      long clearing = account(s, "payments_clearing", "liability", "C", false);
      long e = entry(s, "balanced-1");
      posting(s, e, cash, "D", 1500);
      posting(s, e, clearing, "C", 1000);
      posting(s, e, clearing, "C", 500);
      c.commit();
      assertThrows(
          SQLException.class,
          () ->
              s.executeUpdate(
                  "update ring.ledger_postings set amount_minor = 1 where entry_id = " + e));
      c.rollback();
      assertThrows(
          SQLException.class,
          () -> s.executeUpdate("delete from ring.ledger_postings where entry_id = " + e));
      c.rollback();
      assertThrows(
          SQLException.class,
          () -> s.executeUpdate("delete from ring.ledger_entries where id = " + e));
      c.rollback();
    }
  }

  @Test
  void theSameIdempotencyKeyCannotBePostedTwice() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      entry(s, "once-1");
      assertThrows(SQLException.class, () -> entry(s, "once-1"));
    }
  }

  @Test
  void aWalletBalanceCanNeverGoBelowZero() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      long wallet = account(s, "wallet:test", "liability", "C", true);
      s.executeUpdate("update ring.ledger_accounts set balance_minor = 100 where id = " + wallet);
      assertThrows(
          SQLException.class,
          () ->
              s.executeUpdate(
                  "update ring.ledger_accounts set balance_minor = balance_minor - 101 where id = "
                      + wallet));
    }
  }

  @Test
  void stockIsAvailablePlusReservedAndNeitherGoesNegative() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into ring.users(email, role, display_name) values ('stock@ring.local', 'member', 'S')");
      s.executeUpdate(
          "insert into ring.entities(name, type, short_description, owner_id) select 'Stock shop', 'company', 'A shop', id"
              + " from ring.users where email = 'stock@ring.local'");
      s.executeUpdate(
          "insert into ring.vendors(entity_id, owner_id, name, slug) select e.id, e.owner_id,"
              + " 'Stock shop', 'stock-shop' from ring.entities e where e.name = 'Stock shop'");
      s.executeUpdate(
          "insert into ring.store_products(vendor_id, title, slug, category, price_minor, currency)"
              + " select id, 'Jar', 'stock-jar', 'food', 1000, 'UAH' from ring.vendors"
              + " where slug = 'stock-shop'");
      s.executeUpdate(
          "insert into ring.inventory_levels(product_id, available, reserved)"
              + " select id, 3, 2 from ring.store_products where slug = 'stock-jar'");
      try (ResultSet rs =
          s.executeQuery(
              "select stock from ring.inventory_levels l join ring.store_products p"
                  + " on p.id = l.product_id where p.slug = 'stock-jar'")) {
        rs.next();
        assertEquals(5, rs.getInt(1));
      }
      assertThrows(
          SQLException.class,
          () ->
              s.executeUpdate(
                  "update ring.inventory_levels set available = available - 4 where product_id ="
                      + " (select id from ring.store_products where slug = 'stock-jar')"));
    }
  }
}
