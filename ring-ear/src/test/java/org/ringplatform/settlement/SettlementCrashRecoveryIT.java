package org.ringplatform.settlement;

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
 * The "done when": killing the server during a settlement run and starting it again
 * produces exactly the settlements of an uninterrupted run. Ring is started as a user starts it
 * ({@code server-config/run.sh}, embedded PostgreSQL in a fresh data directory, demo mode for the
 * demo admin), vendors with completed orders and the ledger entries of their sales are seeded, a
 * settlement run with small chunks is started through the admin API, and the Payara Micro JVM is
 * killed with SIGKILL once the run ledger shows part of the orders settled. Ring is started again
 * on the same data; its scheduler finds the run's heartbeat stale, marks it interrupted and starts
 * a recovery run, which must settle the rest into the same open settlements: one settlement and one
 * payout per vendor, every order in exactly one line, each vendor paid its part to the cent and the
 * ledger balanced.
 */
class SettlementCrashRecoveryIT {

  private static final int VENDORS = 40;
  private static final int ORDERS = 40_000;
  private static final int CHUNK = 100;
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration FINISH_TIMEOUT = Duration.ofMinutes(4);
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
    dataDir = Files.createTempDirectory("ring-settlement-crash-it-");
    logDir =
        Path.of(System.getProperty("ring.it.logs", "target/matcher-crash-it"))
            .toAbsolutePath()
            .resolveSibling("settlement-crash-it");
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
  void killingTheServerMidRunAndStartingAgainSettlesExactlyAsAnUninterruptedRun() throws Exception {
    // First start: no schedule, so the only settlement run is ours.
    Process first = start("first", "off");
    awaitReady(first, "first");
    seed();
    long runId = startSettlementRun();
    log("settlement run %d started", runId);

    int doneAtKill = awaitPartialProgress(runId);
    ProcessHandle payara = payaraOf(first);
    log("killing Payara Micro (pid %d) with SIGKILL after %d orders", payara.pid(), doneAtKill);
    assertTrue(payara.destroyForcibly(), "SIGKILL was not sent");
    assertTrue(first.waitFor(90, TimeUnit.SECONDS), "the launcher did not exit after the kill");
    awaitPostgresStopped();

    // Second start on the same data: the scheduler recovers the dead run.
    Process second = start("second", "PT10S");
    awaitReady(second, "second");
    awaitSettled(runId);
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
                  "select min(id) from ring.batch_runs where job_name = 'SettlementJob'"
                      + " and id > "
                      + runId)
              .orElseThrow(() -> new AssertionError("no run after the killed one"));
      assertEquals("recovery", recovery.trigger(), "the run after the kill: " + recovery);
      assertEquals("completed", recovery.status(), "the recovery run: " + recovery);
      // Committed chunks are not redone: the recovery settles exactly what was left.
      assertEquals(
          killed.itemsTotal() - killed.itemsDone(),
          recovery.itemsDone(),
          "orders settled by the recovery run: " + recovery + " after " + killed);

