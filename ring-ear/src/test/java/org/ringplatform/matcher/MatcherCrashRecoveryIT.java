package org.ringplatform.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "done when": killing the server in the middle of a matcher run and starting it again
 * finishes the run with no duplicate match or notification. Ring is started exactly as a user
 * starts it ({@code server-config/run.sh}, embedded PostgreSQL in a fresh data directory, demo mode
 * for the demo admin), a few thousand members and active listings are seeded, a matcher run with
 * small chunks is started through the admin API, and the Payara Micro JVM is killed with SIGKILL
 * once the ledger shows part of the run committed. Ring is then started again on the same data
 * directory; its scheduler finds the run's heartbeat stale, marks it interrupted and starts a
 * recovery run, which must finish the queue without redoing a committed listing.
 */
class MatcherCrashRecoveryIT {

  private static final int MEMBERS = 30_000;
  private static final int LISTINGS = 1_500;
  private static final int CHUNK = 5;
  private static final String SEEDED = "Crash test listing";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration FINISH_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern RUN_ID = Pattern.compile("[{,]\\s*\"id\"\\s*:\\s*(\\d+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Path home;
  private Path dataDir;
  private Path logDir;
  private int httpPort;
  private int dbPort;
  private final List<Process> launchers = new ArrayList<>();
  private final long started = System.nanoTime();

  @BeforeEach
  void freshDataDirectoryAndPorts() throws IOException {
    home = Path.of(System.getProperty("ring.home", "..")).toAbsolutePath().normalize();
    dataDir = Files.createTempDirectory("ring-crash-it-");
    logDir =
        Path.of(System.getProperty("ring.it.logs", "target/matcher-crash-it")).toAbsolutePath();
    Files.createDirectories(logDir);
    httpPort = freePort();
    dbPort = freePort();
  }

  @AfterEach
  void stopEverythingAndDeleteTheDataDirectory() throws Exception {
    for (Process launcher : launchers) {
      stopGroup(launcher);
    }
    stopLeftoverPostgres();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void killingTheServerMidRunAndStartingAgainFinishesTheRunWithoutDuplicates() throws Exception {
    // First start: no schedule, so the only matcher run over the seeded listings is ours.
    Process first = start("first", "off");
    awaitReady(first, "first");
    seed();
    long runId = startMatcherRun();
    log("matcher run %d started", runId);

    int doneAtKill = awaitPartialProgress(runId);
    ProcessHandle payara = payaraOf(first);
    log("killing Payara Micro (pid %d) with SIGKILL after %d listings", payara.pid(), doneAtKill);
    assertTrue(payara.destroyForcibly(), "SIGKILL was not sent");
    // The launcher notices its server died, stops the embedded PostgreSQL and exits.
    assertTrue(first.waitFor(90, TimeUnit.SECONDS), "the launcher did not exit after the kill");
    awaitPostgresStopped();

    // Second start on the same data: the scheduler recovers the dead run.
    Process second = start("second", "PT10S");
    awaitReady(second, "second");
    awaitQueueDone(runId);
    log("recovered and finished");

    try (Connection c = db();
        Statement s = c.createStatement()) {
      Run killed = run(s, runId).orElseThrow();
      assertEquals("interrupted", killed.status(), "the killed run: " + killed);
      assertTrue(
          killed.itemsDone() > 0 && killed.itemsDone() < killed.itemsTotal(),
          "the kill did not hit the middle of the run: " + killed);
      Run recovery =
          run(
                  s,
                  "select min(id) from ring.batch_runs where job_name = 'MatcherJob' and id > "
                      + runId)
              .orElseThrow(() -> new AssertionError("no run after the killed one"));
      assertEquals("recovery", recovery.trigger(), "the run after the kill: " + recovery);
      assertEquals("completed", recovery.status(), "the recovery run: " + recovery);
      // Committed chunks are not redone, the chunk under way at the kill is redone once.
      assertEquals(
          killed.itemsTotal() - killed.itemsDone(),
          recovery.itemsDone(),
          "listings matched by the recovery run: " + recovery + " after " + killed);

      assertEquals(
          0,
          count(
              s,
              "select count(*) from ring.opportunities where summary = '"
                  + SEEDED
                  + "' and (status <> 'active' or matched_version < content_version"
                  + " or not matches_announced)"),
          "seeded listings not matched and announced");
      long matches =
          count(
              s,
              "select count(*) from ring.opportunity_matches m join ring.opportunities o"
                  + " on o.id = m.opportunity_id where o.summary = '"
                  + SEEDED
                  + "'");
      assertTrue(matches > LISTINGS, "too few matches to prove anything: " + matches);
      assertEquals(
          0,
          count(
              s,
              "select count(*) from (select opportunity_id, user_id from ring.opportunity_matches"
                  + " group by 1, 2 having count(*) > 1) d"),
          "a member matched twice to a listing");
      assertEquals(
          0,
          count(
              s,
              "select count(*) from ring.opportunity_matches m join ring.opportunities o"
                  + " on o.id = m.opportunity_id where o.summary = '"
                  + SEEDED
                  + "' and (select count(*) from ring.notifications n where n.user_id = m.user_id"
                  + " and n.type = 'opportunity_matched_ai'"
                  + " and (n.payload::jsonb ->> 'opportunityId')::bigint = m.opportunity_id) <> 1"),
          "stored matches without exactly one notice");
      assertEquals(
          0,
          count(
              s,
              "select count(*) from ring.notifications n join ring.opportunities o"
                  + " on o.id = (n.payload::jsonb ->> 'opportunityId')::bigint"
                  + " where n.type = 'opportunity_matched_ai' and o.summary = '"
                  + SEEDED
                  + "' and not exists (select 1 from ring.opportunity_matches m"
                  + " where m.opportunity_id = o.id and m.user_id = n.user_id)"),
          "notices without a stored match");
      log("killed run %s; recovery run %s; %d matches, one notice each", killed, recovery, matches);
    }
  }

  // ---- The server ------------------------------------------------------------------------------

  /** run.sh in a session of its own (setsid), so the whole tree can be stopped as a group. */
  private Process start(String name, String matcherSchedule) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder("setsid", home.resolve("server-config/run.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(logDir.resolve(name + ".log").toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("RING_"));
    env.put("RING_DATA_DIR", dataDir.toString());
    env.put("RING_HTTP_PORT", String.valueOf(httpPort));
    env.put("RING_EMBEDDED_DB_PORT", String.valueOf(dbPort));
    env.put("RING_DEMO_ENABLED", "true");
    env.put("RING_MATCHER_SCHEDULE", matcherSchedule);
    env.put("RING_EXPIRY_SCHEDULE", "off");
    env.put("RING_BATCH_STALE_AFTER", "PT15S");
    Process p = pb.start();
    launchers.add(p);
    log("%s start: launcher pid %d, http %d, db %d", name, p.pid(), httpPort, dbPort);
    return p;
  }

  private void awaitReady(Process launcher, String name) throws Exception {
    HttpRequest ready =
        HttpRequest.newBuilder(url("/health/ready")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!launcher.isAlive()) {
        fail(name + " start: the launcher exited with " + launcher.exitValue() + tail(name));
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          log("%s start: ready", name);
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(1000);
    }
    fail(name + " start: not ready in " + READY_TIMEOUT + tail(name));
  }

  /** The Payara Micro JVM the launcher started. */
  private static ProcessHandle payaraOf(Process launcher) {
    return launcher
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Payara Micro process under the launcher"));
  }

  private void awaitPostgresStopped() throws InterruptedException {
    Path pid = dataDir.resolve("postgres/postmaster.pid");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Files.exists(pid) && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertFalse(Files.exists(pid), "the embedded PostgreSQL still runs after the launcher exited");
  }

  /** SIGTERM to the launcher (it stops Payara, then PostgreSQL), then SIGKILL to the group. */
  private static void stopGroup(Process launcher) throws Exception {
    if (launcher.isAlive()) {
      launcher.destroy();
      launcher.waitFor(60, TimeUnit.SECONDS);
    }
    // The launcher is the session and group leader (setsid); whatever is left of it goes too.
    new ProcessBuilder("kill", "-KILL", "--", "-" + launcher.pid())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor(10, TimeUnit.SECONDS);
  }

  /** A postmaster the launcher did not stop (it left its own process group) must not linger. */
  private void stopLeftoverPostgres() throws IOException {
    Path pidFile = dataDir.resolve("postgres/postmaster.pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  // ---- Data and the run ------------------------------------------------------------------------

  private Connection db() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + dbPort + "/ring", "postgres", "postgres");
  }

  /** Members and active listings shaped like bench/matcher/run.sh's, so every listing matches. */
  private void seed() throws SQLException {
    long t0 = System.nanoTime();
    try (Connection c = db();
        Statement s = c.createStatement()) {
      s.execute(
          """
          set search_path = ring;
          create temporary table vocab as
            select array['java','kotlin','spring','jakarta-ee','sql','postgresql','python',
              'django','react','typescript','go','rust','kubernetes','docker','aws','terraform',
              'figma','ux','copywriting','seo','marketing','sales','accounting','excel',
              'data-analysis','machine-learning','pytorch','android','ios','swift','flutter','php',
              'laravel','c++','embedded','electronics','cad','logistics','project-management',
              'scrum','translation','ukrainian','english','german','legal','hr','recruiting',
              'photography','video-editing','3d']::text[] as skills,
            array['technology','business','education','healthcare','finance',
              'module_development','localization','payment_integration','ai_customization',
              'documentation_training','remote','startups','open-source','fintech','edtech',
              'green-energy','logistics','design']::text[] as tags;
          insert into users(email, role, display_name, email_verified, skills, interests, tags,
                            latitude, longitude, experience_level)
          select 'crash-' || g || '@crash.ring', 'member', 'Member ' || g, true,
                 array[v.skills[1 + (g * 7) % 50], v.skills[1 + (g * 13) % 50],
                       v.skills[1 + (g * 31) % 50], v.skills[1 + (g * 17) % 50]],
                 array[v.tags[1 + g % 18], v.tags[1 + (g * 5) % 18]],
                 array[v.tags[1 + (g * 11) % 18]],
                 case when g % 5 = 0 then null else 44.5 + (g % 1000) / 100.0 end,
                 case when g % 5 = 0 then null else 22.0 + (g % 1700) / 100.0 end,
                 (array['junior','mid','senior','lead'])[1 + g % 4]
          from generate_series(1, {MEMBERS}) g, vocab v;
          insert into users(email, role, display_name, email_verified)
            values ('author@crash.ring', 'member', 'Author', true);
          insert into opportunities(type, title, summary, category, tags, skills, latitude,
                                    longitude, remote, visibility, author_id, status,
                                    activated_at, experience_level)
          select 'request', 'Listing ' || g, '{SEEDED}', v.tags[1 + g % 10],
                 array[v.tags[1 + (g * 3) % 18]],
                 array[v.skills[1 + (g * 7) % 50], v.skills[1 + (g * 13) % 50],
                       v.skills[1 + (g * 3) % 50]],
                 case when g % 4 = 0 then null else 50.45 end,
                 case when g % 4 = 0 then null else 30.52 end,
                 g % 4 = 0, 'public', (select id from users where email = 'author@crash.ring'),
                 'active', now(), (array['junior','mid','senior','lead'])[1 + g % 4]
          from generate_series(1, {LISTINGS}) g, vocab v;
          analyze users; analyze opportunities;
          """
              .replace("{MEMBERS}", String.valueOf(MEMBERS))
              .replace("{LISTINGS}", String.valueOf(LISTINGS))
              .replace("{SEEDED}", SEEDED));
    }
    log("seeded %d members and %d active listings in %d ms", MEMBERS, LISTINGS, ms(t0));
  }

  private long startMatcherRun() throws Exception {
    HttpResponse<String> grant =
        post(
            "/api/auth/token",
            null,
            "{\"grant_type\":\"password\",\"email\":\"admin@ring.local\","
                + "\"password\":\"ring-demo-2026\"}");
    Matcher token = TOKEN.matcher(grant.body());
    assertTrue(token.find(), "no token: " + grant.statusCode() + " " + grant.body());
    // A run for a demo listing may still be under way (409): wait for it.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> started =
          post(
              "/api/admin/matcher/runs",
              token.group(1),
              "{\"job\":\"matcher\",\"chunkSize\":" + CHUNK + "}");
      if (started.statusCode() == 202) {
        Matcher id = RUN_ID.matcher(started.body());
        assertTrue(id.find(), started.body());
        return Long.parseLong(id.group(1));
      }
      if (started.statusCode() != 409 || System.nanoTime() > deadline) {
        fail("the run did not start: " + started.statusCode() + " " + started.body());
      }
      Thread.sleep(1000);
    }
  }

  /** Waits until the ledger shows some of the run's chunks committed; returns the count. */
  private int awaitPartialProgress(long runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (Connection c = db();
        Statement s = c.createStatement()) {
      while (System.nanoTime() < deadline) {
        Run run = run(s, runId).orElseThrow();
        assertTrue(run.open(), "the run ended before the kill: " + run);
        if (run.itemsTotal() > 0 && run.itemsDone() >= Math.min(100, run.itemsTotal() / 4)) {
          return run.itemsDone();
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the run made no progress");
  }

  /** Until the seeded listings are all matched and the run after the killed one has ended. */
  private void awaitQueueDone(long killedRunId) throws Exception {
    long deadline = System.nanoTime() + FINISH_TIMEOUT.toNanos();
    String pending =
        "select count(*) from ring.opportunities where summary = '"
            + SEEDED
            + "' and (matched_version < content_version or not matches_announced)";
    String open =
        "select count(*) from ring.batch_runs where job_name = 'MatcherJob' and id >= "
            + killedRunId
            + " and status in ('starting', 'running')";
    String after =
        "select count(*) from ring.batch_runs where job_name = 'MatcherJob' and id > "
            + killedRunId;
    while (System.nanoTime() < deadline) {
      try (Connection c = db();
          Statement s = c.createStatement()) {
        if (count(s, pending) == 0 && count(s, open) == 0 && count(s, after) > 0) {
          return;
        }
      }
      Thread.sleep(1000);
    }
    fail("the seeded listings were not all matched in " + FINISH_TIMEOUT + tail("second"));
  }

  private record Run(
      long id, String trigger, String status, int itemsTotal, int itemsDone, String error) {
    boolean open() {
      return "starting".equals(status) || "running".equals(status);
    }
  }

  private static Optional<Run> run(Statement s, long id) throws SQLException {
    return run(s, "select " + id);
  }

  private static Optional<Run> run(Statement s, String idQuery) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "select id, trigger, status, items_total, items_done, error from ring.batch_runs"
                + " where id = ("
                + idQuery
                + ")")) {
      return rs.next()
          ? Optional.of(
              new Run(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getInt(5),
                  rs.getString(6)))
          : Optional.empty();
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // ---- Helpers ---------------------------------------------------------------------------------

  private HttpResponse<String> post(String path, String bearer, String json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  private String tail(String name) {
    try {
      List<String> lines = Files.readAllLines(logDir.resolve(name + ".log"));
      return "\n--- "
          + name
          + ".log (last 80 lines) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private void log(String format, Object... args) {
    System.out.printf("[crash-it %5.1f s] %s%n", ms(started) / 1000.0, format.formatted(args));
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
