package org.ringplatform.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.ringplatform.testing.TestDatabase;

/**
 * ring.ear on a freshly unpacked Payara Server 6, prepared exactly as an operator would prepare it:
 * {@code server-config/payara-server-setup.sh} creates a domain on free ports (base 28000 and up,
 * away from the 8080/4848 defaults and other servers on the machine), points it at a fresh
 * PostgreSQL database, deploys the EAR, and is then run a second time to show it is idempotent. The
 * platform name reaches the EAR as the environment variable {@code RING_PLATFORM_NAME} of the
 * domain process (the script starts the domain, which inherits its environment).
 */
class EarOnPayaraServerIT {

  private static final String PLATFORM_NAME = "EAR Ring";
  private static final String DOMAIN = "ring-it";
  private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(8);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
  private static final Pattern STACK_FRAME =
      Pattern.compile("\\bat [\\w.$]+\\([\\w$]+\\.java:\\d+\\)");
  private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b.*?</script>");
  private static final Pattern STATUS_UP = Pattern.compile("^\\{\\s*\"status\"\\s*:\\s*\"UP\"");

  /** Ports Payara derives from the port base (admin, HTTP, HTTPS, IIOP, JMS, JMX, OSGi, ...). */
  private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

  private static final AtomicBoolean FAILED = new AtomicBoolean();
  private static final AtomicBoolean STOPPED = new AtomicBoolean();