      assertEquals(ORDERS, count(s, "select count(*) from ring.settlement_lines"));
      assertEquals(0, count(s, "select count(*) from ring.settlement_queue"));
      assertEquals(
          0,
          count(
              s,
              "select count(*) from (select order_id from ring.settlement_lines group by 1"
                  + " having count(*) > 1) d"),
          "an order settled twice");
      // Exactly the settlements of an uninterrupted run: one per vendor, its net the vendor's
      // part of its orders, paid out once, its payable back to zero.
      assertEquals(VENDORS, count(s, "select count(*) from ring.settlements"));
      assertEquals(
          VENDORS, count(s, "select count(*) from ring.settlements where status = 'closed'"));
      assertEquals(
          0,
          count(
              s,
              "select count(*) from (select vendor_id, sum(total_minor - commission_minor"
                  + " - referral_minor) as expected from ring.orders group by 1) e"
                  + " left join ring.settlements st on st.vendor_id = e.vendor_id"
                  + " where st.net_minor is distinct from e.expected"),
          "a settlement whose net is not the vendor's part");
      assertEquals(
          0,
          count(
              s,
              "select count(*) from ring.settlements st left join ring.payouts p"
                  + " on p.settlement_id = st.id where p.amount_minor is distinct from st.net_minor"),
          "a payout other than its settlement's net");
      assertEquals(
          VENDORS,
          count(s, "select count(*) from ring.ledger_entries where kind = 'payout'"),
          "one payout entry per settlement");
      assertEquals(
          0,
          count(
              s,
              "select count(*) from ring.ledger_accounts where code like 'vendor_payable:%'"
                  + " and balance_minor <> 0"),
          "a vendor not paid its part to the cent");
      // The ledger's balance check, in SQL: per currency, per entry, and every balance.
      assertEquals(
          0,
          count(
              s,
              "select count(*) from (select entry_id from ring.ledger_postings"
                  + " group by entry_id, currency having sum(case side when 'D' then amount_minor"
                  + " else -amount_minor end) <> 0) u"));
      assertEquals(
          0,
          count(
              s,
              "select count(*) from ring.ledger_balances a left join (select account_id,"
                  + " sum(case side when 'D' then amount_minor else -amount_minor end) as d"
                  + " from ring.ledger_postings group by 1) p on p.account_id = a.id"
                  + " where a.balance_minor <> case a.normal_side when 'D' then coalesce(p.d, 0)"
                  + " else -coalesce(p.d, 0) end"));
      log("killed run %s; recovery run %s; %d vendors settled once", killed, recovery, VENDORS);
    }
  }

  // ---- The server ------------------------------------------------------------------------------

  /** run.sh in a session of its own (setsid), so the whole tree can be stopped as a group. */
  private Process start(String name, String settlementSchedule) throws IOException {
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
    env.put("RING_MATCHER_SCHEDULE", "off");
    env.put("RING_EXPIRY_SCHEDULE", "off");
    env.put("RING_SETTLEMENT_SCHEDULE", settlementSchedule);
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

  /**
   * Vendors with completed orders past their hold and the ledger as checkout leaves it (a card
   * payment per vendor, a sale entry per order), shaped like bench/settlement.sh's.
   */
  private void seed() throws SQLException {
    long t0 = System.nanoTime();
    try (Connection c = db();
        Statement s = c.createStatement()) {
      s.execute(
          """
          set search_path = ring;
          set session_replication_role = replica;
          create temporary table bv as select g from generate_series(1, {VENDORS}) g;
          alter table bv add column user_id bigint, add column vendor_id bigint,
            add column product_id bigint, add column checkout_id bigint, add column bps integer;
          insert into users(email, role, display_name, email_verified)
            select 'crash-vendor-' || g || '@crash.ring', 'member', 'Vendor ' || g, true from bv;
          insert into users(email, role, display_name, email_verified)
            values ('crash-buyer@crash.ring', 'member', 'Buyer', true);
          update bv set user_id = u.id from users u
            where u.email = 'crash-vendor-' || bv.g || '@crash.ring';
          insert into entities(name, type, short_description, owner_id, visibility)
            select 'Crash store ' || g, 'technologySoftware', 'A store', user_id, 'public' from bv;
          insert into vendors(entity_id, owner_id, name, slug, status, tier)
            select e.id, bv.user_id, 'Crash store ' || g, 'crash-store-' || g, 'active',
                   (array['starter', 'growth', 'professional', 'enterprise'])[1 + g % 4]
            from bv join entities e on e.owner_id = bv.user_id;
          update bv set vendor_id = v.id, bps = t.commission_bps from vendors v
            join vendor_tiers t on t.code = v.tier where v.owner_id = bv.user_id;
          insert into store_products(vendor_id, title, slug, category, kind, price_minor,
                                     currency, status)
            select vendor_id, 'Product ' || g, 'crash-product-' || g, 'crafts', 'physical',
                   10000, 'UAH', 'active' from bv;
          update bv set product_id = p.id from store_products p where p.vendor_id = bv.vendor_id;
          insert into checkouts(buyer_id, currency, total_minor, status, client_key, expires_at)
            select (select id from users where email = 'crash-buyer@crash.ring'), 'UAH', 0,
                   'paid', 'crash-' || g, now() from bv;
          update bv set checkout_id = c.id from checkouts c where c.client_key = 'crash-' || bv.g;
          insert into orders(checkout_id, buyer_id, vendor_id, status, currency, subtotal_minor,
                             total_minor, commission_bps, commission_minor, referral_code,
                             referral_minor, paid_at, completed_at)
          select bv.checkout_id, (select id from users where email = 'crash-buyer@crash.ring'),
                 bv.vendor_id, 'completed', 'UAH', o.total, o.total, bv.bps,
                 (o.total * bv.bps + 5000) / 10000,
                 case when o.n % 10 = 0 then 'CRASHREF' end,
                 case when o.n % 10 = 0 then (o.total * 500 + 5000) / 10000 else 0 end,
                 now() - interval '8 days', now() - interval '5 days'
          from (select n, 100 + (n::bigint * 7919) % 99900 as total
                from generate_series(1, {ORDERS}) n) o
          join bv on bv.g = 1 + (o.n - 1) % {VENDORS};
          -- Triggers are off while seeding, so the orders are queued as the trigger would.
          insert into settlement_queue(order_id, vendor_id, currency, completed_at)
            select id, vendor_id, currency, completed_at from orders;
          insert into order_lines(order_id, product_id, title, kind, unit_price_minor, quantity,
                                  line_total_minor)
          select o.id, bv.product_id, 'Product', 'physical', o.total_minor, 1, o.total_minor
          from orders o join bv on bv.vendor_id = o.vendor_id;
          insert into ledger_accounts(code, currency, kind, normal_side) values
            ('gateway_cash', 'UAH', 'asset', 'D'), ('payments_clearing', 'UAH', 'liability', 'C'),
            ('platform_commission', 'UAH', 'revenue', 'C'),
            ('referral_payable', 'UAH', 'liability', 'C')
            on conflict (code, currency) do nothing;
          insert into ledger_accounts(code, currency, kind, normal_side, owner_type, owner_id)
            select 'vendor_payable:' || vendor_id, 'UAH', 'liability', 'C', 'vendor', vendor_id
            from bv on conflict (code, currency) do nothing;
          insert into ledger_entries(idempotency_key, kind, description, reference)
            select 'payment:crash-' || g, 'payment', 'Card payments', 'crash-' || g from bv;
          insert into ledger_postings(entry_id, account_id, side, amount_minor, currency)
            select e.id, a.id, x.side, t.total, 'UAH'
            from (select vendor_id, sum(total_minor) as total from orders group by 1) t
            join bv on bv.vendor_id = t.vendor_id
            join ledger_entries e on e.idempotency_key = 'payment:crash-' || bv.g
            cross join (values ('D', 'gateway_cash'), ('C', 'payments_clearing')) x(side, code)
            join ledger_accounts a on a.code = x.code and a.currency = 'UAH';
          insert into ledger_entries(idempotency_key, kind, description, reference)
            select 'sale:' || id, 'sale', 'Sale of order ' || id, 'crash' from orders;
          insert into ledger_postings(entry_id, account_id, side, amount_minor, currency)
            select e.id, a.id, l.side, l.amount, 'UAH'
            from orders o join ledger_entries e on e.idempotency_key = 'sale:' || o.id
            cross join lateral (values
              ('D', 'payments_clearing', o.total_minor),
              ('C', 'platform_commission', o.commission_minor),
              ('C', 'referral_payable', o.referral_minor),
              ('C', 'vendor_payable:' || o.vendor_id,
               o.total_minor - o.commission_minor - o.referral_minor)) l(side, code, amount)
            join ledger_accounts a on a.code = l.code and a.currency = 'UAH'
            where l.amount > 0;
          update ledger_accounts a set balance_minor = x.balance
            from (select p.account_id, sum(case when p.side = la.normal_side then p.amount_minor
                                                else -p.amount_minor end) as balance
                  from ledger_postings p join ledger_accounts la on la.id = p.account_id
                  group by 1) x
            where x.account_id = a.id;
          set session_replication_role = origin;
          analyze;
          """
              .replace("{VENDORS}", String.valueOf(VENDORS))
              .replace("{ORDERS}", String.valueOf(ORDERS)));
    }
    log("seeded %d vendors and %d completed orders in %d ms", VENDORS, ORDERS, ms(t0));
  }

  private long startSettlementRun() throws Exception {
    HttpResponse<String> grant =
        post(
            "/api/auth/token",
            null,
            "{\"grant_type\":\"password\",\"email\":\"admin@ring.local\","
                + "\"password\":\"ring-demo-2026\"}");
    Matcher token = TOKEN.matcher(grant.body());
    assertTrue(token.find(), "no token: " + grant.statusCode() + " " + grant.body());
    HttpResponse<String> started =
        post("/api/admin/settlements/run", token.group(1), "{\"chunkSize\":" + CHUNK + "}");
    assertEquals(202, started.statusCode(), started.body());
    Matcher id = RUN_ID.matcher(started.body());
    assertTrue(id.find(), started.body());
    return Long.parseLong(id.group(1));
  }

  /** Waits until the ledger shows some of the run's orders settled; returns the count. */
  private int awaitPartialProgress(long runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (Connection c = db();
        Statement s = c.createStatement()) {
      while (System.nanoTime() < deadline) {
        Run run = run(s, runId).orElseThrow();
        assertTrue(run.open(), "the run ended before the kill: " + run);
        if (run.itemsTotal() > 0 && run.itemsDone() >= run.itemsTotal() / 5) {
          return run.itemsDone();
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("the run made no progress");
  }

  /** Until every seeded order is settled and the run after the killed one has ended. */
  private void awaitSettled(long killedRunId) throws Exception {
    long deadline = System.nanoTime() + FINISH_TIMEOUT.toNanos();
    String pending = "select count(*) from ring.settlements where status = 'open'";
    String unsettled = "select count(*) from ring.settlement_queue";
    String open =
        "select count(*) from ring.batch_runs where job_name = 'SettlementJob' and id >= "
            + killedRunId
            + " and status in ('starting', 'running')";
    String after =
        "select count(*) from ring.batch_runs where job_name = 'SettlementJob' and id > "
            + killedRunId;
    while (System.nanoTime() < deadline) {
      try (Connection c = db();
          Statement s = c.createStatement()) {
        if (count(s, unsettled) == 0
            && count(s, pending) == 0
            && count(s, open) == 0
            && count(s, after) > 0) {
          return;
        }
      }
      Thread.sleep(1000);
    }
    fail("the seeded orders were not all settled in " + FINISH_TIMEOUT + tail("second"));
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
