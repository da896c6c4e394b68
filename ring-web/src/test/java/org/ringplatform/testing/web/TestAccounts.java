package org.ringplatform.testing.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.internal.Pbkdf2PasswordHasher;
import org.ringplatform.testing.TestDatabase;

/**
 * Accounts created straight in the test database, so that tests which change roles or suspend
 * people never touch the demo accounts other tests rely on.
 */
public final class TestAccounts {

  public static final String PASSWORD = "correct horse battery staple";
  public static final String DEMO_PASSWORD = "ring-demo-2026";
  private static String hash;

  private TestAccounts() {}

  private static synchronized String hash() {
    if (hash == null) {
      hash = new Pbkdf2PasswordHasher().hash(PASSWORD.toCharArray());
    }
    return hash;
  }

  /** A confirmed, active account with {@link #PASSWORD}; returns its email. */
  public static String create(String label, Role role) throws Exception {
    String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.ring";
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into ring.users(email, password_hash, role, display_name, email_verified)"
                    + " values (?, ?, ?, ?, true)")) {
      ps.setString(1, email);
      ps.setString(2, hash());
      ps.setString(3, role.id());
      ps.setString(4, label);
      ps.executeUpdate();
    }
    return email;
  }

  /** A new entity of {@code ownerId} with this visibility; returns its id. */
  public static long entity(long ownerId, String visibility, boolean confidential)
      throws Exception {
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into ring.entities(name, type, short_description, owner_id, visibility,"
                    + " confidential) values (?, 'technologySoftware', 'A test entity', ?, ?, ?)"
                    + " returning id")) {
      ps.setString(1, "Entity " + UUID.randomUUID().toString().substring(0, 8));
      ps.setLong(2, ownerId);
      ps.setString(3, visibility);
      ps.setBoolean(4, confidential);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * A new listing of {@code authorId} straight in the database (no moderation), titled with a
   * unique word; returns its id.
   */
  public static long opportunity(
      long authorId, String type, String status, String visibility, boolean confidential)
      throws Exception {
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into ring.opportunities(type, title, summary, category, author_id, status,"
                    + " visibility, confidential) values (?, ?, 'A test listing', 'technology', ?,"
                    + " ?, ?, ?) returning id")) {
      ps.setString(1, type);
      ps.setString(2, "Listing " + UUID.randomUUID().toString().substring(0, 8));
      ps.setLong(3, authorId);
      ps.setString(4, status);
      ps.setString(5, visibility);
      ps.setBoolean(6, confidential);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The id of the account with this email. */
  public static long id(String email) throws Exception {
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps = c.prepareStatement("select id from ring.users where email = ?")) {
      ps.setString(1, email);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("No account " + email);
        }
        return rs.getLong(1);
      }
    }
  }

  /** A single value from the test database. */
  public static Object query(String sql, Object... params) throws Exception {
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1) : null;
      }
    }
  }
}
