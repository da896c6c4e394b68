import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends verified webhook deliveries to a running Ring as fast as {@code concurrency} clients can,
 * signed exactly as the gateways sign them: a Stripe {@code checkout.session.completed} (HMAC-SHA256
 * over "t.body") for Stripe payments and a WayForPay {@code Approved} serviceUrl callback
 * (HMAC-MD5) for the others. Every payment gets {@code copies} deliveries of the same event (the
 * first confirms it, the rest are duplicates Ring must recognise), in a shuffled order, so
 * duplicates also arrive concurrently. JDK only.
 *
 * <p>Usage: java WebhookBench.java BASE_URL REFS_FILE PHASE COPIES CONCURRENCY STRIPE_WHSEC
 * WFP_MERCHANT WFP_SECRET. REFS_FILE has one "reference,processor,amount_minor" line per payment.
 * Prints a RESULT line, with the CPU time this client used (so the server's share can be told
 * apart on a shared machine).
 */
public class WebhookBench {

  record Delivery(String processor, String body) {}

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/+$", "");
    List<String> lines = Files.readAllLines(Path.of(args[1]));
    String phase = args[2];
    int copies = Integer.parseInt(args[3]);
    int concurrency = Integer.parseInt(args[4]);
    String whsec = args[5];
    String merchant = args[6];
    String wfpSecret = args[7];
    List<Delivery> deliveries = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.strip().split(",");
      Delivery d =
          f[1].equals("stripe")
              ? new Delivery("stripe", stripeEvent(f[0], Long.parseLong(f[2])))
              : new Delivery("wayforpay", wfpCallback(f[0], Long.parseLong(f[2]), merchant, wfpSecret));
      for (int c = 0; c < copies; c++) {
        deliveries.add(d);
      }
    }
    Collections.shuffle(deliveries, new Random(42));
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    run(phase, deliveries, client, base, whsec, concurrency);
  }

  static void run(
      String phase,
      List<Delivery> deliveries,
      HttpClient client,
      String base,
      String whsec,
      int concurrency)
      throws Exception {
    ConcurrentLinkedQueue<Delivery> queue = new ConcurrentLinkedQueue<>(deliveries);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong firstFailure = new AtomicLong();
    long[] latencies = new long[deliveries.size()];
    AtomicInteger index = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long cpu0 = cpu();
    long start = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      pool.submit(
          () -> {
            Delivery d;
            while ((d = queue.poll()) != null) {
              long t0 = System.nanoTime();
              int status;
              try {
                HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(base + "/api/payments/webhooks/" + d.processor()))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8));
                if (d.processor().equals("stripe")) {
                  long ts = System.currentTimeMillis() / 1000;
                  b.header("Stripe-Signature", "t=" + ts + ",v1=" + hmac("HmacSHA256", whsec, ts + "." + d.body()));
                }
                status = client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
              } catch (Exception e) {
                status = -1;
              }
              latencies[index.getAndIncrement()] = System.nanoTime() - t0;
              if (status == 200) {
                ok.incrementAndGet();
              } else {
                failed.incrementAndGet();
                firstFailure.compareAndSet(0, status == 0 ? -2 : status);
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = java.util.Arrays.copyOf(latencies, index.get());
    java.util.Arrays.sort(sorted);
    System.out.printf(
        "RESULT phase=%s deliveries=%d ok=%d failed=%d first_failure=%d seconds=%.2f per_second=%.0f"
            + " p50_ms=%.1f p99_ms=%.1f concurrency=%d client_cpu_ms=%d%n",
        phase,
        deliveries.size(),
        ok.get(),
        failed.get(),
        firstFailure.get(),
        seconds,
        deliveries.size() / seconds,
        sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6,
        sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] / 1e6,
        concurrency,
        (cpu() - cpu0) / 1_000_000);
  }

  /** CPU time this process has used, in nanoseconds. */
  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static String stripeEvent(String reference, long amount) {
    String session = "cs_bench_" + reference;
    return "{\"id\":\"evt_bench_" + reference + "\",\"object\":\"event\",\"type\":\"checkout.session.completed\","
        + "\"data\":{\"object\":{\"id\":\"" + session + "\",\"object\":\"checkout.session\",\"amount_total\":"
        + amount + ",\"currency\":\"uah\",\"client_reference_id\":\"" + reference
        + "\",\"metadata\":{\"reference\":\"" + reference + "\"},\"payment_intent\":\"pi_bench_" + reference
        + "\",\"payment_status\":\"paid\",\"status\":\"complete\"}}}";
  }

  static String wfpCallback(String reference, long amountMinor, String merchant, String secret) {
    String amount =
        java.math.BigDecimal.valueOf(amountMinor, 2).stripTrailingZeros().toPlainString();
    String signature =
        hmac("HmacMD5", secret, String.join(";", merchant, reference, amount, "UAH", "541963",
            "41****8217", "Approved", "1100"));
    return "{\"merchantAccount\":\"" + merchant + "\",\"orderReference\":\"" + reference
        + "\",\"merchantSignature\":\"" + signature + "\",\"amount\":" + amount
        + ",\"currency\":\"UAH\",\"authCode\":\"541963\",\"cardPan\":\"41****8217\","
        + "\"transactionStatus\":\"Approved\",\"reason\":\"Ok\",\"reasonCode\":1100}";
  }

  static String hmac(String algorithm, String secret, String message) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
