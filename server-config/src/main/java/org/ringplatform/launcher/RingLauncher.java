package org.ringplatform.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code server-config/run.sh} runs: starts an embedded PostgreSQL under the data directory
 * when no database is configured, writes the post-boot commands for that database, starts Payara
 * Micro with ring.war at {@code /}, prints the address and the demo logins once the server is
 * ready, and on Ctrl-C stops the server and then the database.
 */
public final class RingLauncher {

  static final String DEFAULT_DEMO_PASSWORD = "ring-demo-2026";
  static final List<String> DEMO_ACCOUNTS =
      List.of(
          "superadmin@ring.local",
          "admin@ring.local",
          "confidential@ring.local",
          "member@ring.local",
          "subscriber@ring.local");

  private final Map<String, String> env;
  private final Path home;
  private final PrintStream out = System.out;

  private EmbeddedPostgres embedded;
  private Process server;

  RingLauncher(Map<String, String> env, Path home) {
    this.env = env;
    this.home = home;
  }

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getProperty("ring.home", ".")).toAbsolutePath().normalize();
    RingLauncher launcher = new RingLauncher(System.getenv(), home);
    Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "ring-stop"));
    System.exit(launcher.run());
  }

  /**
   * A setting by its MicroProfile Config name as a system property ({@code -Dring.db.url}) or by
   * its environment form ({@code RING_DB_URL}); the system property wins, as in MicroProfile
   * Config.
   */
  private String setting(String name, String fallback) {
    String value = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
    if (value == null || value.isBlank()) {
      value = env.get(name);
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  int run() throws Exception {
    Path dataDir = Path.of(setting("RING_DATA_DIR", "./data")).toAbsolutePath().normalize();
    int port = Integer.parseInt(setting("RING_HTTP_PORT", "8080"));
    Files.createDirectories(dataDir);

    String url = setting("RING_DB_URL", null);
    String user = setting("RING_DB_USER", "postgres");
    String password = setting("RING_DB_PASSWORD", "");
    if (url == null || url.isBlank()) {
      int dbPort = Integer.parseInt(setting("RING_EMBEDDED_DB_PORT", "54329"));
      Path pgData = dataDir.resolve("postgres");
      boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
      out.println(
          "Ring: starting the embedded PostgreSQL in "
              + pgData
              + (fresh ? " (new)" : " (existing data)"));
      embedded =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setPort(dbPort)
              .start();
      user = "postgres";
      password = "postgres";
      ensureDatabase(dbPort, "ring");
      url = "jdbc:postgresql://localhost:" + dbPort + "/ring";
    } else {
      out.println("Ring: using the configured database " + redact(url));
    }

    Path runtime = home.resolve("server-config/target/runtime");
    Path war = home.resolve("ring-web/target/ring.war");
    Path payaraDir = dataDir.resolve("payara");
    Path postBoot =
        PostBootCommands.write(
            payaraDir.resolve("post-boot-commands.asadmin"),
            PostBootCommands.render(PostBootCommands.template(), url, user, password));
    Path logging = payaraDir.resolve("logging.properties");
    try (InputStream in = RingLauncher.class.getResourceAsStream("payara/logging.properties")) {
      Files.copy(in, logging, StandardCopyOption.REPLACE_EXISTING);
    }

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String opt :
        setting("RING_JAVA_OPTS", "-Xms256m -Xmx768m -XX:+UseSerialGC").split("\\s+")) {
      if (!opt.isBlank()) {
        command.add(opt);
      }
    }
    command.addAll(
        List.of(
            "-jar",
            runtime.resolve("payara-micro.jar").toString(),
            "--nocluster",
            "--disablephonehome",
            "--port",
            String.valueOf(port),
            "--addlibs",
            runtime.resolve("postgresql.jar").toString(),
            "--postbootcommandfile",
            postBoot.toString(),
            "--logproperties",
            logging.toString(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/"));
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    pb.environment().put("RING_DATA_DIR", dataDir.toString());
    pb.environment().put("RING_DB_URL", url);
    pb.environment().put("RING_DB_USER", user);
    pb.environment().put("RING_DB_PASSWORD", password);
    out.println("Ring: starting Payara Micro on port " + port);
    long started = System.nanoTime();
    server = pb.start();
    Thread watcher = new Thread(() -> announceWhenReady(port, started), "ring-ready");
    watcher.setDaemon(true);
    watcher.start();
    return server.waitFor();
  }

  private void announceWhenReady(int port, long started) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline && server.isAlive()) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          banner(port, (System.nanoTime() - started) / 1_000_000_000.0);
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      sleep(500);
    }
    out.println("Ring: the server did not report ready; see the log above.");
  }

  private void banner(int port, double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append("\n==============================================================\n");
    sb.append(String.format(" Ring is ready (%.1f s): http://localhost:%d/%n", seconds, port));
    sb.append(
        String.format(
            "   Ukrainian: http://localhost:%d/uk/   Russian: http://localhost:%d/ru/%n",
            port, port));
    sb.append(String.format("   Health:    http://localhost:%d/health/ready%n", port));
    if (!"false".equalsIgnoreCase(setting("RING_DEMO_ENABLED", "false"))) {
      sb.append(" Demo logins (password: ")
          .append(setting("RING_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD))
          .append("):\n");
      DEMO_ACCOUNTS.forEach(a -> sb.append("   ").append(a).append('\n'));
    }
    sb.append(" Stop with Ctrl-C.\n");
    sb.append("==============================================================\n");
    out.print(sb);
    out.flush();
  }

  /** Stops the server first (it holds connections), then the embedded database. */
  void stop() {
    if (server != null && server.isAlive()) {
      server.destroy();
      try {
        if (!server.waitFor(
            Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          server.destroyForcibly();
        }
      } catch (InterruptedException e) {
        server.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (embedded != null) {
      try {
        embedded.close();
        out.println("Ring: stopped the server and the embedded PostgreSQL.");
      } catch (IOException e) {
        out.println("Ring: could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
      }
      embedded = null;
    }
  }

  private static void ensureDatabase(int port, String name) throws SQLException {
    String admin = "jdbc:postgresql://localhost:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("create database " + name);
    }
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
