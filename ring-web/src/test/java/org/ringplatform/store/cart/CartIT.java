package org.ringplatform.store.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringplatform.store.order.OrderFixtures.assertLevel;
import static org.ringplatform.store.order.OrderFixtures.number;
import static org.ringplatform.store.order.OrderFixtures.sql;

import jakarta.json.JsonObject;
import java.net.HttpCookie;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.store.order.OrderFixtures;
import org.ringplatform.store.order.StoreClient;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * The cart (§8.3): a visitor's cart lives behind an HttpOnly, SameSite=Lax cookie and moves into
 * the account's cart at the first cart access after sign-in; lines are priced from the catalogue
 * and bad input changes nothing; a soft-hold takes stock for five minutes, replaces the previous
 * one, and goes back on sale when the housekeeping job finds it lapsed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CartIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static long seller(String label) throws Exception {
    return OrderFixtures.vendor(
        TestAccounts.id(TestAccounts.create(label, Role.MEMBER)), "starter");
  }

  private static JsonObject line(JsonObject cart, long productId) {
    return cart.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
        .filter(l -> l.getJsonNumber("productId").longValue() == productId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + productId + " in " + cart));
  }

  private static String code(HttpResponse<String> r) {
    return Api.json(r).getString("code", "");
  }

  @Test
  void aVisitorsCartLivesInAnHttpOnlyCookieAndMovesIntoTheAccountAtSignIn() throws Exception {
    long vendor = seller("cart-seller");
    long lamp = OrderFixtures.stocked(vendor, "Desk lamp", 12345, 10);
    long mug = OrderFixtures.stocked(vendor, "Mug", 2500, 10);
    String buyer = TestAccounts.create("cart-buyer", Role.SUBSCRIBER);
    StoreClient account = new StoreClient(base).signIn(buyer, TestAccounts.PASSWORD);
    account.add(mug, null, 2);

    StoreClient visitor = new StoreClient(base);
    HttpResponse<String> empty = visitor.get("/api/store/cart");
    assertEquals(200, empty.statusCode(), empty.body());
    assertEquals(0, Api.json(empty).getInt("count"));
    assertTrue(empty.headers().allValues("Set-Cookie").isEmpty(), "no cookie before a purchase");

    HttpResponse<String> added =
        visitor.post("/api/store/cart/items", "{\"productId\":" + lamp + ",\"quantity\":3}");
    assertEquals(200, added.statusCode(), added.body());
    String setCookie =
        added.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("ring_cart="))
            .findFirst()
            .orElseThrow();
    assertTrue(setCookie.contains("HttpOnly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    JsonObject cart = visitor.add(mug, null, 1);
    assertEquals(4, cart.getInt("count"), "the same visitor cart, by its cookie");
    assertEquals(12345, line(cart, lamp).getJsonNumber("unitPriceMinor").longValue());
    String token =
        visitor.cookies().getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("ring_cart"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow();
    assertEquals(
        0,
        number("select count(*) from ring.carts where anon_token = ?", token),
        "only a hash of the token is stored");
    long anonymousCarts = number("select count(*) from ring.carts where user_id is null");

    // The visitor signs in: the first cart access merges and clears the cookie.
    visitor.signIn(buyer, TestAccounts.PASSWORD);
    HttpResponse<String> merged = visitor.get("/api/store/cart");
    assertEquals(200, merged.statusCode(), merged.body());
    JsonObject mine = Api.json(merged);
    assertEquals(3, line(mine, lamp).getInt("quantity"));
    assertEquals(3, line(mine, mug).getInt("quantity"), "2 in the account + 1 as a visitor");
    assertTrue(
        merged.headers().allValues("Set-Cookie").stream()
            .anyMatch(c -> c.startsWith("ring_cart=") && c.contains("Max-Age=0")),
        "the cookie is cleared");
    assertEquals(
        anonymousCarts - 1, number("select count(*) from ring.carts where user_id is null"));
    assertEquals(6, account.cart().getInt("count"), "the account sees the merged cart");
    assertEquals(6, visitor.cart().getInt("count"), "merging twice changes nothing");
  }

  @Test
  void pricesComeFromTheCatalogueAndBadInputChangesNothing() throws Exception {
    long vendor = seller("price-seller");
    long book = OrderFixtures.stocked(vendor, "Book", 40000, 5);
    long shirt = OrderFixtures.product(vendor, "Shirt", "physical", 30000, "UAH", null);
    long small = OrderFixtures.variant(shirt, "S", 29000);
    long large = OrderFixtures.variant(shirt, "L", 33000);
    OrderFixtures.stock(shirt, small, 3);
    OrderFixtures.stock(shirt, large, 3);
    long other = OrderFixtures.product(vendor, "Cap", "physical", 1000, "UAH", null);
    long otherVariant = OrderFixtures.variant(other, "One size", 1000);
    long draft = OrderFixtures.product(vendor, "Draft", "physical", 1000, "UAH", null);
    sql("update ring.store_products set status = 'draft' where id = ?", draft);
    long suspendedVendor = seller("suspended-seller");
    long ofSuspended = OrderFixtures.stocked(suspendedVendor, "Hidden", 1000, 5);
    sql("update ring.vendors set status = 'suspended' where id = ?", suspendedVendor);

    StoreClient buyer =
        new StoreClient(base)
            .signIn(TestAccounts.create("price-buyer", Role.SUBSCRIBER), TestAccounts.PASSWORD);
    buyer.add(book, null, 1);

    HttpResponse<String> priced =
        buyer.post(
            "/api/store/cart/items",
            "{\"productId\":" + book + ",\"quantity\":1,\"unitPriceMinor\":1}");
    assertEquals(400, priced.statusCode());
    assertEquals("client_price_refused", code(priced));
    assertTrue(priced.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    for (String quantity : List.of("0", "-1", "1000", "1.5", "\"two\"")) {
      HttpResponse<String> r =
          buyer.post(
              "/api/store/cart/items",
              "{\"productId\":" + book + ",\"quantity\":" + quantity + "}");
      assertEquals(400, r.statusCode(), quantity + ": " + r.body());
      assertEquals("quantity_invalid", code(r), quantity);
    }
    for (long missing : new long[] {999_999_999L, draft, ofSuspended}) {
      HttpResponse<String> r =
          buyer.post("/api/store/cart/items", "{\"productId\":" + missing + ",\"quantity\":1}");
      assertEquals(404, r.statusCode(), r.body());
      assertEquals("product_not_found", code(r));
    }
    HttpResponse<String> noVariant =
        buyer.post("/api/store/cart/items", "{\"productId\":" + shirt + "}");
    assertEquals("variant_required", code(noVariant));
    HttpResponse<String> foreignVariant =
        buyer.post(
            "/api/store/cart/items",
            "{\"productId\":" + shirt + ",\"variantId\":" + otherVariant + "}");
    assertEquals("variant_invalid", code(foreignVariant));
    assertEquals(400, buyer.post("/api/store/cart/items", "[1]").statusCode());
    assertEquals(400, buyer.post("/api/store/cart/items", "{not json").statusCode());
    JsonObject cart = buyer.cart();
    assertEquals(1, cart.getInt("count"), "nothing was added by refused requests");
    assertEquals(40000, cart.getJsonNumber("subtotalMinor").longValue());

    // A variant is priced as the variant; a catalogue change shows at the next read.
    cart = buyer.add(shirt, large, 2);
    assertEquals(33000, line(cart, shirt).getJsonNumber("unitPriceMinor").longValue());
    assertEquals("L", line(cart, shirt).getString("variantName"));
    sql("update ring.store_products set price_minor = 41000 where id = ?", book);
    cart = buyer.cart();
    assertEquals(41000, line(cart, book).getJsonNumber("unitPriceMinor").longValue());
    assertEquals(41000 + 2 * 33000, cart.getJsonNumber("subtotalMinor").longValue());

    // Changing and removing lines, only one's own.
    long bookLine = line(cart, book).getJsonNumber("itemId").longValue();
    HttpResponse<String> set =
        buyer.call("PUT", "/api/store/cart/items/" + bookLine, "{\"quantity\":4}");
    assertEquals(200, set.statusCode(), set.body());
    assertEquals(4, line(Api.json(set), book).getInt("quantity"));
    StoreClient stranger =
        new StoreClient(base)
            .signIn(TestAccounts.create("stranger", Role.SUBSCRIBER), TestAccounts.PASSWORD);
    stranger.add(book, null, 1);
    assertEquals(
        404,
        stranger.call("PUT", "/api/store/cart/items/" + bookLine, "{\"quantity\":1}").statusCode());
    assertEquals(
        404, stranger.call("DELETE", "/api/store/cart/items/" + bookLine, null).statusCode());
    assertEquals(4, line(buyer.cart(), book).getInt("quantity"), "the stranger changed nothing");
    HttpResponse<String> tooMany =
        buyer.post("/api/store/cart/items", "{\"productId\":" + book + ",\"quantity\":996}");
    assertEquals("quantity_invalid", code(tooMany), "a line holds at most 999");
    assertEquals(200, buyer.call("DELETE", "/api/store/cart/items/" + bookLine, null).statusCode());
    assertFalse(
        buyer.cart().getJsonArray("lines").getValuesAs(JsonObject.class).stream()
            .anyMatch(l -> l.getJsonNumber("productId").longValue() == book));
  }

  @Test
  void aHoldTakesStockForFiveMinutesReplacesTheLastAndLapses() throws Exception {
    long vendor = seller("hold-seller");
    long chair = OrderFixtures.stocked(vendor, "Chair", 99000, 5);
    long ebook = OrderFixtures.product(vendor, "E-book", "digital", 5000, "UAH", null);
    String email = TestAccounts.create("hold-buyer", Role.SUBSCRIBER);
    long buyerId = TestAccounts.id(email);
    StoreClient buyer = new StoreClient(base).signIn(email, TestAccounts.PASSWORD);
    buyer.add(chair, null, 2);
    buyer.add(ebook, null, 1);

    assertEquals(401, new StoreClient(base).post("/api/store/cart/hold", null).statusCode());
    HttpResponse<String> held = buyer.post("/api/store/cart/hold", null);
    assertEquals(200, held.statusCode(), held.body());
    JsonObject hold = Api.json(held);
    assertEquals("cart_" + buyerId, hold.getString("holder"));
    assertEquals(1, hold.getInt("items"), "the digital line holds no stock");
    OffsetDateTime expires = OffsetDateTime.parse(hold.getString("expiresAt"));
    long minutes = Duration.between(OffsetDateTime.now(), expires).toSeconds();
    assertTrue(minutes > 240 && minutes <= 300, "about five minutes: " + minutes + " s");
    assertLevel(chair, null, 3, 2, 5);

    // A new hold replaces the previous one.
    long lineId = line(buyer.cart(), chair).getJsonNumber("itemId").longValue();
    buyer.call("PUT", "/api/store/cart/items/" + lineId, "{\"quantity\":3}");
    assertEquals(200, buyer.post("/api/store/cart/hold", null).statusCode());
    assertLevel(chair, null, 2, 3, 5);
    assertEquals(
        1,
        number(
            "select count(*) from ring.stock_reservations where holder = ? and status = 'active'",
            "cart_" + buyerId));
    assertEquals(
        1,
        number(
            "select count(*) from ring.stock_reservations where holder = ? and status = 'released'",
            "cart_" + buyerId));

    // Another buyer cannot hold more than is left, and changes nothing trying.
    StoreClient other =
        new StoreClient(base)
            .signIn(TestAccounts.create("hold-other", Role.SUBSCRIBER), TestAccounts.PASSWORD);
    other.add(chair, null, 3);
    HttpResponse<String> refused = other.post("/api/store/cart/hold", null);
    assertEquals(409, refused.statusCode(), refused.body());
    assertEquals("insufficient_stock", code(refused));
    assertTrue(Api.json(refused).getString("detail").contains("Chair"), refused.body());
    assertLevel(chair, null, 2, 3, 5);

    // The hold lapses; the housekeeping job puts it back on sale.
    sql(
        "update ring.stock_reservations set expires_at = now() - interval '1 minute'"
            + " where holder = ? and status = 'active'",
        "cart_" + buyerId);
    String admin = new Api(base).accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
    StoreClient.runHousekeeping(base, admin);
    assertLevel(chair, null, 5, 0, 5);
    assertEquals(
        "expired",
        sql(
            "select status from ring.stock_reservations where holder = ? order by id desc limit 1",
            "cart_" + buyerId));
    assertNotEquals(
        0,
        number(
            "select count(*) from ring.batch_runs where job_name = 'StoreHousekeepingJob'"
                + " and status = 'completed'"));
  }
}
