import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkout benchmark's load: one thread per buyer, each signed in with its own token, buying
 * in a loop (1 to 3 random products into the cart, then a checkout paid with credits) for the
 * given time after a warm-up. Prints throughput and latency percentiles of the checkouts (and of
 * the add-to-cart calls) as Markdown table rows.
 *
 * <p>java bench/CheckoutLoad.java URL productIds.txt buyers.txt password warmupSeconds
 * durationSeconds
 */
public class CheckoutLoad {

  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String url = args[0].replaceAll("/+$", "");
    List<Long> products =
        Files.readAllLines(Path.of(args[1])).stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(Long::valueOf)
            .toList();
    List<String> buyers =
        Files.readAllLines(Path.of(args[2])).stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    String password = args[3];
    long warmup = Long.parseLong(args[4]);
    long duration = Long.parseLong(args[5]);
    HttpClient http =
        HttpClient.newBuilder()
            // Plain HTTP/1.1 keep-alive, as a browser or a proxy in front of Payara would use.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(java.util.concurrent.Executors.newFixedThreadPool(8))
            .build();

    List<String> tokens = Collections.synchronizedList(new ArrayList<>());
    List<Thread> signing = new ArrayList<>();
    for (String email : buyers) {
      Thread t =
          new Thread(
              () -> {
                try {
                  String body =
                      "{\"grant_type\":\"password\",\"email\":\""
                          + email
                          + "\",\"password\":\""
                          + password
                          + "\"}";
                  HttpResponse<String> r = send(http, url + "/api/auth/token", "POST", body, null);
                  Matcher m = TOKEN.matcher(r.body());
                  if (r.statusCode() != 200 || !m.find()) {
                    throw new IllegalStateException(email + ": " + r.statusCode() + " " + r.body());
                  }
                  tokens.add(m.group(1));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      t.start();
      signing.add(t);
    }
    for (Thread t : signing) {
      t.join();
    }
    if (tokens.size() != buyers.size()) {
      throw new IllegalStateException("Only " + tokens.size() + " buyers signed in");
    }

    long start = System.nanoTime();
    long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
    long end = measureFrom + Duration.ofSeconds(duration).toNanos();
    List<Long> checkoutNanos = Collections.synchronizedList(new ArrayList<>());
    List<Long> addNanos = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    AtomicBoolean failed = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(tokens.size());
    for (String token : tokens) {
      new Thread(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                  while (System.nanoTime() < end && !failed.get()) {
                    int lines = 1 + random.nextInt(3);
                    for (int i = 0; i < lines; i++) {
                      long product = products.get(random.nextInt(products.size()));
                      long t0 = System.nanoTime();
                      HttpResponse<String> added =
                          send(
                              http,
                              url + "/api/store/cart/items",
                              "POST",
                              "{\"productId\":" + product + ",\"quantity\":" + (1 + random.nextInt(2)) + "}",
                              token);
                      long t1 = System.nanoTime();
                      if (t0 >= measureFrom && t1 <= end) {
                        addNanos.add(t1 - t0);
                      }
                      if (added.statusCode() != 200) {
                        outcomes.merge("add " + added.statusCode(), 1, Integer::sum);
                      }
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<String> placed =
                        send(
                            http,
                            url + "/api/store/checkout",
                            "POST",
                            "{\"rail\":\"credits\",\"shipping\":{\"name\":\"Bench Buyer\","
                                + "\"phone\":\"+380 44 000 0000\",\"address\":\"Bench street 1\","
                                + "\"city\":\"Kyiv\",\"postalCode\":\"01001\",\"country\":\"UA\"}}",
                            token,
                            "Idempotency-Key",
                            UUID.randomUUID().toString());
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                      checkoutNanos.add(t1 - t0);
                      outcomes.merge("checkout " + placed.statusCode(), 1, Integer::sum);
                    }
                    if (placed.statusCode() >= 500) {
                      System.err.println("checkout " + placed.statusCode() + " " + placed.body());
                    }
                  }
                } catch (Exception e) {
                  e.printStackTrace();
                  failed.set(true);
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    done.await();
    if (failed.get()) {
      System.err.println("A buyer failed; see above");
      System.exit(1);
    }
    long ok = outcomes.getOrDefault("checkout 201", 0);
    System.out.printf(
        "| checkouts (201) | %d in %d s | %.1f /s |%n", ok, duration, ok / (double) duration);
    System.out.println("| checkout latency | " + percentiles(checkoutNanos) + " |");
    System.out.println("| add-to-cart latency | " + percentiles(addNanos) + " |");
    System.out.println("| outcomes | " + new TreeMap<>(outcomes) + " | |");
    // The HTTP client's executor threads are not daemons: end here so the script's checks run.
    System.exit(0);
  }

  private static String percentiles(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return "none | ";
    }
    return String.format(
        "p50 %.0f ms, p90 %.0f ms | p99 %.0f ms (max %.0f ms, n=%d)",
        at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6,
        sorted.size());
  }

  private static double at(List<Long> sorted, double q) {
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
  }

  private static HttpResponse<String> send(
      HttpClient http, String url, String method, String body, String token, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpRequest request = b.build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      // A keep-alive connection the server closed: a GET, or a POST with its Idempotency-Key,
      // is safe to send once more, as a real client would.
      if (!method.equals("GET") && request.headers().firstValue("Idempotency-Key").isEmpty()) {
        throw e;
      }
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
