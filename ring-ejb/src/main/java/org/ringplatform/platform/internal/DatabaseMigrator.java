package org.ringplatform.platform.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.ringplatform.platform.SchemaStatus;

/**
 * Brings the schema up to date with Flyway when the application is deployed, before any other
 * startup bean touches the database (they declare {@code @DependsOn("DatabaseMigrator")}). Flyway
 * takes a PostgreSQL advisory lock, so servers starting together migrate once. Transactions are
 * bean-managed because Flyway commits each migration itself.
 */
@Startup
@Singleton(name = "DatabaseMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DatabaseMigrator implements SchemaStatus {

  /** The schema Flyway owns; the batch job repository stays outside it. */
  public static final String SCHEMA = "ring";

  private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  private volatile String expectedVersion;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .schemas(SCHEMA)
            .createSchemas(true)
            .locations("classpath:db/migration")
            .load();
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    expectedVersion = current == null ? null : current.getVersion().getVersion();
    LOG.log(
        Level.INFO,
        "Database schema at version {0} ({1} migrations applied now)",
        new Object[] {expectedVersion, result.migrationsExecuted});
  }

  @Override
  public Report check() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select version from "
                    + SCHEMA
                    + ".flyway_schema_history where success and version is not null"
                    + " order by installed_rank desc limit 1");
        ResultSet rs = ps.executeQuery()) {
      String applied = rs.next() ? rs.getString(1) : null;
      return new Report(true, expectedVersion, applied);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Database check failed: {0}", e.getMessage());
      return new Report(false, expectedVersion, null);
    }
  }
}
