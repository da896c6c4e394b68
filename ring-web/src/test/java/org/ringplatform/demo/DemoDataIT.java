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
      assertEquals(5, rs.getInt(1));
      assertEquals(3, rs.getInt(2), "public, subscriber and member");
      assertEquals(1, rs.getInt(3), "one confidential entity");
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