  @RegisterExtension
  static final TestWatcher LOG_ON_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          FAILED.set(true);
        }
      };

  private static Path payaraHome;
  private static Path domainDir;
  private static int httpPort;
  private static int adminPort;
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static SetupRun firstSetup;
  private static SetupRun secondSetup;

  private record SetupRun(int exitCode, String output) {}

  @BeforeAll
  static void prepareTheDomainWithTheSetupScriptAndDeployTheEar() throws Exception {
    payaraHome = Path.of(required("ring.payara.home"));
    Path ear = Path.of(required("ring.ear"));
    Path driver = Path.of(required("ring.runtime.dir")).resolve("postgresql.jar");
    Path script = Path.of(required("ring.server.config")).resolve("payara-server-setup.sh");
    domainDir = ear.getParent().resolve("payara-domains");
    try {
      TestDatabase db = TestDatabase.get();
      stopLeftoverDomain();
      deleteRecursively(domainDir);
      int portBase = freePortBase();
      adminPort = portBase + 48;
      httpPort = portBase + 80;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(EarOnPayaraServerIT::stopDomain, "payara-domain-stop"));

      Map<String, String> env =
          Map.of(
              "PAYARA_HOME", payaraHome.toString(),
              "RING_DOMAIN", DOMAIN,
              "RING_DOMAIN_DIR", domainDir.toString(),
              "RING_PORTBASE", String.valueOf(portBase),
              "RING_JDBC_DRIVER", driver.toString(),
              "RING_DB_URL", db.jdbcUrl(),
              "RING_DB_USER", db.user(),
              "RING_DB_PASSWORD", db.password(),
              "RING_PLATFORM_NAME", PLATFORM_NAME);
      System.out.printf("Payara Server domain %s on port base %d%n", DOMAIN, portBase);
      firstSetup = runSetup(script, env, ear);
      assertEquals(0, firstSetup.exitCode(), "first setup run failed:\n" + firstSetup.output());
      secondSetup = runSetup(script, env, ear);
      assertEquals(0, secondSetup.exitCode(), "second setup run failed:\n" + secondSetup.output());
      awaitReady();
    } catch (Throwable e) {
      FAILED.set(true);
      throw e;
    }
  }

  @AfterAll
  static void stopTheDomain() {
    if (FAILED.get()) {
      printServerLogTail(200);
    }
    stopDomain();
  }

  @Test
  void readinessReportsUpWithTheDatabaseMigrated() throws Exception {
    HttpResponse<String> response = get("/health/ready");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(STATUS_UP.matcher(response.body()).find(), response.body());
    assertTrue(response.body().contains("\"database\""), response.body());
  }

  @Test
  void homePageShowsThePlatformNameConfiguredForTheServer() throws Exception {
    HttpResponse<String> response = get("/");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(contentType(response).startsWith("text/html"), contentType(response));
    assertTrue(response.body().contains(PLATFORM_NAME), "no platform name in:\n" + response.body());
  }

  @Test
  void ukrainianHomePageIsServedUnderUk() throws Exception {
    HttpResponse<String> response = get("/uk/");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("Головна"), "no Ukrainian text in:\n" + response.body());
    assertTrue(response.body().contains(PLATFORM_NAME), response.body());
  }

  @Test
  void platformApiReturnsTheConfiguredNameAsJson() throws Exception {
    HttpResponse<String> response = get("/api/platform");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(contentType(response).startsWith("application/json"), contentType(response));
    assertTrue(
        Pattern.compile("\"name\"\\s*:\\s*\"" + PLATFORM_NAME + "\"")
            .matcher(response.body())
            .find(),
        response.body());
  }

  @Test
  void unknownApiPathAnswersNotFoundAsProblemJson() throws Exception {
    HttpResponse<String> response = get("/api/does-not-exist");

    assertEquals(404, response.statusCode(), response.body());
    assertTrue(contentType(response).startsWith("application/problem+json"), contentType(response));
    assertTrue(response.body().contains("\"status\":404"), response.body());
  }

  @Test
  void unknownPageShowsTheBrandedNotFoundPageWithoutStackTrace() throws Exception {
    HttpResponse<String> response = get("/no-such-page");

    assertEquals(404, response.statusCode(), response.body());
    assertTrue(contentType(response).startsWith("text/html"), contentType(response));
    assertTrue(response.body().contains("error-404"), "not the branded page:\n" + response.body());
    assertTrue(response.body().contains(PLATFORM_NAME), response.body());
    // No stack trace anywhere in the response. "Exception" is checked outside <script> only:
    // PrimeFaces' inline settings name the ViewExpiredException error page from web.xml.
    assertFalse(STACK_FRAME.matcher(response.body()).find(), response.body());
    assertFalse(response.body().contains("at org."), response.body());
    assertFalse(withoutScripts(response.body()).contains("Exception"), response.body());
  }

  @Test
  void setupScriptRunsAgainOnTheConfiguredDomainWithoutChangesOrRestart() {
    assertTrue(firstSetup.output().contains("restarting domain"), firstSetup.output());
    assertTrue(secondSetup.output().contains("already exists"), secondSetup.output());
    assertTrue(secondSetup.output().contains("no restart needed"), secondSetup.output());
    assertFalse(secondSetup.output().contains("recreating"), secondSetup.output());
  }

  @Test
  void demoDataIsNeverLoadedWhenDemoModeIsOff() throws Exception {
    // ring.demo.enabled defaults to false in the deployable; the migrations ran (readiness is UP)
    // yet no account and no demo marker exist.
    try (java.sql.Connection c = TestDatabase.get().connect();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet users = s.executeQuery("select count(*) from ring.users")) {
      users.next();
      assertEquals(0, users.getInt(1));
    }
    try (java.sql.Connection c = TestDatabase.get().connect();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet marker =
            s.executeQuery("select count(*) from ring.platform_state where key = 'demo.loaded'")) {
      marker.next();
      assertEquals(0, marker.getInt(1));
    }
  }

  @Test
  void domainHoldsExactlyOneJdbcDriver() throws IOException {
    List<String> drivers;
    try (Stream<Path> lib = Files.walk(domainDir.resolve(DOMAIN).resolve("lib"))) {
      drivers =
          lib.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("postgresql")).toList();
    }
    assertEquals(List.of("postgresql.jar"), drivers);
  }

  @Test
  void batchRuntimeUsesTheRingDatasourceAndTheServerStaysLocal() throws Exception {
    assertTrue(
        asadmin("list-batch-runtime-configuration")
            .lines()
            .anyMatch(l -> l.startsWith("jdbc/ring")),
        "batch runtime datasource is not jdbc/ring");
    assertTrue(asadmin("list-phone-home").contains("disabled"), "phone-home is enabled");
    assertTrue(
        asadmin("get-hazelcast-configuration")
            .lines()
            .anyMatch(l -> l.matches("Enabled\\s+false\\b.*")),
        "Hazelcast is enabled");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + property + " is not set (failsafe)");
    }
    return value;
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
            .timeout(Duration.ofSeconds(30))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String withoutScripts(String html) {
    return SCRIPT.matcher(html).replaceAll("");
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** Polls readiness: 404/500/503 while the application is (re)starting, 200 once migrated. */
  private static void awaitReady() throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + READY_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = get("/health/ready");
        last = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find()) {
          System.out.printf(
              "Ring on Payara Server ready %.1f s after the second setup run%n",
              (System.nanoTime() - started) / 1e9);
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(2000);
    }
    throw new AssertionError("/health/ready not UP within " + READY_TIMEOUT + "; last: " + last);
  }

  private static SetupRun runSetup(Path script, Map<String, String> env, Path ear)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("bash", script.toString(), ear.toString()).redirectErrorStream(true);
    // Only the settings given here: none of the developer's own RING_* variables.
    pb.environment().keySet().removeIf(k -> k.startsWith("RING_") || k.startsWith("AS_ADMIN_"));
    pb.environment().putAll(env);
    long started = System.nanoTime();
    Process process = pb.start();
    StringBuilder output = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  System.out.println(line);
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "setup-output");
    reader.start();
    boolean finished = process.waitFor(SETUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    reader.join(10_000);
    System.out.printf("payara-server-setup.sh took %.1f s%n", (System.nanoTime() - started) / 1e9);
    synchronized (output) {
      return new SetupRun(finished ? process.exitValue() : -1, output.toString());
    }
  }

  private static String asadmin(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    args.add(payaraHome.resolve("bin/asadmin").toString());
    args.add("--interactive=false");
    args.add("--port");
    args.add(String.valueOf(adminPort));
    args.addAll(List.of(command));
    return run(args, Duration.ofMinutes(2));
  }

  private static String run(List<String> command, Duration timeout)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("asadmin", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** A port base whose derived ports are all free, from 28000 up in steps of 100. */
  private static int freePortBase() {
    for (int base = 28000; base < 32000; base += 100) {
      boolean free = true;
      for (int offset : PORT_OFFSETS) {
        if (!isFree(base + offset)) {
          free = false;
          break;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("No free port base between 28000 and 32000");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true); // a port in TIME_WAIT is free for Payara too
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The domain process, while it runs (its pid file exists only then). */
  private static Optional<ProcessHandle> domainProcess() {
    Path pidFile = domainDir.resolve(DOMAIN).resolve("config/pid");
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              p -> p.info().commandLine().map(c -> c.contains(domainDir.toString())).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A domain left running by an earlier run that was killed before it could clean up. */
  private static void stopLeftoverDomain() {
    domainProcess()
        .ifPresent(
            p -> {
              System.out.println("Stopping a leftover Payara domain, pid " + p.pid());
              stopDomain(p);
            });
  }

  /** Stops the domain with asadmin, and kills it should that not work. Safe to call twice. */
  private static void stopDomain() {
    if (domainDir == null || !STOPPED.compareAndSet(false, true)) {
      return;
    }
    domainProcess().ifPresent(EarOnPayaraServerIT::stopDomain);
  }

  private static void stopDomain(ProcessHandle process) {
    try {
      System.out.print(
          run(
              List.of(
                  payaraHome.resolve("bin/asadmin").toString(),
                  "--interactive=false",
                  "stop-domain",
                  "--domaindir",
                  domainDir.toString(),
                  DOMAIN),
              Duration.ofMinutes(2)));
    } catch (IOException e) {
      System.out.println("stop-domain failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (process.isAlive()) {
      try {
        process.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.out.println("Payara did not stop; killing pid " + process.pid());
        process.destroyForcibly();
      }
    }
  }

  private static void printServerLogTail(int lines) {
    Path log = domainDir == null ? null : domainDir.resolve(DOMAIN).resolve("logs/server.log");
    if (log == null || !Files.isRegularFile(log)) {
      System.out.println("No Payara server log to show");
      return;
    }
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      System.out.println("----- last " + lines + " lines of " + log + " -----");
      all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
      System.out.println("----- end of server log -----");
    } catch (IOException e) {
      System.out.println("Cannot read " + log + ": " + e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
