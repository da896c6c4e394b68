package org.ringplatform.store.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ringplatform.store.order.OrderFixtures.assertLedgerSound;
import static org.ringplatform.store.order.OrderFixtures.assertLevel;
import static org.ringplatform.store.order.OrderFixtures.number;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * No oversell (§8.5, issue 5 item 3): many buyers checking out the last items at the same moment
 * buy exactly what there is; everyone else gets a 409 naming the item; the stock invariant holds
 * and the ledger balances. Carts with several items lock their stock in one order, so concurrent
 * checkouts of the same items in different orders never deadlock.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OversellIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  /** Signed-in, funded buyers, signed in in parallel (each sign-in hashes a password). */
  private List<StoreClient> buyers(String label, int n, ExecutorService pool) throws Exception {
    List<Future<StoreClient>> signing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      signing.add(
          pool.submit(
              () -> {
                String email = TestAccounts.create(label, Role.SUBSCRIBER);
                OrderFixtures.fundWallet(TestAccounts.id(email), "UAH", 1_000_000);
                return new StoreClient(base).signIn(email, TestAccounts.PASSWORD);
              }));
    }
    List<StoreClient> out = new ArrayList<>();
    for (Future<StoreClient> f : signing) {
      out.add(f.get());
    }
    return out;
  }

  /** Starts every checkout at once; returns how many answered each status (and code). */
  private static Map<String, Integer> checkoutAtOnce(List<StoreClient> buyers, ExecutorService pool)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (StoreClient b : buyers) {
      Callable<HttpResponse<String>> task =
          () -> {
            start.await();
            return b.checkoutWithCredits(null);
          };
      answers.add(pool.submit(task));
    }
    start.countDown();
    Map<String, Integer> outcome = new TreeMap<>();
    for (Future<HttpResponse<String>> f : answers) {
      HttpResponse<String> r = f.get();
      String key =
          r.statusCode() == 201 ? "201" : r.statusCode() + " " + Api.json(r).getString("code", "");
      outcome.merge(key, 1, Integer::sum);
    }
    return outcome;
  }

  @Test
  void fortyBuyersOfTheLastFiveItemsBuyExactlyFive() throws Exception {
    long vendor =
        OrderFixtures.vendor(
            TestAccounts.id(TestAccounts.create("last-items", Role.MEMBER)), "starter");
    long product = OrderFixtures.stocked(vendor, "Last lamp", 10000, 5);
    ExecutorService pool = Executors.newFixedThreadPool(40);
    try {
      List<StoreClient> buyers = buyers("oversell", 40, pool);
      for (StoreClient b : buyers) {
        b.add(product, null, 1);
      }
      Map<String, Integer> outcome = checkoutAtOnce(buyers, pool);
      assertEquals(Map.of("201", 5, "409 insufficient_stock", 35), outcome);
    } finally {
      pool.shutdownNow();
    }
    assertLevel(product, null, 0, 0, 0);
    assertEquals(
        5L,
        number(
            "select coalesce(sum(l.quantity), 0) from ring.order_lines l join ring.orders o"
                + " on o.id = l.order_id where l.product_id = ? and o.status = 'paid'",
            product));
    assertEquals(
        -5L,
        number(
            "select sum(m.change) from ring.stock_movements m join ring.inventory_levels l"
                + " on l.id = m.level_id where l.product_id = ? and m.kind = 'sale'",
            product));
    assertEquals(
        0L,
        number(
            "select count(*) from ring.orders o join ring.order_lines l on l.order_id = o.id"
                + " where l.product_id = ? and o.status <> 'paid'",
            product),
        "a refused checkout leaves no order behind");
    assertEquals(
        0L,
        number(
            "select count(*) from ring.stock_reservations r join ring.inventory_levels l"
                + " on l.id = r.level_id where l.product_id = ? and r.status = 'active'",
            product));
    assertLedgerSound();
  }

  @Test
  void cartsOfSeveralItemsInEitherOrderNeitherOversellNorDeadlock() throws Exception {
    long vendor =
        OrderFixtures.vendor(TestAccounts.id(TestAccounts.create("pairs", Role.MEMBER)), "starter");
    long left = OrderFixtures.stocked(vendor, "Left glove", 3000, 7);
    long right = OrderFixtures.stocked(vendor, "Right glove", 3000, 7);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<StoreClient> buyers = buyers("pairs", 20, pool);
      for (int i = 0; i < buyers.size(); i++) {
        // Half the carts list the right glove first: their checkouts must still lock in one order.
        long first = i % 2 == 0 ? left : right;
        long second = i % 2 == 0 ? right : left;
        buyers.get(i).add(first, null, 1);
        buyers.get(i).add(second, null, 1);
      }
      Map<String, Integer> outcome = checkoutAtOnce(buyers, pool);
      assertEquals(Map.of("201", 7, "409 insufficient_stock", 13), outcome);
    } finally {
      pool.shutdownNow();
    }
    assertLevel(left, null, 0, 0, 0);
    assertLevel(right, null, 0, 0, 0);
    assertLedgerSound();
  }
}
