package org.ringplatform.store.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Money;
import org.ringplatform.ledger.Posting;
import org.ringplatform.payment.PaymentConfirmed;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.platform.RingException;
import org.ringplatform.store.stock.Inventory;
import org.ringplatform.testing.web.RingDeployment;

/**
 * Inside the container: the stock invariant of §20 item 9 on the inventory service itself (stock =
 * available + reserved after every step), all-or-nothing reservations, and what a store payment
 * does when it arrives after its checkout lapsed: it takes the stock if it is still there and
 * otherwise leaves the order waiting for a refund, once, however often it is delivered.
 */
@ExtendWith(ArquillianExtension.class)
class StoreStockIT {

  @Deployment
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @Inject Inventory inventory;
  @Inject Ledger ledger;
  @Inject Event<PaymentConfirmed> confirmed;

  @Resource(lookup = "jdbc/ring")
  DataSource dataSource;

  @Resource UserTransaction tx;

  // ---- Fixtures (in the server: the client-side helpers do not exist here) -------------------

  private Object sql(String sql, Object... params) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      if (ps.execute()) {
        try (ResultSet rs = ps.getResultSet()) {
          return rs.next() ? rs.getObject(1) : null;
        }
      }
      return null;
    }
  }

  private long id(String sql, Object... params) throws Exception {
    return ((Number) sql(sql, params)).longValue();
  }

  private static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private long user() throws Exception {
    return id(
        "insert into ring.users(email, role, display_name, email_verified)"
            + " values (?, 'member', 'Stock test', true) returning id",
        "stock-" + unique() + "@test.ring");
  }

  private long vendor() throws Exception {
    long owner = user();
    long entity =
        id(
            "insert into ring.entities(name, type, short_description, owner_id, visibility)"
                + " values (?, 'technologySoftware', 'A test entity', ?, 'public') returning id",
            "Entity " + unique(),
            owner);
    String slug = "stock-" + unique();
    return id(
        "insert into ring.vendors(entity_id, owner_id, name, slug, status) values (?, ?, ?, ?,"
            + " 'active') returning id",
        entity,
        owner,
        slug,
        slug);
  }

  private long product(long vendorId, String kind, int available) throws Exception {
    long product =
        id(
            "insert into ring.store_products(vendor_id, title, slug, category, kind, price_minor,"
                + " currency, status) values (?, ?, ?, 'other', ?, 1000, 'UAH', 'active')"
                + " returning id",
            vendorId,
            "Item " + unique(),
            "s-" + unique(),
            kind);
    if ("physical".equals(kind)) {
      sql(
          "insert into ring.inventory_levels(product_id, available) values (?, ?)",
          product,
          available);
    }
    return product;
  }

  /** {available, reserved, stock}, asserting the invariant on the way. */
  private List<Integer> level(long productId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select available, reserved, stock from ring.inventory_levels"
                    + " where product_id = ?")) {
      ps.setLong(1, productId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(rs.getInt(3), rs.getInt(1) + rs.getInt(2), "stock = available + reserved");
        return List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3));
      }
    }
  }

  private static Inventory.Item item(long productId, int quantity) {
    return new Inventory.Item(productId, null, quantity, "Item " + productId);
  }

  private <T> T inTx(java.util.concurrent.Callable<T> work) throws Exception {
    tx.begin();
    try {
      T result = work.call();
      tx.commit();
      return result;
    } catch (Exception | Error e) {
      tx.rollback();
      throw e;
    }
  }

  // ---- §20 item 9 ------------------------------------------------------------------------------

  @Test
  void aHoldMovesStockFromAvailableToReservedAndACancelPutsItBack() throws Exception {
    long product = product(vendor(), "physical", 5);
    Inventory.Hold hold =
        inTx(
            () ->
                inventory.reserve(
                    "cart_1", "cart", Inventory.CART_HOLD, List.of(item(product, 2))));
    assertEquals(1, hold.items());
    assertEquals(List.of(3, 2, 5), level(product));
    assertEquals(1, (int) inTx(() -> inventory.release("cart_1")));
    assertEquals(List.of(5, 0, 5), level(product));
  }

  @Test
  void aSaleFulfilsTheReservationWithoutRestoringAvailable() throws Exception {
    long product = product(vendor(), "physical", 5);
    String holder = "checkout_" + unique();
    inTx(
        () ->
            inventory.reserve(
                holder, "checkout", Inventory.CHECKOUT_HOLD, List.of(item(product, 2))));
    assertEquals(List.of(3, 2, 5), level(product));
    long orderId = 900_000_000L + (long) (Math.random() * 1_000_000);
    assertTrue(inTx(() -> inventory.commitSale(orderId, holder, List.of(item(product, 2)), null)));
    assertEquals(List.of(3, 0, 3), level(product));
    assertEquals(
        "fulfilled", sql("select status from ring.stock_reservations where holder = ?", holder));
    assertEquals(
        -2L,
        ((Number)
                sql(
                    "select change from ring.stock_movements where order_id = ? and kind = 'sale'",
                    orderId))
            .longValue());
    // Committing the same order again sells nothing more.
    assertTrue(inTx(() -> inventory.commitSale(orderId, holder, List.of(item(product, 2)), null)));
    assertEquals(List.of(3, 0, 3), level(product));
  }

  @Test
  void aSaleWithoutAHoldTakesFromAvailable() throws Exception {
    long product = product(vendor(), "physical", 5);
    assertTrue(
        inTx(
            () ->
                inventory.commitSale(
                    987_654_321L, "checkout_none", List.of(item(product, 2)), null)));
    assertEquals(List.of(3, 0, 3), level(product));
  }

  @Test
  void digitalProductsNeverTouchStock() throws Exception {
    long ebook = product(vendor(), "digital", 0);
    Inventory.Hold hold =
        inTx(
            () ->
                inventory.reserve("cart_2", "cart", Inventory.CART_HOLD, List.of(item(ebook, 3))));
    assertEquals(0, hold.items());
    assertTrue(inTx(() -> inventory.commitSale(1L, "cart_2", List.of(item(ebook, 3)), null)));
    assertEquals(
        0L,
        ((Number) sql("select count(*) from ring.inventory_levels where product_id = ?", ebook))
            .longValue());
  }

  @Test
  void aReservationIsAllOrNothing() throws Exception {
    long vendor = vendor();
    long plenty = product(vendor, "physical", 10);
    long scarce = product(vendor, "physical", 1);
    Exception refused =
        assertThrows(
            Exception.class,
            () ->
                inTx(
                    () ->
                        inventory.reserve(
                            "cart_3",
                            "cart",
                            Inventory.CART_HOLD,
                            List.of(item(plenty, 4), item(scarce, 2)))));
    Throwable cause =
        refused instanceof EJBException e && e.getCause() != null ? e.getCause() : refused;
    assertTrue(
        cause instanceof RingException r && "insufficient_stock".equals(r.code()),
        cause.toString());
    assertEquals(List.of(10, 0, 10), level(plenty));
    assertEquals(List.of(1, 0, 1), level(scarce));
  }

  // ---- Late payments ---------------------------------------------------------------------------

  /** A lapsed checkout with one cancelled order of {@code quantity} of {@code product}. */
  private long[] lapsedCheckout(long buyer, long vendorId, long product, int quantity)
      throws Exception {
    long total = 1000L * quantity;
    long checkout =
        id(
            "insert into ring.checkouts(buyer_id, currency, total_minor, status, expires_at)"
                + " values (?, 'UAH', ?, 'expired', now() - interval '1 minute') returning id",
            buyer,
            total);
    long order =
        id(
            "insert into ring.orders(checkout_id, buyer_id, vendor_id, status, currency,"
                + " subtotal_minor, total_minor, commission_bps, commission_minor)"
                + " values (?, ?, ?, 'cancelled', 'UAH', ?, ?, 2000, ?) returning id",
            checkout,
            buyer,
            vendorId,
            total,
            total,
            total / 5);
    sql(
        "insert into ring.order_lines(order_id, product_id, title, kind, unit_price_minor,"
            + " quantity, line_total_minor) values (?, ?, 'Late item', 'physical', 1000, ?, ?)",
        order,
        product,
        quantity,
        total);
    return new long[] {checkout, order, total};
  }

  /** What the conductor does for a confirmed card payment: collect, then fire. */
  private void pay(long checkout, long buyer, long total, String reference) throws Exception {
    inTx(
        () -> {
          ledger.post(
              "payment:" + reference,
              "payment",
              "test card payment",
              reference,
              buyer,
              List.of(
                  Posting.debit(Account.gatewayCash("UAH"), total),
                  Posting.credit(Account.paymentsClearing("UAH"), total)));
          confirmed.fire(
              new PaymentConfirmed(
                  1L,
                  reference,
                  PaymentPurpose.STORE_ORDER,
                  checkout,
                  buyer,
                  Money.of(total, "UAH"),
                  "wayforpay",
                  PaymentRail.CARD));
          return null;
        });
  }

  @Test
  void aLatePaymentTakesTheStockWhenItIsStillThere() throws Exception {
    long vendor = vendor();
    long product = product(vendor, "physical", 4);
    long buyer = user();
    long[] c = lapsedCheckout(buyer, vendor, product, 3);
    String reference = "store_" + c[0] + "_" + System.currentTimeMillis();
    pay(c[0], buyer, c[2], reference);
    assertEquals("paid", sql("select status from ring.checkouts where id = ?", c[0]));
    assertEquals("paid", sql("select status from ring.orders where id = ?", c[1]));
    assertEquals(List.of(1, 0, 1), level(product));
    assertTrue(
        sql("select note from ring.order_events where order_id = ? and to_status = 'paid'", c[1])
            .toString()
            .contains("lapsed"));
    assertTrue(ledger.posted("sale:" + c[1]));
    // The same confirmation again (a duplicated event) changes nothing.
    pay(c[0], buyer, c[2], reference);
    assertEquals(List.of(1, 0, 1), level(product));
    assertEquals(
        1L,
        ((Number)
                sql(
                    "select count(*) from ring.order_events where order_id = ? and to_status = 'paid'",
                    c[1]))
            .longValue());
    assertTrue(ledger.check().sound(), ledger.check().toString());
  }

  @Test
  void aLatePaymentWhoseStockIsGoneAsksForARefund() throws Exception {
    long vendor = vendor();
    long product = product(vendor, "physical", 1);
    long buyer = user();
    long[] c = lapsedCheckout(buyer, vendor, product, 2);
    pay(c[0], buyer, c[2], "store_" + c[0] + "_" + System.currentTimeMillis());
    assertEquals("refund_requested", sql("select status from ring.orders where id = ?", c[1]));
    assertEquals(List.of(1, 0, 1), level(product));
    assertEquals(
        0L,
        ((Number) sql("select count(*) from ring.stock_movements where order_id = ?", c[1]))
            .longValue());
    Object note =
        sql(
            "select note from ring.order_events where order_id = ? and to_status = 'refund_requested'",
            c[1]);
    assertTrue(note.toString().contains("refund"), String.valueOf(note));
    assertEquals(
        "payment",
        sql(
            "select actor_kind from ring.order_events where order_id = ? order by id desc limit 1",
            c[1]));
    // Its money is allocated like any sale, so the refund can reverse it.
    assertTrue(ledger.posted("sale:" + c[1]));
    assertTrue(ledger.check().sound(), ledger.check().toString());
    assertFalse(
        ((Number)
                    sql(
                        "select count(*) from ring.notifications where user_id = ? and type = 'store_order_refund_requested'",
                        buyer))
                .longValue()
            == 0);
  }
}
