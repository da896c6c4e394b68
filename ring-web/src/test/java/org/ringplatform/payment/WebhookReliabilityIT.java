package org.ringplatform.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.gateway.GatewayStandIns;
import org.ringplatform.testing.gateway.StripeStandIn;
import org.ringplatform.testing.gateway.WayForPayStandIn;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * The webhook reliability test of issue 5: well over 1,000 randomised deliveries over 120 card
 * top-ups (half WayForPay, half Stripe) — genuine events with duplicates, concurrent copies,
 * reordering and late strays, mixed with tampered bodies, wrong secrets, stale and future
 * timestamps, missing signatures and correctly signed wrong amounts — sent by a thread pool in a
 * seeded random order. Afterwards no payment was applied twice (one payment and one top-up entry
 * per paid reference, wallet balances exact), no forgery was accepted, every delivery is in the
 * webhook log, every payment ends in the state its genuine events imply, and the ledger is sound.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookReliabilityIT {

  private static final int USERS = 20;
  private static final int PAYMENTS = 120;
  private static final long SEED = Long.getLong("ring.reliability.seed", 20_261_105L);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private enum Intent {
    PAID("paid"),
    DECLINED("failed"),
    EXPIRED("cancelled");

    final String finalStatus;

    Intent(String finalStatus) {
      this.finalStatus = finalStatus;
    }
  }

  /**
   * One delivery: genuine ones must be accepted (200), forgeries refused (4xx). A Stripe delivery
   * is signed at send time with {@code secret} (none: no header) over {@code signedBody}, which
   * differs from the body only when the body was tampered with after signing.
   */
  private record Delivery(
      String processor,
      String body,
      String signedBody,
      String secret,
      long skewSeconds,
      boolean genuine,
      boolean burst) {

    Delivery(
        String processor, String body, String secret, long skew, boolean genuine, boolean burst) {
      this(processor, body, body, secret, skew, genuine, burst);
    }
  }

  private record Payment(
      String reference, long userId, long amount, String processor, Intent intent) {}

  private static String wfpAmount(long minor) {
    return BigDecimal.valueOf(minor, 2).stripTrailingZeros().toPlainString();
  }

  @Test
  void randomisedDeliveriesApplyEveryPaymentExactlyOnceAndNoForgeryEver() throws Exception {
    GatewayStandIns.pointAt(base);
    PaymentTesting t = new PaymentTesting(base);
    Random random = new Random(SEED);
    WayForPayStandIn wfp = GatewayStandIns.wayForPay();
    String wfpSecret = GatewayStandIns.WFP_SECRET;
    String whsec = GatewayStandIns.STRIPE_WEBHOOK_SECRET;

    List<long[]> users = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      String email = TestAccounts.create("reliability", Role.SUBSCRIBER);
      users.add(new long[] {TestAccounts.id(email)});
      tokens.add(t.api().accessToken(email, TestAccounts.PASSWORD));
    }
    List<Payment> payments = new ArrayList<>();
    for (int i = 0; i < PAYMENTS; i++) {
      int u = i % USERS;
      String processor = i % 2 == 0 ? "wayforpay" : "stripe";
      long amount = 100 + random.nextInt(50_000);
      double roll = random.nextDouble();
      Intent intent = roll < 0.7 ? Intent.PAID : roll < 0.85 ? Intent.DECLINED : Intent.EXPIRED;
      String ref = t.topUp(tokens.get(u), amount, processor).getString("reference");
      payments.add(new Payment(ref, users.get(u)[0], amount, processor, intent));
    }

    List<Delivery> deliveries = new ArrayList<>();
    for (Payment p : payments) {
      List<Delivery> genuine = new ArrayList<>();
      List<Delivery> forged = new ArrayList<>();
      if (p.processor().equals("wayforpay")) {
        String amount = wfpAmount(p.amount());
        List<String> statuses =
            switch (p.intent()) {
              case PAID ->
                  random.nextBoolean()
                      ? List.of("InProcessing", "Approved", "Declined")
                      : List.of("Pending", "Approved");
              case DECLINED -> List.of("Pending", "Declined");
              case EXPIRED -> List.of("InProcessing", "Expired");
            };
        for (String status : statuses) {
          genuine.add(
              new Delivery(
                  "wayforpay",
                  wfp.callback(p.reference(), status, amount, "UAH", wfpSecret),
                  null,
                  0,
                  true,
                  random.nextDouble() < 0.3));
        }
        forged.add(
            new Delivery(
                "wayforpay",
                wfp.callback(p.reference(), "Approved", amount, "UAH", "stolen-or-guessed"),
                null,
                0,
                false,
                false));
        String real = wfp.callback(p.reference(), "Approved", "1", "UAH", wfpSecret);
        forged.add(
            new Delivery(
                "wayforpay",
                real.replace("\"amount\":1,", "\"amount\":" + amount + ","),
                null,
                0,
                false,
                false));
        if (p.intent() != Intent.PAID) {
          // Correctly signed, wrong amount: accepted as a delivery, never as a payment.
          genuine.add(
              new Delivery(
                  "wayforpay",
                  wfp.callback(
                      p.reference(), "Approved", wfpAmount(p.amount() + 1), "UAH", wfpSecret),
                  null,
                  0,
                  true,
                  false));
        }
      } else {
        String session = "cs_rel_" + p.reference();
        String pi = "pi_rel_" + p.reference();
        long a = p.amount();
        List<String> events =
            switch (p.intent()) {
              case PAID ->
                  random.nextBoolean()
                      ? List.of(
                          StripeStandIn.event(
                              "checkout.session.completed",
                              StripeStandIn.sessionJson(
                                  p.reference(), session, a, "uah", "complete", "paid", pi)))
                      : List.of(
                          StripeStandIn.event(
                              "checkout.session.completed",
                              StripeStandIn.sessionJson(
                                  p.reference(), session, a, "uah", "complete", "unpaid", pi)),
                          StripeStandIn.event(
                              "checkout.session.async_payment_succeeded",
                              StripeStandIn.sessionJson(
                                  p.reference(), session, a, "uah", "complete", "paid", pi)),
                          StripeStandIn.event("customer.created", "{\"id\":\"cus_1\"}"));
              case DECLINED ->
                  List.of(
                      StripeStandIn.event(
                          "checkout.session.completed",
                          StripeStandIn.sessionJson(
                              p.reference(), session, a, "uah", "complete", "unpaid", pi)),
                      StripeStandIn.event(
                          "checkout.session.async_payment_failed",
                          StripeStandIn.sessionJson(
                              p.reference(), session, a, "uah", "complete", "unpaid", pi)));
              case EXPIRED ->
                  List.of(
                      StripeStandIn.event(
                          "checkout.session.expired",
                          StripeStandIn.sessionJson(
                              p.reference(), session, a, "uah", "expired", "unpaid", pi)));
            };
        for (String e : events) {
          genuine.add(new Delivery("stripe", e, whsec, 0, true, random.nextDouble() < 0.3));
        }
        String paid =
            StripeStandIn.event(
                "checkout.session.completed",
                StripeStandIn.sessionJson(
                    p.reference(), session, a, "uah", "complete", "paid", pi));
        forged.add(new Delivery("stripe", paid, "whsec_guessed", 0, false, false));
        forged.add(
            new Delivery(
                "stripe",
                paid.replace("\"amount_total\":" + a, "\"amount_total\":" + (a + 1)),
                paid,
                whsec,
                0,
                false,
                false));
        forged.add(new Delivery("stripe", paid, whsec, -400 - random.nextInt(3600), false, false));
        forged.add(new Delivery("stripe", paid, whsec, 400 + random.nextInt(3600), false, false));
        forged.add(new Delivery("stripe", paid, null, 0, false, false));
        if (p.intent() != Intent.PAID) {
          genuine.add(
              new Delivery(
                  "stripe",
                  StripeStandIn.event(
                      "checkout.session.completed",
                      StripeStandIn.sessionJson(
                          p.reference(), session, a, "usd", "complete", "paid", pi)),
                  whsec,
                  0,
                  true,
                  false));
        }
      }
      for (Delivery d : genuine) {
        int copies = 1 + random.nextInt(3);
        for (int c = 0; c < copies; c++) {
          deliveries.add(d);
        }
      }
      deliveries.addAll(forged);
    }
    Collections.shuffle(deliveries, random);

    long loggedBefore = PaymentTesting.count("select count(*) from ring.webhook_log");
    AtomicInteger sent = new AtomicInteger();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    ExecutorService bursts = Executors.newCachedThreadPool();
    List<Future<?>> futures = new ArrayList<>();
    for (Delivery d : deliveries) {
      futures.add(
          pool.submit(
              () -> {
                int copies = d.burst() ? 4 : 1;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> same = new ArrayList<>();
                for (int c = 0; c < copies; c++) {
                  same.add(
                      bursts.submit(
                          () -> {
                            go.await();
                            HttpResponse<String> r = send(t, d);
                            sent.incrementAndGet();
                            boolean ok =
                                d.genuine() ? r.statusCode() == 200 : r.statusCode() / 100 == 4;
                            if (!ok) {
                              wrong.add(
                                  (d.genuine() ? "genuine " : "forged ")
                                      + d.processor()
                                      + " got "
                                      + r.statusCode()
                                      + ": "
                                      + r.body());
                            }
                            return null;
                          }));
                }
                go.countDown();
                for (Future<?> f : same) {
                  f.get(2, TimeUnit.MINUTES);
                }
                return null;
              }));
    }
    long started = System.nanoTime();
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    bursts.shutdown();

    assertTrue(sent.get() >= 1000, "sent " + sent.get() + " deliveries");
    assertEquals(List.of(), new ArrayList<>(wrong), "deliveries answered wrongly");
    assertEquals(
        loggedBefore + sent.get(),
        PaymentTesting.count("select count(*) from ring.webhook_log"),
        "every delivery is in the webhook log");

    Map<Long, Long> expectedWallets = new HashMap<>();
    List<String> states = new ArrayList<>();
    for (Payment p : payments) {
      boolean paid = p.intent() == Intent.PAID;
      expectedWallets.merge(p.userId(), paid ? p.amount() : 0, Long::sum);
      String status = PaymentTesting.status(p.reference());
      if (!status.equals(p.intent().finalStatus)) {
        states.add(p.reference() + " (" + p.processor() + ", " + p.intent() + "): " + status);
      }
      assertEquals(paid ? 1 : 0, PaymentTesting.entries("payment:" + p.reference()), p.reference());
      assertEquals(paid ? 1 : 0, PaymentTesting.entries("topup:" + p.reference()), p.reference());
      assertEquals(paid ? 2 : 0, PaymentTesting.entriesFor(p.reference()), p.reference());
    }
    assertEquals(List.of(), states, "payments not in the state their genuine events imply");
    for (Map.Entry<Long, Long> w : expectedWallets.entrySet()) {
      assertEquals(w.getValue(), PaymentTesting.wallet(w.getKey()), "wallet of " + w.getKey());
    }
    PaymentTesting.assertLedgerSound();
    // Concurrent confirmations spread the platform's balance over stripes instead of queueing
    // for one row; the balances above (account row plus stripes) still equal the postings.
    assertTrue(
        PaymentTesting.count(
                "select count(distinct s.stripe) from ring.ledger_balance_stripes s"
                    + " join ring.ledger_accounts a on a.id = s.account_id"
                    + " where a.code = 'payments_clearing' and a.currency = 'UAH'")
            > 1,
        "payments_clearing changed in more than one stripe");
    System.out.printf(
        "WebhookReliabilityIT: %d deliveries (%d distinct) over %d payments in %.1f s, %.0f/s%n",
        sent.get(), deliveries.size(), PAYMENTS, seconds, sent.get() / seconds);
  }

  private static HttpResponse<String> send(PaymentTesting t, Delivery d) throws Exception {
    if (d.processor().equals("wayforpay")) {
      return t.webhook("wayforpay", d.body());
    }
    if (d.secret() == null) {
      return t.webhook("stripe", d.body());
    }
    long at = System.currentTimeMillis() / 1000 + d.skewSeconds();
    return t.webhook(
        "stripe",
        d.body(),
        "Stripe-Signature",
        StripeStandIn.signature(d.signedBody(), at, d.secret()));
  }
}
