package org.ringplatform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real PostgreSQL every integration test in the build talks to: the server named by {@code
 * RING_TEST_DB_URL} (with {@code RING_TEST_DB_USER} and {@code RING_TEST_DB_PASSWORD}), or else an
 * embedded PostgreSQL started from Maven Central's binaries. Each test JVM gets a database of its
 * own, created empty, so no state left by an earlier run is ever trusted.
 */
public final class TestDatabase {

  private static final Logger LOG = Logger.getLogger(TestDatabase.class.getName());
  private static TestDatabase instance;

  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;
  private final EmbeddedPostgres embedded;
  private final String adminUrl;

  private TestDatabase(
      String host, int port, String user, String password, EmbeddedPostgres embedded) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
    this.database = "ring_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    this.adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
  }

  /** Starts (or connects to) the test server once per JVM and creates this JVM's database. */
  public static synchronized TestDatabase get() {
    if (instance == null) {
      instance = start();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-database-stop"));
    }
    return instance;
  }

  private static TestDatabase start() {
    String external = System.getenv("RING_TEST_DB_URL");
    TestDatabase db;
    if (external != null && !external.isBlank()) {
      java.net.URI uri = java.net.URI.create(external.substring("jdbc:".length()));
      String user = envOr("RING_TEST_DB_USER", "postgres");
      String password = envOr("RING_TEST_DB_PASSWORD", "");
      db =
          new TestDatabase(
              uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, user, password, null);
      LOG.info(() -> "Tests use the PostgreSQL server at " + uri.getHost() + ":" + uri.getPort());
    } else {
      try {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        db = new TestDatabase("localhost", pg.getPort(), "postgres", "postgres", pg);
        LOG.info(() -> "Tests use an embedded PostgreSQL on port " + pg.getPort());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
      }
    }
    db.execAdmin("create database " + db.database);
    return db;
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  private void execAdmin(String sql) {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Test database command failed: " + sql, e);
    }
  }

  private void stop() {
    try {
      if (embedded != null) {
        embedded.close();
      } else {
        execAdmin("drop database if exists " + database + " with (force)");
      }
    } catch (Exception e) {
      LOG.warning(() -> "Could not clean up the test database: " + e);
    }
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String database() {
    return database;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl());
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }
}
