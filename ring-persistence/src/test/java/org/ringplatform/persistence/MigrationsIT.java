package org.ringplatform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ringplatform.testing.TestDatabase;

/** The migrations build the schema on a real, empty PostgreSQL, and the schema keeps its rules. */
class MigrationsIT {

  static TestDatabase db;

  @BeforeAll
  static void migrate() {
    db = TestDatabase.get();
    MigrateResult result =
        Flyway.configure()
            .dataSource(db.dataSource())
            .schemas("ring")
            .createSchemas(true)
            .load()
            .migrate();
    assertTrue(result.success);
  }

  @Test
  void migratingTwiceAppliesNothingTheSecondTime() {
    MigrateResult again =
        Flyway.configure().dataSource(db.dataSource()).schemas("ring").load().migrate();
    assertEquals(0, again.migrationsExecuted);
  }

  @Test
  void emailsAreUniqueRegardlessOfCase() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into ring.users(email, role, display_name) values ('Case@Ring.Local', 'member', 'A')");
      assertThrows(
          SQLException.class,
          () ->
              s.executeUpdate(
                  "insert into ring.users(email, role, display_name)"
                      + " values ('case@ring.local', 'member', 'B')"));
    }
  }

  @Test
  void aStoredRoleMustBeOnTheLadder() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      assertThrows(
          SQLException.class,
          () ->
              s.executeUpdate(
                  "insert into ring.users(email, role, display_name)"
                      + " values ('v@ring.local', 'visitor', 'V')"));
      assertThrows(
          SQLException.class,
          () ->
              s.executeUpdate(
                  "insert into ring.users(email, role, display_name)"
                      + " values ('g@ring.local', 'god', 'G')"));
      try (ResultSet rs =
          s.executeQuery("select count(*) from ring.users where email in ('v@ring.local')")) {
        rs.next();
        assertEquals(0, rs.getInt(1));
      }
    }
  }
}
