package org.ringplatform.store.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringplatform.store.order.OrderFixtures.assertLevel;
import static org.ringplatform.store.order.OrderFixtures.number;
import static org.ringplatform.store.order.OrderFixtures.sql;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
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
 * The order state machine as the parties meet it (§22.8): each move only by whom {@code
 * OrderStatus} allows, recorded with who, in what capacity and when; a disallowed move is a 409,
 * someone else's order a 404 (vendor A never sees vendor B's orders); cancelling an unpaid order
 * cancels its checkout and releases the stock; the housekeeping job cancels lapsed checkouts and
 * completes orders delivered long ago.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrderWorkflowIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  /** A seller: their vendor and a signed-in client. */
  private record Seller(long vendorId, long userId, StoreClient client) {}

  private Seller seller(String label) throws Exception {
    String email = TestAccounts.create(label, Role.MEMBER);
    long id = TestAccounts.id(email);
    return new Seller(
        OrderFixtures.vendor(id, "starter"),
        id,
        new StoreClient(base).signIn(email, TestAccounts.PASSWORD));
  }

  private StoreClient buyer(String label) throws Exception {
    String email = TestAccounts.create(label, Role.SUBSCRIBER);
    OrderFixtures.fundWallet(TestAccounts.id(email), "UAH", 1_000_000);
    return new StoreClient(base).signIn(email, TestAccounts.PASSWORD);
  }

  /** A paid order of {@code buyer} for one item of a new product of {@code seller}. */
  private long paidOrder(StoreClient buyer, Seller seller) throws Exception {
    long product = OrderFixtures.stocked(seller.vendorId(), "Teapot", 30000, 5);
    buyer.add(product, null, 1);
    HttpResponse<String> placed = buyer.checkoutWithCredits(null);
    assertEquals(201, placed.statusCode(), placed.body());
    return Api.json(placed)
        .getJsonObject("checkout")
        .getJsonArray("orders")
        .getJsonObject(0)
        .getJsonNumber("id")
        .longValue();
  }

  private static HttpResponse<String> move(StoreClient who, long orderId, String to, String note)
      throws Exception {
    return who.post(
        "/api/store/orders/" + orderId + "/transitions",
        "{\"to\":\"" + to + "\"" + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}");
  }

  private static void moved(StoreClient who, long orderId, String to) throws Exception {
    HttpResponse<String> r = move(who, orderId, to, null);
    assertEquals(200, r.statusCode(), to + ": " + r.body());
    assertEquals(to, Api.json(r).getJsonObject("order").getString("status"));
  }

  private static void refused(StoreClient who, long orderId, String to, int status, String code)
      throws Exception {
    HttpResponse<String> r = move(who, orderId, to, null);
    assertEquals(status, r.statusCode(), to + ": " + r.body());
    assertEquals(code, Api.json(r).getString("code"), to);
  }

  private static List<String> next(JsonObject detail) {
    return detail.getJsonArray("next").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static List<Long> ids(HttpResponse<String> page) {
    assertEquals(200, page.statusCode(), page.body());
    return Api.json(page).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getJsonNumber("id").longValue())
        .toList();
  }

  @Test
  void theVendorFulfilsShipsAndDeliversAndTheBuyerConfirms() throws Exception {
    Seller seller = seller("workflow-seller");
    StoreClient buyer = buyer("workflow-buyer");
    long order = paidOrder(buyer, seller);

    JsonObject asVendor = Api.json(seller.client().get("/api/store/orders/" + order));
    assertEquals(
        List.of("vendor"),
        asVendor.getJsonArray("capacities").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList());
    assertEquals(
        List.of("fulfilling", "refund_requested"), next(asVendor).stream().sorted().toList());
    assertEquals(
        List.of("refund_requested"), next(Api.json(buyer.get("/api/store/orders/" + order))));

    refused(buyer, order, "fulfilling", 409, "transition_not_allowed");
    refused(seller.client(), order, "completed", 409, "transition_not_allowed");
    refused(seller.client(), order, "paid", 409, "transition_reserved");
    refused(seller.client(), order, "refunded", 409, "transition_reserved");
    refused(seller.client(), order, "teleported", 400, "status_invalid");
    moved(seller.client(), order, "fulfilling");
    moved(seller.client(), order, "shipped");
    refused(buyer, order, "completed", 409, "transition_not_allowed");
    moved(buyer, order, "delivered");
    assertNotNull(sql("select delivered_at from ring.orders where id = ?", order));
    assertNull(sql("select completed_at from ring.orders where id = ?", order));
    moved(buyer, order, "completed");
    assertNotNull(sql("select completed_at from ring.orders where id = ?", order));

    JsonObject history = Api.json(buyer.get("/api/store/orders/" + order));
    List<String> steps =
        history.getJsonArray("events").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("to") + " by " + e.getString("actorKind"))
            .toList();
    assertEquals(
        List.of(
            "pending_payment by buyer",
            "paid by payment",
            "fulfilling by vendor",
            "shipped by vendor",
            "delivered by buyer",
            "completed by buyer"),
        steps);
    assertEquals(
        seller.userId(),
        history.getJsonArray("events").getJsonObject(2).getJsonNumber("actorId").longValue());
    assertTrue(history.getJsonArray("events").getJsonObject(2).containsKey("at"));
    long buyerId = TestAccounts.id(Api.json(buyer.get("/api/me")).getString("email"));
    assertTrue(
        number(
                "select count(*) from ring.notifications where user_id = ?"
                    + " and type = 'store_order_status'",
                buyerId)
            >= 2,
        "the buyer hears about the vendor's moves");
    assertTrue(
        number(
                "select count(*) from ring.notifications where user_id = ?"
                    + " and type = 'store_order_received'",
                seller.userId())
            == 1,
        "the vendor heard about the paid order once");
  }

  @Test
  void nobodyElseSeesOrMovesAnOrderAndVendorsSeeOnlyTheirOwn() throws Exception {
    Seller a = seller("vendor-a");
    Seller b = seller("vendor-b");
    StoreClient buyer = buyer("idor-buyer");
    long orderOfA = paidOrder(buyer, a);
    long orderOfB = paidOrder(buyer("idor-other"), b);
    StoreClient stranger = buyer("idor-stranger");

    for (StoreClient outsider : List.of(stranger, b.client())) {
      assertEquals(404, outsider.get("/api/store/orders/" + orderOfA).statusCode());
      HttpResponse<String> r = move(outsider, orderOfA, "fulfilling", null);
      assertEquals(404, r.statusCode(), r.body());
    }
    assertEquals("paid", sql("select status from ring.orders where id = ?", orderOfA));
    assertEquals(401, new StoreClient(base).get("/api/store/orders/" + orderOfA).statusCode());

    List<Long> seenByB = ids(b.client().get("/api/store/vendor/orders"));
    assertTrue(seenByB.contains(orderOfB));
    assertFalse(seenByB.contains(orderOfA), "vendor B never sees vendor A's orders");
    assertEquals(
        List.of(),
        ids(b.client().get("/api/store/vendor/orders?vendorId=" + a.vendorId())),
        "not even by naming A's vendor id");
    assertEquals(List.of(orderOfA), ids(a.client().get("/api/store/vendor/orders")));
    assertTrue(ids(buyer.get("/api/store/orders")).contains(orderOfA));
    assertFalse(ids(stranger.get("/api/store/orders")).contains(orderOfA));
    assertEquals(403, buyer.get("/api/admin/store/orders").statusCode());

    StoreClient admin =
        new StoreClient(base).signIn("admin@ring.local", TestAccounts.DEMO_PASSWORD);
    assertEquals(
        List.of(orderOfA), ids(admin.get("/api/admin/store/orders?vendorId=" + a.vendorId())));
    assertTrue(ids(admin.get("/api/admin/store/orders?status=paid&size=100")).contains(orderOfB));
    assertEquals(400, admin.get("/api/admin/store/orders?status=lost").statusCode());
    // An admin may move any order, in the admin's capacity.
    moved(admin, orderOfB, "fulfilling");
    assertEquals(
        "admin",
        sql(
            "select actor_kind from ring.order_events where order_id = ? order by id desc limit 1",
            orderOfB));
  }

  @Test
  void aRefundRequestNeedsAReasonAndTheVendorMayDeclineIt() throws Exception {
    Seller seller = seller("refund-seller");
    StoreClient buyer = buyer("refund-buyer");
    long order = paidOrder(buyer, seller);
    refused(buyer, order, "refund_requested", 400, "note_invalid");
    HttpResponse<String> asked = move(buyer, order, "refund_requested", "It arrived broken");
    assertEquals(200, asked.statusCode(), asked.body());
    assertEquals(
        "It arrived broken",
        sql(
            "select note from ring.order_events where order_id = ? order by id desc limit 1",
            order));
    assertEquals(
        1L,
        number(
            "select count(*) from ring.notifications where user_id = ?"
                + " and type = 'store_order_refund_requested'",
            seller.userId()));
    refused(buyer, order, "fulfilling", 409, "transition_not_allowed");
    moved(seller.client(), order, "fulfilling");
  }

  @Test
  void cancellingAnUnpaidOrderCancelsItsCheckoutAndReleasesTheStock() throws Exception {
    Seller one = seller("cancel-one");
    Seller two = seller("cancel-two");
    long bowl = OrderFixtures.stocked(one.vendorId(), "Bowl", 8000, 4);
    long spoon = OrderFixtures.stocked(two.vendorId(), "Spoon", 2000, 4);
    String email = TestAccounts.create("canceller", Role.SUBSCRIBER);
    StoreClient buyer = new StoreClient(base).signIn(email, TestAccounts.PASSWORD);
    long[] pending = OrderFixtures.pendingCheckout(TestAccounts.id(email), 2, 15, bowl, spoon);
    assertLevel(bowl, null, 2, 2, 4);

    refused(one.client(), pending[1], "cancelled", 409, "transition_not_allowed");
    assertEquals(
        List.of("cancelled"), next(Api.json(buyer.get("/api/store/orders/" + pending[1]))));
    moved(buyer, pending[1], "cancelled");
    assertEquals("cancelled", sql("select status from ring.orders where id = ?", pending[2]));
    assertEquals("cancelled", sql("select status from ring.checkouts where id = ?", pending[0]));
    assertLevel(bowl, null, 4, 0, 4);
    assertLevel(spoon, null, 4, 0, 4);
    assertEquals(
        "buyer",
        sql(
            "select actor_kind from ring.order_events where order_id = ? order by id desc limit 1",
            pending[2]));
    refused(buyer, pending[1], "pending_payment", 409, "transition_not_allowed");
  }

  @Test
  void theJobCancelsLapsedCheckoutsAndCompletesOrdersDeliveredLongAgo() throws Exception {
    Seller seller = seller("job-seller");
    long jar = OrderFixtures.stocked(seller.vendorId(), "Jar", 5000, 3);
    String email = TestAccounts.create("job-buyer", Role.SUBSCRIBER);
    // Made current, then lapsed just before the run: the server's own housekeeping schedule (it
    // outlives this class) must not get to it before the level is checked.
    long[] lapsed = OrderFixtures.pendingCheckout(TestAccounts.id(email), 3, 15, jar);
    long[] fresh =
        OrderFixtures.pendingCheckout(
            TestAccounts.id(email),
            1,
            15,
            OrderFixtures.stocked(seller.vendorId(), "Lid", 1000, 1));
    StoreClient buyer = buyer("old-delivery");
    long delivered = paidOrder(buyer, seller);
    moved(seller.client(), delivered, "fulfilling");
    moved(seller.client(), delivered, "delivered");
    long recent = paidOrder(buyer, seller);
    moved(seller.client(), recent, "fulfilling");
    moved(seller.client(), recent, "delivered");
    sql("update ring.orders set delivered_at = now() - interval '15 days' where id = ?", delivered);
    assertLevel(jar, null, 0, 3, 3);
    sql(
        "update ring.checkouts set expires_at = now() - interval '1 minute' where id = ?"
            + " returning id",
        lapsed[0]);
    sql(
        "update ring.stock_reservations set expires_at = now() - interval '1 minute'"
            + " where holder = ? returning id",
        "checkout_" + lapsed[0]);

    String admin = new Api(base).accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
    StoreClient.runHousekeeping(base, admin);

    assertEquals("expired", sql("select status from ring.checkouts where id = ?", lapsed[0]));
    assertEquals("cancelled", sql("select status from ring.orders where id = ?", lapsed[1]));
    assertEquals(
        "system",
        sql(
            "select actor_kind from ring.order_events where order_id = ? order by id desc limit 1",
            lapsed[1]));
    assertLevel(jar, null, 3, 0, 3);
    assertEquals(
        "pending_payment", sql("select status from ring.checkouts where id = ?", fresh[0]));
    assertEquals("completed", sql("select status from ring.orders where id = ?", delivered));
    assertNotNull(sql("select completed_at from ring.orders where id = ?", delivered));
    assertEquals(
        "system",
        sql(
            "select actor_kind from ring.order_events where order_id = ? order by id desc limit 1",
            delivered));
    assertEquals("delivered", sql("select status from ring.orders where id = ?", recent));
  }
}
