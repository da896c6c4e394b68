package org.ringplatform.store.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringplatform.store.order.OrderFixtures.assertLedgerSound;
import static org.ringplatform.store.order.OrderFixtures.assertLevel;
import static org.ringplatform.store.order.OrderFixtures.balance;
import static org.ringplatform.store.order.OrderFixtures.number;
import static org.ringplatform.store.order.OrderFixtures.sql;

import jakarta.json.JsonObject;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.ledger.Money;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * Checkout end to end on the credits rail (§8.4, §22.1): prices come from the catalogue even when
 * the client sends others (it is refused), a cart with two vendors becomes two orders under one
 * checkout and one payment, shipping follows the configured rule per vendor order, the commission
 * is frozen from the vendor's tier, the referral share comes from the first-touch cookie, the stock
 * is sold and the ledger balances; a retry with the same key returns the same checkout, and a
 * refusal (card rail not available, wallet too low, stock gone) leaves nothing behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CheckoutIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static long sellerVendor(String label, String tier) throws Exception {
    return OrderFixtures.vendor(TestAccounts.id(TestAccounts.create(label, Role.MEMBER)), tier);
  }

  private StoreClient buyer(String label, long fundMinor) throws Exception {
    String email = TestAccounts.create(label, Role.SUBSCRIBER);
    if (fundMinor > 0) {
      OrderFixtures.fundWallet(TestAccounts.id(email), "UAH", fundMinor);
    }
    return new StoreClient(base).signIn(email, TestAccounts.PASSWORD);
  }

  private static long buyerId(StoreClient c) throws Exception {
    return Api.json(c.get("/api/me")).getJsonNumber("id").longValue();
  }

  private static JsonObject orderOf(JsonObject checkout, long vendorId) {
    return checkout.getJsonArray("orders").getValuesAs(JsonObject.class).stream()
        .filter(o -> o.getJsonNumber("vendorId").longValue() == vendorId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no order of vendor " + vendorId));
  }

  private long count(String table) throws Exception {
    return number("select count(*) from ring." + table);
  }

  @Test
  void aTwoVendorCartBecomesTwoOrdersUnderOnePaymentPricedByTheServer() throws Exception {
    long starter = sellerVendor("starter-seller", "starter");
    long growth = sellerVendor("growth-seller", "growth");
    long kettle = OrderFixtures.stocked(starter, "Kettle", 45000, 10);
    long tea = OrderFixtures.stocked(growth, "Green tea", 60000, 10);
    long course = OrderFixtures.product(growth, "Tea course", "digital", 50000, "UAH", 1000);
    String referrerEmail = TestAccounts.create("referrer", Role.MEMBER);
    String code = OrderFixtures.referralCode(TestAccounts.id(referrerEmail));
    StoreClient buyer = buyer("two-vendors", 1_000_000);
    long buyerId = buyerId(buyer);
    buyer
        .cookies()
        .getCookieStore()
        .add(URI.create(base.toString()), cookie("ring_ref", code, base));
    buyer.add(kettle, null, 1);
    buyer.add(tea, null, 1);
    buyer.add(course, null, 1);
    // The catalogue price changes after the item went into the cart: the checkout charges today's.
    sql("update ring.store_products set price_minor = 47000 where id = ?", kettle);

    // A client that sends its own prices or discounts is refused and nothing is created.
    long checkoutsBefore = count("checkouts");
    for (String extra :
        List.of("\"totalMinor\":1", "\"discountMinor\":40000", "\"items\":[{\"priceMinor\":1}]")) {
      HttpResponse<String> r =
          buyer.post(
              "/api/store/checkout",
              "{\"rail\":\"credits\",\"shipping\":" + StoreClient.ADDRESS + "," + extra + "}");
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(
          List.of("client_price_refused", "unknown_field").contains(Api.json(r).getString("code")),
          r.body());
    }
    assertEquals(checkoutsBefore, count("checkouts"));

    HttpResponse<String> placed = buyer.checkoutWithCredits("two-vendors-" + UUID.randomUUID());
    assertEquals(201, placed.statusCode(), placed.body());
    JsonObject result = Api.json(placed);
    JsonObject checkout = result.getJsonObject("checkout");
    long checkoutId = checkout.getJsonNumber("id").longValue();
    assertEquals("paid", checkout.getString("status"));
    assertEquals("/orders?checkout=" + checkoutId, result.getString("next"));
    assertEquals(2, checkout.getJsonArray("orders").size(), "one order per vendor");

    // Starter vendor: 470.00 kettle (today's price), physical, under the free-shipping threshold.
    JsonObject first = orderOf(checkout, starter);
    assertEquals(47000, first.getJsonNumber("subtotalMinor").longValue());
    assertEquals(5000, first.getJsonNumber("shippingMinor").longValue(), "flat shipping");
    assertEquals(0, first.getJsonNumber("discountMinor").longValue());
    assertEquals(52000, first.getJsonNumber("totalMinor").longValue());
    assertEquals(2000, first.getInt("commissionBps"), "starter tier");
    assertEquals(Money.share(47000, 2000), first.getJsonNumber("commissionMinor").longValue());
    assertEquals("paid", first.getString("status"));
    // Growth vendor: 600.00 tea + 500.00 course = 1100.00, over the threshold: free shipping.
    JsonObject second = orderOf(checkout, growth);
    assertEquals(110000, second.getJsonNumber("subtotalMinor").longValue());
    assertEquals(0, second.getJsonNumber("shippingMinor").longValue());
    assertEquals(1700, second.getInt("commissionBps"), "growth tier");
    assertEquals(Money.share(110000, 1700), second.getJsonNumber("commissionMinor").longValue());
    // Referral: default 5 % on the kettle and the tea, the course's own 10 %.
    assertEquals(code, first.getString("referralCode"));
    assertEquals(Money.share(47000, 500), first.getJsonNumber("referralMinor").longValue());
    assertEquals(
        Money.share(60000, 500) + Money.share(50000, 1000),
        second.getJsonNumber("referralMinor").longValue());
    assertEquals(
        TestAccounts.id(referrerEmail),
        number("select referrer_id from ring.checkouts where id = ?", checkoutId));
    assertEquals(
        1000L,
        number(
            "select referral_bps from ring.order_lines where product_id = ? and order_id = ?",
            course,
            second.getJsonNumber("id").longValue()));
    long total = 52000 + 110000;
    assertEquals(total, checkout.getJsonNumber("totalMinor").longValue());

    // One payment for the whole checkout, on the credits rail.
    assertEquals(
        1L,
        number(
            "select count(*) from ring.payment_transactions where purpose = 'store_order'"
                + " and subject_id = ? and status = 'paid'",
            checkoutId));
    assertEquals(
        total,
        number(
            "select amount_minor from ring.payment_transactions where subject_id = ? and purpose = 'store_order'",
            checkoutId));
    assertEquals(1_000_000 - total, balance("wallet:" + buyerId, "UAH"));
    assertEquals(
        52000 - Money.share(47000, 2000) - Money.share(47000, 500),
        balance("vendor_payable:" + starter, "UAH"));
    // Stock sold, once per order and item; digital goods untouched.
    assertLevel(kettle, null, 9, 0, 9);
    assertLevel(tea, null, 9, 0, 9);
    assertEquals(
        2L,
        number(
            "select count(*) from ring.stock_movements m join ring.orders o on o.id = m.order_id"
                + " where o.checkout_id = ? and m.kind = 'sale'",
            checkoutId));
    assertEquals(
        2L,
        number(
            "select count(*) from ring.ledger_entries where idempotency_key in (?, ?)",
            "sale:" + first.getJsonNumber("id").longValue(),
            "sale:" + second.getJsonNumber("id").longValue()));
    // The order events say who moved each order: the buyer placed it, the payment paid it.
    assertEquals(
        List.of("buyer", "payment"),
        List.of(
            sql(
                "select actor_kind from ring.order_events where order_id = ? order by id limit 1",
                first.getJsonNumber("id").longValue()),
            sql(
                "select actor_kind from ring.order_events where order_id = ? order by id desc"
                    + " limit 1",
                first.getJsonNumber("id").longValue())));
    assertEquals(0, buyer.cart().getInt("count"), "the bought lines left the cart");
    assertEquals(
        2L,
        number(
            "select count(*) from ring.notifications where user_id = ? and type = 'store_order_paid'",
            buyerId),
        "a notice per paid order");
    assertLedgerSound();
  }

  private static HttpCookie cookie(String name, String value, URL base) {
    HttpCookie c = new HttpCookie(name, value);
    c.setPath("/");
    c.setDomain(base.getHost());
    c.setVersion(0);
    return c;
  }

  @Test
  void aRetryWithTheSameKeyReturnsTheSameCheckout() throws Exception {
    long vendor = sellerVendor("retry-seller", "starter");
    long vase = OrderFixtures.stocked(vendor, "Vase", 20000, 5);
    StoreClient buyer = buyer("retry-buyer", 100_000);
    long buyerId = buyerId(buyer);
    buyer.add(vase, null, 1);
    String key = "retry-" + UUID.randomUUID();
    HttpResponse<String> first = buyer.checkoutWithCredits(key);
    assertEquals(201, first.statusCode(), first.body());
    HttpResponse<String> again = buyer.checkoutWithCredits(key);
    assertEquals(200, again.statusCode(), again.body());
    long id = Api.json(first).getJsonObject("checkout").getJsonNumber("id").longValue();
    assertEquals(id, Api.json(again).getJsonObject("checkout").getJsonNumber("id").longValue());
    // The key also works in the body.
    HttpResponse<String> body =
        buyer.post(
            "/api/store/checkout",
            "{\"rail\":\"credits\",\"clientKey\":\""
                + key
                + "\",\"shipping\":"
                + StoreClient.ADDRESS
                + "}");
    assertEquals(200, body.statusCode(), body.body());
    assertEquals(1L, number("select count(*) from ring.checkouts where buyer_id = ?", buyerId));
    assertEquals(
        1L, number("select count(*) from ring.payment_transactions where user_id = ?", buyerId));
    assertEquals(100_000 - 25000, balance("wallet:" + buyerId, "UAH"), "charged once");
    assertLevel(vase, null, 4, 0, 4);
    // Someone else's checkout does not exist for this buyer.
    StoreClient other = buyer("retry-other", 0);
    assertEquals(404, other.get("/api/store/checkout/" + id).statusCode());
    assertEquals(200, buyer.get("/api/store/checkout/" + id).statusCode());
    assertLedgerSound();
  }

  @Test
  void aRefusedCheckoutLeavesNothingBehind() throws Exception {
    long vendor = sellerVendor("refusal-seller", "starter");
    long clock = OrderFixtures.stocked(vendor, "Clock", 150000, 2);
    StoreClient poor = buyer("poor-buyer", 1000);
    long poorId = buyerId(poor);
    poor.add(clock, null, 1);
    long checkouts = count("checkouts");
    long orders = count("orders");
    long reservations = count("stock_reservations");

    HttpResponse<String> broke = poor.checkoutWithCredits(null);
    assertEquals(409, broke.statusCode(), broke.body());
    assertEquals("insufficient_funds", Api.json(broke).getString("code"));
    HttpResponse<String> noAddress = poor.post("/api/store/checkout", "{\"rail\":\"credits\"}");
    assertEquals(400, noAddress.statusCode());
    assertEquals("shipping_required", Api.json(noAddress).getString("code"));
    HttpResponse<String> badCountry =
        poor.post(
            "/api/store/checkout",
            "{\"rail\":\"credits\",\"shipping\":"
                + StoreClient.ADDRESS.replace("\"UA\"", "\"ZZ\"")
                + "}");
    assertEquals("country_invalid", Api.json(badCountry).getString("code"));
    assertEquals(
        "rail_invalid",
        Api.json(poor.post("/api/store/checkout", "{\"rail\":\"iou\"}")).getString("code"));
    StoreClient rich = buyer("rich-buyer", 1_000_000);
    rich.add(clock, null, 3);
    HttpResponse<String> tooMany = rich.checkoutWithCredits(null);
    assertEquals(409, tooMany.statusCode(), tooMany.body());
    assertEquals("insufficient_stock", Api.json(tooMany).getString("code"));
    assertTrue(Api.json(tooMany).getString("detail").contains("Clock"));
    HttpResponse<String> empty = buyer("empty-cart", 1000).checkoutWithCredits(null);
    assertEquals(409, empty.statusCode());
    assertEquals("cart_empty", Api.json(empty).getString("code"));

    assertEquals(checkouts, count("checkouts"));
    assertEquals(orders, count("orders"));
    assertEquals(reservations, count("stock_reservations"));
    assertLevel(clock, null, 2, 0, 2);
    assertEquals(1000, balance("wallet:" + poorId, "UAH"));
    assertNull(sql("select id from ring.checkouts where buyer_id = ?", poorId));
    assertLedgerSound();
  }

  @Test
  void theCheckoutQuoteReleasesTheCartHoldForTheCheckoutReservation() throws Exception {
    long vendor = sellerVendor("hold-to-checkout", "starter");
    long pen = OrderFixtures.stocked(vendor, "Pen", 3000, 3);
    StoreClient buyer = buyer("held-buyer", 100_000);
    long buyerId = buyerId(buyer);
    buyer.add(pen, null, 3);
    assertEquals(200, buyer.post("/api/store/cart/hold", null).statusCode());
    assertLevel(pen, null, 0, 3, 3);
    // The buyer's own hold does not stop their checkout: it gives way to the checkout's.
    HttpResponse<String> placed = buyer.checkoutWithCredits(null);
    assertEquals(201, placed.statusCode(), placed.body());
    assertLevel(pen, null, 0, 0, 0);
    assertEquals(
        0L,
        number(
            "select count(*) from ring.stock_reservations where holder = ? and status = 'active'",
            "cart_" + buyerId));
    assertLedgerSound();
  }
}
