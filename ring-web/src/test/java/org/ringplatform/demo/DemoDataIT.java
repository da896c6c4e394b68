package org.ringplatform.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.PasswordHasher;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.web.RingDeployment;

/**
 * Inside the container: the demo dataset is there after start (ring.demo.enabled=true in the test
 * server), one account per role with the configured password, and loading it again does nothing.
 */
@ExtendWith(ArquillianExtension.class)
class DemoDataIT {

  @Deployment
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @Inject DemoData demoData;
  @Inject PasswordHasher hasher;

  @Resource(lookup = "jdbc/ring")
  DataSource dataSource;

  /** Email to "role|verified|hash" of the accounts in the demo domain. */
  private Map<String, String[]> demoAccounts() throws SQLException {
    Map<String, String[]> rows = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select email, role, email_verified, password_hash from ring.users"
                    + " where email like '%@ring.local'")) {
      while (rs.next()) {
        rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
      }
    }
    return rows;
  }

  @Test
  void everyRoleHasADemoAccountWithTheConfiguredPassword() throws SQLException {
    Map<String, String[]> accounts = demoAccounts();
    // One account per role plus seven members whose profiles the demo listings match.
    assertEquals(DemoData.ACCOUNTS.size() + 7, accounts.size());
    for (DemoData.DemoAccount expected : DemoData.ACCOUNTS) {
      String[] actual = accounts.get(expected.email());
      assertEquals(expected.role(), Role.fromId(actual[0]).orElseThrow());
      assertEquals("t", actual[1], "email verified");
      assertTrue(hasher.verify("ring-demo-2026".toCharArray(), actual[2]));
      assertFalse(hasher.verify("wrong".toCharArray(), actual[2]));
    }
  }

  @Test
  void sampleEntitiesSpanTheVisibilityLadder() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*), count(distinct visibility), count(*) filter (where confidential)"
                    + " from ring.entities e join ring.users u on u.id = e.owner_id"
                    + " where u.email like '%@ring.local'")) {
      rs.next();
      // Five from the entities part, two that the demo stores sell for.
      assertEquals(7, rs.getInt(1));
      assertEquals(3, rs.getInt(2), "public, subscriber and member");
      assertEquals(1, rs.getInt(3), "one confidential entity");
    }
  }

  @Test
  void theDemoStoreHasTwoOpenStoresOfOtherMembersWithProductsInStock() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(distinct v.id), count(distinct v.owner_id),"
                    + " count(distinct p.id) filter (where p.status = 'active'),"
                    + " count(distinct p.id) filter (where exists (select 1 from"
                    + " ring.product_variants pv where pv.product_id = p.id)),"
                    + " count(distinct u.email) filter (where u.email = 'member@ring.local'),"
                    + " (select count(*) from ring.inventory_levels l join ring.store_products lp"
                    + " on lp.id = l.product_id join ring.vendors lv on lv.id = lp.vendor_id"
                    + " where lv.slug in ('kyiv-electronics', 'poltava-farm')),"
                    + " (select count(*) from ring.stock_movements m join ring.inventory_levels ml"
                    + " on ml.id = m.level_id join ring.store_products mp on mp.id = ml.product_id"
                    + " join ring.vendors mv on mv.id = mp.vendor_id where mv.slug in"
                    + " ('kyiv-electronics', 'poltava-farm') and m.kind = 'initial'),"
                    + " (select count(distinct i.product_id) from ring.product_images i"
                    + " join ring.store_products ip on ip.id = i.product_id join ring.vendors iv"
                    + " on iv.id = ip.vendor_id where iv.slug in ('kyiv-electronics', 'poltava-farm'))"
                    + " from ring.vendors v join ring.users u on u.id = v.owner_id"
                    + " join ring.store_products p on p.vendor_id = v.id"
                    + " where v.slug in ('kyiv-electronics', 'poltava-farm') and v.status = 'active'")) {
      rs.next();
      assertEquals(2, rs.getInt(1), "two open stores");
      assertEquals(2, rs.getInt(2), "of two different members");
      assertEquals(8, rs.getInt(3), "eight products on sale");
      assertEquals(2, rs.getInt(4), "two of them sold by variant");
      assertEquals(0, rs.getInt(5), "member@ring.local owns neither, so they can buy from both");
      assertEquals(10, rs.getInt(6), "stock of five products and of five variants");
      assertEquals(rs.getInt(6), rs.getInt(7), "every stock level has its initial movement");
      assertEquals(8, rs.getInt(8), "every product has a photo");
    }
  }

  @Test
  void demoListingsFindMembersWithMatchingProfiles() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*), count(*) filter (where o.status = 'active'),"
                    + " count(*) filter (where o.status = 'pending'),"
                    + " count(*) filter (where o.confidential),"
                    + " (select count(*) from ring.users u where u.email like '%@ring.local'"
                    + "   and cardinality(u.skills) > 0 and u.experience_level is not null"
                    + "   and exists (select 1 from ring.opportunities x"
                    + "     where x.author_id <> u.id and x.skills && u.skills))"
                    + " from ring.opportunities o join ring.users a on a.id = o.author_id"
                    + " where a.email like '%@ring.local'"
                    // Other tests post as demo accounts too; count what the demo load inserted.
                    + " and o.created_at <= (select value::timestamptz from ring.platform_state"
                    + "   where key = 'demo.opportunities.loaded')")) {
      rs.next();
      assertEquals(7, rs.getInt(1));
      assertEquals(6, rs.getInt(2), "active, waiting for the matcher");
      assertEquals(1, rs.getInt(3), "one in the admin queue");
      assertEquals(1, rs.getInt(4), "one for the confidential room");
      assertTrue(rs.getInt(5) >= 6, "members sharing skills with someone else's listing");
    }
  }

  @Test
  void loadingAgainChangesNothing() throws SQLException {
    int before = demoAccounts().size();
    assertFalse(demoData.loadOnce(), "the marker says it was loaded");
    assertEquals(before, demoAccounts().size());
  }
}
