import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Tunnel fan-out benchmark: opens N WebSocket subscribers of the {@code entities} discovery
 * channel (as guests), then creates public entities through the API one at a time and measures,
 * for every subscriber, the time from sending the create request to receiving the event. JDK only:
 * {@code java bench/TunnelFanout.java <baseUrl> <connections> <rounds> <email> <password>}.
 * Prints one line per round and a summary line starting with "RESULT".
 */
public class TunnelFanout {

  static final AtomicInteger subscribed = new AtomicInteger();
  static final AtomicInteger failed = new AtomicInteger();
  static volatile long roundStart;
  static volatile int round = -1;
  static AtomicLongArray received; // per connection: nanos of the current round's event
  static final ConcurrentLinkedQueue<WebSocket> sockets = new ConcurrentLinkedQueue<>();

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/+$", "");
    int n = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    String email = args[3];
    String password = args[4];
    received = new AtomicLongArray(n);

    HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String token = token(api, base, email, password);

    // Several clients spread the sockets over several selector threads.
    int clients = Math.max(1, Math.min(8, n / 1000 + 1));
    List<HttpClient> pool = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      pool.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build());
    }
    URI ws = URI.create(base.replaceFirst("^http", "ws") + "/api/tunnel/ws");
    Semaphore inFlight = new Semaphore(200);
    CountDownLatch opened = new CountDownLatch(n);
    long c0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      inFlight.acquire();
      Runnable done =
          () -> {
            inFlight.release();
            opened.countDown();
          };
      pool.get(i % clients)
          .newWebSocketBuilder()
          .connectTimeout(Duration.ofSeconds(30))
          .buildAsync(ws, new Subscriber(i, done))
          .whenComplete(
              (s, e) -> {
                if (e != null) {
                  failed.incrementAndGet();
                  done.run();
                } else {
                  sockets.add(s);
                  s.sendText("{\"op\":\"auth\"}", true);
                }
              });
    }
    opened.await(300, TimeUnit.SECONDS);
    double connectS = (System.nanoTime() - c0) / 1e9;
    System.out.printf(
        "connected %d of %d (failed %d) in %.1f s%n", subscribed.get(), n, failed.get(), connectS);
    System.out.println("READY " + subscribed.get());
    System.out.flush();

    // Keep every connection alive (server idle timeout) while the rounds run.
    ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
    pinger.scheduleAtFixedRate(
        () -> sockets.forEach(s -> s.sendText("{\"op\":\"ping\",\"id\":0}", true)),
        30,
        30,
        TimeUnit.SECONDS);

    // Let the caller sample memory with all sockets open.
    Thread.sleep(Long.getLong("settle.ms", 5000));

    List<Double> all = new ArrayList<>();
    int live = subscribed.get();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        received.set(i, 0);
      }
      round = r;
      roundStart = System.nanoTime();
      HttpResponse<String> created =
          api.send(
              HttpRequest.newBuilder(URI.create(base + "/api/entities"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"name\":\"Fan-out "
                              + UUID.randomUUID().toString().substring(0, 8)
                              + "\",\"type\":\"technologySoftware\",\"shortDescription\":\"bench\","
                              + "\"visibility\":\"public\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      double apiMs = (System.nanoTime() - roundStart) / 1e6;
      if (created.statusCode() != 201) {
        throw new IllegalStateException("create failed: " + created.statusCode() + created.body());
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int got;
      do {
        Thread.sleep(20);
        got = 0;
        for (int i = 0; i < n; i++) {
          if (received.get(i) != 0) {
            got++;
          }
        }
      } while (got < live && System.nanoTime() < deadline);
      double[] ms = new double[got];
      int k = 0;
      for (int i = 0; i < n; i++) {
        long t = received.get(i);
        if (t != 0) {
          ms[k++] = (t - roundStart) / 1e6;
        }
      }
      Arrays.sort(ms);
      for (double v : ms) {
        all.add(v);
      }
      System.out.printf(
          "round %d: delivered %d/%d, API call %.1f ms, latency p50 %.1f ms p99 %.1f ms max %.1f ms%n",
          r + 1, got, live, apiMs, pct(ms, 50), pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1]);
      Thread.sleep(2000);
    }
    double[] latencies = sortedArray(all);
    System.out.printf(
        "RESULT connections=%d delivered=%d/%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f connect_s=%.1f%n",
        live,
        latencies.length,
        (long) live * rounds,
        pct(latencies, 50),
        pct(latencies, 99),
        latencies.length == 0 ? 0 : latencies[latencies.length - 1],
        connectS);
    pinger.shutdownNow();
    System.exit(0);
  }

  static double pct(double[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static String token(HttpClient api, String base, String email, String password)
      throws Exception {
    HttpResponse<String> r =
        api.send(
            HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"grant_type\":\"password\",\"email\":\""
                            + email
                            + "\",\"password\":\""
                            + password
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("token refused: " + r.statusCode() + " " + r.body());
    }
    String body = r.body();
    int at = body.indexOf("\"access_token\"");
    int start = body.indexOf('"', body.indexOf(':', at) + 1) + 1;
    return body.substring(start, body.indexOf('"', start));
  }

  /** The values in ascending order, for the percentiles over all rounds. */
  static double[] sortedArray(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    Arrays.sort(out);
    return out;
  }

  /** One subscriber: auth, subscribe to entities, then time every message. */
  static final class Subscriber implements WebSocket.Listener {
    private final int index;
    private final Runnable onSubscribed;
    private final StringBuilder text = new StringBuilder();
    private final java.util.concurrent.atomic.AtomicBoolean settled =
        new java.util.concurrent.atomic.AtomicBoolean();

    Subscriber(int index, Runnable onSubscribed) {
      this.index = index;
      this.onSubscribed = onSubscribed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String frame = text.toString();
        text.setLength(0);
        if (frame.contains("\"op\":\"message\"")) {
          received.compareAndSet(index, 0, System.nanoTime());
        } else if (frame.contains("\"op\":\"auth_ok\"")) {
          ws.sendText("{\"op\":\"subscribe\",\"channel\":\"entities\"}", true);
        } else if (frame.contains("\"op\":\"subscribed\"")) {
          subscribed.incrementAndGet();
          settle();
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      failed.incrementAndGet();
      settle();
    }

    private void settle() {
      if (settled.compareAndSet(false, true)) {
        onSubscribed.run();
      }
    }
  }
}
