package org.ringplatform.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
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
import org.ringplatform.testing.TestDatabase;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * The catalogue through the API (§8.1, §8.5): prices entered as decimals and kept in minor units,
 * never negative; the lifecycle draft, pending, active (or rejected and resubmitted), archived,
 * with edits of an active product's title, description or photos sending it back for approval;
 * photos checked by content and served with their product's visibility; variants with their own
 * price and stock; stock that is always available plus reserved, never set below what is reserved,
 * with a movement for every change; one store never touching another's products; and search with
 * its filters, orders and visibility in the query, on the GIN index.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogueIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  /** A store owner with a token and an active store. */
  private record Vendor(String email, long userId, String token, long id) {}

  private Vendor vendor() throws Exception {
    String email = TestAccounts.create("vendor", Role.MEMBER);
    long userId = TestAccounts.id(email);
    long entity = TestAccounts.entity(userId, "public", false);
    long id = StoreFixtures.vendor(userId, entity, "active");
    return new Vendor(email, userId, new Api(base).accessToken(email, TestAccounts.PASSWORD), id);
  }

  private String admin() throws Exception {
    return new Api(base).accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
  }

  private static String word() {
    return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private static String product(long vendorId, String title, String price) {
    return "{\"vendorId\":"
        + vendorId
        + ",\"title\":\""
        + title
        + "\",\"description\":\"Handmade in Lviv\",\"category\":\"art_crafts\",\"price\":"
        + price
        + ",\"sku\":\"SKU-"
        + UUID.randomUUID().toString().substring(0, 6)
        + "\"}";
  }

  private static String update(String title, String description, String price) {
    return "{\"title\":\""
        + title
        + "\",\"description\":\""
        + description
        + "\",\"category\":\"art_crafts\",\"price\":"
        + price
        + "}";
  }

  private static long id(HttpResponse<String> r) {
    return Api.json(r).getJsonNumber("id").longValue();
  }

  private static Object column(String column, long id) throws Exception {
    return TestAccounts.query("select " + column + " from ring.store_products where id = ?", id);
  }

  private static long count(String sql, Object... params) throws Exception {
    return ((Number) TestAccounts.query(sql, params)).longValue();
  }

  private long create(Vendor v, String title, String price) throws Exception {
    HttpResponse<String> r =
        new Api(base).post("/api/store/products", product(v.id(), title, price), v.token());
    assertEquals(201, r.statusCode(), r.body());
    return id(r);
  }

  private HttpResponse<String> upload(long productId, byte[] bytes, String type, String token)
      throws Exception {
    return new Api(base).upload("/api/store/products/" + productId + "/images", bytes, type, token);
  }

  /** A product of the vendor taken through approval with one photo; returns its id. */
  private long approved(Vendor v, String title, String price) throws Exception {
    Api api = new Api(base);
    long id = create(v, title, price);
    assertEquals(201, upload(id, StoreFixtures.image("png"), "image/png", v.token()).statusCode());
    assertEquals(
        200, api.post("/api/store/products/" + id + "/submit", null, v.token()).statusCode());
    HttpResponse<String> ok =
        api.post("/api/admin/store/products/" + id + "/approve", "{}", admin());
    assertEquals(200, ok.statusCode(), ok.body());
    return id;
  }

  @Test
  void theOwnerOfAnActiveStoreCreatesADraftPricedInMinorUnits() throws Exception {
    Api api = new Api(base);
    Vendor v = vendor();
    HttpResponse<String> created =
        api.post("/api/store/products", product(v.id(), "Ceramic mug", "12.50"), v.token());
    assertEquals(201, created.statusCode(), created.body());
    JsonObject p = Api.json(created);
    assertEquals("draft", p.getString("status"));
    assertEquals(1250, p.getJsonNumber("priceMinor").longValue());
    assertEquals("12.50", p.getString("price"));
    assertEquals("UAH", p.getString("currency"), "ring.store.currency");
    assertEquals("physical", p.getString("kind"));
    assertFalse(p.getBoolean("inStock"));
    assertTrue(p.getString("slug").endsWith("-ceramic-mug-" + id(created)), p.getString("slug"));
    long id = id(created);
    assertEquals(1250L, ((Number) column("price_minor", id)).longValue());
    assertEquals(
        404, api.get("/api/store/products/" + id, null).statusCode(), "a draft is private");
    assertEquals(
        404,
        api.get("/api/store/products/" + id, vendor().token()).statusCode(),
        "also from other stores");
    assertEquals(200, api.get("/api/store/products/" + id, v.token()).statusCode());
    assertEquals(200, api.get("/api/store/products/" + id, admin()).statusCode());

    Person pending = pendingStoreOwner();
    HttpResponse<String> notOpen =
        api.post(
            "/api/store/products", product(pending.vendorId(), "Too early", "1"), pending.token());
    assertEquals(409, notOpen.statusCode());
    assertEquals("vendor_not_active", Api.json(notOpen).getString("code"));
  }

  /** The owner of a store that waits for approval. */
  private record Person(String token, long vendorId) {}

  private Person pendingStoreOwner() throws Exception {
    String email = TestAccounts.create("pending-vendor", Role.MEMBER);
    long userId = TestAccounts.id(email);
    long store =
        StoreFixtures.vendor(userId, TestAccounts.entity(userId, "public", false), "pending");
    return new Person(new Api(base).accessToken(email, TestAccounts.PASSWORD), store);
  }

  @Test
  void badInputIsAProblemAndChangesNothing() throws Exception {
    Api api = new Api(base);
    Vendor v = vendor();
    long before = count("select count(*) from ring.store_products where vendor_id = ?", v.id());
    String[][] cases = {
      {product(v.id(), "Negative", "-0.01"), "price_negative", "price"},
      {product(v.id(), "Fractions", "1.005"), "price_invalid", "price"},
      {product(v.id(), "Absurd", "1000000001"), "price_invalid", "price"},
      {product(v.id(), "ab", "1"), "title_invalid", "title"},
      {
        "{\"vendorId\":" + v.id() + ",\"title\":\"Sword\",\"category\":\"weapons\",\"price\":1}",
        "category_invalid",
        "category"
      },
      {
        "{\"vendorId\":"
            + v.id()
            + ",\"title\":\"Course\",\"category\":\"other\",\"kind\":\"service\","
            + "\"price\":1}",
        "kind_invalid",
        "kind"
      },
      {
        "{\"vendorId\":"
            + v.id()
            + ",\"title\":\"Spaced\",\"category\":\"other\",\"price\":1,"
            + "\"sku\":\"has space\"}",
        "sku_invalid",
        "sku"
      },
      {
        "{\"title\":\"No store\",\"category\":\"other\",\"price\":1}", "vendor_required", "vendorId"
      },
    };
    for (String[] c : cases) {
      HttpResponse<String> r = api.post("/api/store/products", c[0], v.token());
      assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
      assertTrue(
          r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
      JsonObject problem = Api.json(r);
      assertEquals(c[1], problem.getString("code"), r.body());
      assertEquals(c[2], problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    }
    HttpResponse<String> malformed = api.post("/api/store/products", "{\"price\":", v.token());
    assertEquals(400, malformed.statusCode());
    HttpResponse<String> notANumber =
        api.post("/api/store/products", product(v.id(), "Word price", "\"twelve\""), v.token());
    assertEquals(400, notANumber.statusCode(), notANumber.body());
    assertEquals(
        before, count("select count(*) from ring.store_products where vendor_id = ?", v.id()));

    long id = create(v, "Linen towel", "8");
    HttpResponse<String> negative =
        api.call("PUT", "/api/store/products/" + id, update("Linen towel", "", "-1"), v.token());
    assertEquals(400, negative.statusCode());
    assertEquals(800L, ((Number) column("price_minor", id)).longValue(), "unchanged");
    HttpResponse<String> sku =
        api.post(
            "/api/store/products",
            "{\"vendorId\":"
                + v.id()
                + ",\"title\":\"Twin\",\"category\":\"other\",\"price\":1,"
                + "\"sku\":\""
                + column("sku", id)
                + "\"}",
            v.token());
    assertEquals(409, sku.statusCode());
    assertEquals("sku_taken", Api.json(sku).getString("code"));
  }

  @Test
  void oneStoreNeverTouchesAnotherStoresProducts() throws Exception {
    Api api = new Api(base);
    Vendor a = vendor();
    Vendor b = vendor();
    long draft = create(a, "Draft of A", "10");
    long live = approved(a, "Live product of A", "10");
    String admin = admin();
    for (long id : new long[] {draft, live}) {
      // A product B cannot see is "not found"; one B can see is "forbidden".
      int expected = id == draft ? 404 : 403;
      String p = "/api/store/products/" + id;
      List<HttpResponse<String>> attempts = new ArrayList<>();
      attempts.add(api.call("PUT", p, update("Taken over", "by B", "0"), b.token()));
      attempts.add(api.post(p + "/submit", null, b.token()));
      attempts.add(api.post(p + "/variants", "{\"name\":\"B's\",\"price\":1}", b.token()));
      attempts.add(api.post(p + "/stock", "{\"stock\":0,\"reason\":\"B\"}", b.token()));
      attempts.add(upload(id, StoreFixtures.image("png"), "image/png", b.token()));
      attempts.add(api.call("DELETE", p, null, b.token()));
      attempts.add(api.get(p + "/stock", b.token()));
      for (HttpResponse<String> r : attempts) {
        assertEquals(expected, r.statusCode(), r.request().method() + " " + r.request().uri());
      }
      HttpResponse<String> byAdmin = api.call("PUT", p, update("By admin", "", "0"), admin);
      assertEquals(403, byAdmin.statusCode(), "admins approve, owners write");
    }
    assertEquals("Draft of A", column("title", draft));
    assertEquals("Live product of A", column("title", live));
    assertEquals("active", column("status", live));
    assertEquals(1000L, ((Number) column("price_minor", live)).longValue());
    assertEquals(0, count("select count(*) from ring.product_variants where product_id = ?", live));
    assertEquals(1, count("select count(*) from ring.product_images where product_id = ?", live));
    HttpResponse<String> intoA =
        api.post("/api/store/products", product(a.id(), "Planted by B", "1"), b.token());
    assertEquals(403, intoA.statusCode());
    assertEquals(0, count("select count(*) from ring.store_products where title = 'Planted by B'"));
  }

  @Test
  void theLifecycleRunsThroughApprovalAndContentEditsGoBackToIt() throws Exception {
    Api api = new Api(base);
    Vendor v = vendor();
    String admin = admin();
    long id = create(v, "Birch spoon", "150");
    String p = "/api/store/products/" + id;
    HttpResponse<String> noPhoto = api.post(p + "/submit", null, v.token());
    assertEquals(409, noPhoto.statusCode());
    assertEquals("images_required", Api.json(noPhoto).getString("code"));
    assertEquals(201, upload(id, StoreFixtures.image("jpg"), "image/jpeg", v.token()).statusCode());
    assertEquals("pending", Api.json(api.post(p + "/submit", null, v.token())).getString("status"));
    assertEquals(409, api.post(p + "/submit", null, v.token()).statusCode(), "once");
    assertEquals(404, api.get(p, null).statusCode(), "pending is private");
    HttpResponse<String> queue = api.get("/api/admin/store/products?size=100", admin);
    assertTrue(queue.body().contains("\"id\":" + id + ","), "in the approval queue");

    assertEquals(
        400, api.post("/api/admin/store/products/" + id + "/reject", "{}", admin).statusCode());
    HttpResponse<String> rejected =
        api.post(
            "/api/admin/store/products/" + id + "/reject",
            "{\"note\":\"Show the spoon from above\"}",
            admin);
    assertEquals(200, rejected.statusCode());
    assertEquals("rejected", Api.json(rejected).getString("status"));
    assertEquals("Show the spoon from above", Api.json(rejected).getString("statusNote"));
    HttpResponse<String> edited =
        api.call("PUT", p, update("Birch spoon", "Carved by hand", "150"), v.token());
    assertEquals("rejected", Api.json(edited).getString("status"), "edited, still rejected");
    assertEquals("pending", Api.json(api.post(p + "/submit", null, v.token())).getString("status"));
    HttpResponse<String> approved =
        api.post("/api/admin/store/products/" + id + "/approve", "{}", admin);
    assertEquals("active", Api.json(approved).getString("status"));
    assertEquals(200, api.get(p, null).statusCode(), "on sale");
    assertEquals(
        "product_rejected,product_approved",
        TestAccounts.query(
            "select string_agg(type, ',' order by id) from ring.notifications where user_id = ?",
            v.userId()));

    HttpResponse<String> repriced =
        api.call("PUT", p, update("Birch spoon", "Carved by hand", "175.50"), v.token());
    assertEquals("active", Api.json(repriced).getString("status"), "a price edit stays on sale");
    assertEquals(17550, Api.json(repriced).getJsonNumber("priceMinor").longValue());
    HttpResponse<String> retitled =
        api.call("PUT", p, update("Birch spoon, large", "Carved by hand", "175.50"), v.token());
    assertEquals("pending", Api.json(retitled).getString("status"), "a new title is checked again");
    assertEquals(404, api.get(p, null).statusCode());
    api.post("/api/admin/store/products/" + id + "/approve", "{}", admin);
    HttpResponse<String> redescribed =
        api.call("PUT", p, update("Birch spoon, large", "Now oiled", "175.50"), v.token());
    assertEquals("pending", Api.json(redescribed).getString("status"));
    api.post("/api/admin/store/products/" + id + "/approve", "{}", admin);
    assertEquals(201, upload(id, StoreFixtures.image("png"), "image/png", v.token()).statusCode());
    assertEquals("pending", column("status", id), "a new photo is checked again");
    api.post("/api/admin/store/products/" + id + "/approve", "{}", admin);
    HttpResponse<String> stocked =
        api.post(p + "/stock", "{\"stock\":4,\"reason\":\"first batch\"}", v.token());
    assertEquals(200, stocked.statusCode(), stocked.body());
    assertEquals("active", column("status", id), "stock edits stay on sale");

    HttpResponse<String> archived = api.call("DELETE", p, null, v.token());
    assertEquals(200, archived.statusCode());
    assertEquals("archived", Api.json(archived).getString("status"));
    assertEquals(404, api.get(p, null).statusCode());
    HttpResponse<String> frozen = api.call("PUT", p, update("Birch spoon", "", "1"), v.token());
    assertEquals(409, frozen.statusCode());
    assertEquals("status_archived", Api.json(frozen).getString("code"));
    assertEquals(409, api.call("DELETE", p, null, v.token()).statusCode());
    assertEquals(
        "product_submitted,product_rejected,product_submitted,product_approved,"
            + "product_resubmitted,product_approved,product_resubmitted,product_approved,"
            + "product_resubmitted,product_approved,product_archived",
        TestAccounts.query(
            "select string_agg(action, ',' order by id) from ring.vendor_events"
                + " where vendor_id = ? and action like 'product%'",
            v.id()));
  }

  @Test
  void photosAreCheckedByContentAndServedWithTheirProductsVisibility() throws Exception {
    Api api = new Api(base);
    Vendor v = vendor();
    long id = create(v, "Woven basket", "300");
    // The data directory outlives a test run, and ids start again with a fresh database.
    Path dir = Path.of(System.getProperty("ring.it.dir"), "data/uploads/store/products/" + id);
    List<Path> before = files(dir);
    HttpResponse<String> pdf =
        upload(id, "%PDF-1.4 not a photo".getBytes(), "image/png", v.token());
    assertEquals(415, pdf.statusCode());
    assertEquals("image_content", Api.json(pdf).getString("code"));
    HttpResponse<String> renamed = upload(id, StoreFixtures.image("png"), "image/jpeg", v.token());
    assertEquals(415, renamed.statusCode(), "the declared type must be the content's");
    HttpResponse<String> gif = upload(id, "GIF89a....".getBytes(), "image/gif", v.token());
    assertEquals(415, gif.statusCode());
    assertEquals("image_type", Api.json(gif).getString("code"));
    byte[] huge = new byte[5 * 1024 * 1024 + 1];
    byte[] png = StoreFixtures.image("png");
    System.arraycopy(png, 0, huge, 0, png.length);
    HttpResponse<String> tooLarge = upload(id, huge, "image/png", v.token());
    assertEquals(413, tooLarge.statusCode());
    assertEquals("image_too_large", Api.json(tooLarge).getString("code"));
    assertEquals(0, count("select count(*) from ring.product_images where product_id = ?", id));
    assertEquals(before, files(dir), "refused files are not kept");

    HttpResponse<String> first = upload(id, png, "image/png", v.token());
    assertEquals(201, first.statusCode(), first.body());
    String url = Api.json(first).getString("url");
    assertTrue(url.endsWith("/store/images/" + id(first) + ".png"), url);
    assertEquals(201, upload(id, StoreFixtures.image("jpg"), "image/jpeg", v.token()).statusCode());
    assertEquals(
        201, upload(id, StoreFixtures.webp(), "application/octet-stream", v.token()).statusCode());
    assertEquals(201, upload(id, png, "image/png", v.token()).statusCode());
    assertEquals(201, upload(id, png, "image/png", v.token()).statusCode());
    HttpResponse<String> sixth = upload(id, png, "image/png", v.token());
    assertEquals(409, sixth.statusCode());
    assertEquals("images_full", Api.json(sixth).getString("code"));
    assertEquals(
        "image/png,image/jpeg,image/webp,image/png,image/png",
        TestAccounts.query(
            "select string_agg(content_type, ',' order by position) from ring.product_images"
                + " where product_id = ?",
            id));
    String stored =
        (String) TestAccounts.query("select path from ring.product_images where id = ?", id(first));
    assertFalse(stored.contains(".."), stored);

    String photo = "/store/images/" + id(first) + ".png";
    assertEquals(404, api.download(photo, null).statusCode(), "a draft's photo is private");
    api.post("/api/store/products/" + id + "/submit", null, v.token());
    api.post("/api/admin/store/products/" + id + "/approve", "{}", admin());
    HttpResponse<byte[]> served = api.download(photo, null);
    assertEquals(200, served.statusCode());
    assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
    assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertArrayEquals(png, served.body());
    assertEquals(404, api.download("/store/images/999999999.png", null).statusCode());
    assertEquals(404, api.download("/store/images/../../etc/passwd", null).statusCode());

    Path file = Path.of(System.getProperty("ring.it.dir"), "data/uploads/store/products", stored);
    assertTrue(Files.exists(file), file.toString());
    HttpResponse<String> removed =
        api.call("DELETE", "/api/store/products/" + id + "/images/" + id(first), null, v.token());
    assertEquals(204, removed.statusCode());
    assertFalse(Files.exists(file), "the file goes with its row");
    assertEquals(404, api.download(photo, null).statusCode());
    assertEquals(
        404,
        api.call("DELETE", "/api/store/products/" + id + "/images/" + id(first), null, v.token())
            .statusCode());
  }

  private static List<Path> files(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var list = Files.list(dir)) {
      return list.sorted().toList();
    }
  }

  @Test
  void variantsHaveTheirOwnPriceAndStock() throws Exception {
    Api api = new Api(base);
    Vendor v = vendor();
    long id = approved(v, "Linen shirt", "900");
    String p = "/api/store/products/" + id;
    HttpResponse<String> small =
        api.post(p + "/variants", "{\"name\":\"S\",\"price\":850}", v.token());
    assertEquals(201, small.statusCode(), small.body());
    assertEquals(85000, Api.json(small).getJsonNumber("priceMinor").longValue());
    long large =
        id(
            api.post(
                p + "/variants",
                "{\"name\":\"L\",\"price\":\"950.00\",\"sku\":\"SH-L\"}",
                v.token()));
    HttpResponse<String> twin =
        api.post(p + "/variants", "{\"name\":\"S\",\"price\":1}", v.token());
    assertEquals(409, twin.statusCode());
    assertEquals("variant_name_taken", Api.json(twin).getString("code"));
    HttpResponse<String> negative =
        api.post(p + "/variants", "{\"name\":\"XL\",\"price\":-5}", v.token());
    assertEquals(400, negative.statusCode());
    assertEquals("price_negative", Api.json(negative).getString("code"));
    assertEquals("active", column("status", id), "variants and prices need no new approval");

    JsonObject product = Api.json(api.get(p, null));
    assertEquals(85000, product.getJsonNumber("fromPriceMinor").longValue(), "the cheapest");
    assertEquals(2, product.getJsonArray("variants").size());
    assertFalse(product.getBoolean("inStock"));
    HttpResponse<String> productLevel = api.post(p + "/stock", "{\"stock\":5}", v.token());
    assertEquals(400, productLevel.statusCode());
    assertEquals("variant_required", Api.json(productLevel).getString("code"));
    HttpResponse<String> stocked =
        api.post(p + "/stock", "{\"variantId\":" + large + ",\"stock\":3}", v.token());
    assertEquals(200, stocked.statusCode(), stocked.body());
    HttpResponse<String> foreign =
        api.post(p + "/stock", "{\"variantId\":999999999,\"stock\":3}", v.token());
    assertEquals(400, foreign.statusCode());
    assertEquals("variant_invalid", Api.json(foreign).getString("code"));
    product = Api.json(api.get(p, null));
    assertTrue(product.getBoolean("inStock"));
    assertEquals(3, product.getInt("available"));

    HttpResponse<String> off = api.call("DELETE", p + "/variants/" + large, null, v.token());
    assertEquals(200, off.statusCode());
    assertFalse(Api.json(off).getBoolean("active"));
    JsonArray visible = Api.jsonArray(api.get(p + "/variants", null));
    assertEquals(1, visible.size(), "a variant off sale is not shown");
    assertEquals("S", visible.getJsonObject(0).getString("name"));
    assertEquals(2, Api.jsonArray(api.get(p + "/variants", v.token())).size(), "but kept");
    product = Api.json(api.get(p, null));
    assertFalse(product.getBoolean("inStock"), "only the variants on sale count");
    HttpResponse<String> inactive =
        api.post(p + "/stock", "{\"variantId\":" + large + ",\"stock\":9}", v.token());
    assertEquals(409, inactive.statusCode());
    assertEquals("variant_inactive", Api.json(inactive).getString("code"));
    HttpResponse<String> back =
        api.call(
            "PUT",
            p + "/variants/" + large,
            "{\"name\":\"L\",\"price\":999.99,\"active\":true}",
            v.token());
    assertEquals(200, back.statusCode(), back.body());
    assertEquals(99999, Api.json(back).getJsonNumber("priceMinor").longValue());
    assertEquals(
        404,
        api.call("PUT", p + "/variants/999999999", "{\"name\":\"Z\",\"price\":1}", v.token())
            .statusCode());
  }

  @Test
  void stockIsAvailablePlusReservedMovesWithAReasonAndNeverGoesBelowWhatIsHeld() throws Exception {
    Api api = new Api(base);
    Vendor v = vendor();
    long id = create(v, "Clay bowl", "40");
    String p = "/api/store/products/" + id;
    assertEquals(
        200,
        api.post(p + "/stock", "{\"stock\":10,\"reason\":\"first firing\"}", v.token())
            .statusCode());
    assertEquals(
        200, api.post(p + "/stock", "{\"stock\":15,\"reason\":\"kiln\"}", v.token()).statusCode());
    HttpResponse<String> sold =
        api.post(p + "/stock", "{\"change\":-3,\"reason\":\"two broke\"}", v.token());
    assertEquals(200, sold.statusCode(), sold.body());
    assertEquals(12, Api.json(sold).getInt("available"));
    StoreFixtures.reserve(id, 8);
    HttpResponse<String> below =
        api.post(p + "/stock", "{\"stock\":7,\"reason\":\"recount\"}", v.token());
    assertEquals(409, below.statusCode());
    assertEquals("stock_below_reserved", Api.json(below).getString("code"));
    HttpResponse<String> belowByChange = api.post(p + "/stock", "{\"change\":-5}", v.token());
    assertEquals(409, belowByChange.statusCode());
    assertEquals(
        "4/8/12",
        TestAccounts.query(
            "select available || '/' || reserved || '/' || stock from ring.inventory_levels"
                + " where product_id = ?",
            id),
        "unchanged");
    HttpResponse<String> exact =
        api.post(p + "/stock", "{\"stock\":8,\"reason\":\"recount\"}", v.token());
    assertEquals(200, exact.statusCode());
    assertEquals(0, Api.json(exact).getInt("available"));
    assertEquals(8, Api.json(exact).getInt("reserved"));
    for (String bad :
        new String[] {
          "{\"stock\":-1}",
          "{\"stock\":1000001}",
          "{\"stock\":1,\"change\":1}",
          "{}",
          "{\"change\":0}",
          "{\"stock\":1,\"reason\":\"" + "x".repeat(301) + "\"}"
        }) {
      assertEquals(400, api.post(p + "/stock", bad, v.token()).statusCode(), bad);
    }
    assertEquals(
        "initial:10:0:10:first firing,restock:5:10:15:kiln,adjustment:-3:15:12:two broke,"
            + "adjustment:-4:12:8:recount",
        TestAccounts.query(
            "select string_agg(m.kind || ':' || m.change || ':' || m.stock_before || ':'"
                + " || m.stock_after || ':' || coalesce(m.reason, ''), ',' order by m.id)"
                + " from ring.stock_movements m join ring.inventory_levels l on l.id = m.level_id"
                + " where l.product_id = ?",
            id));
    assertEquals(
        4,
        count(
            "select count(*) from ring.stock_movements m join ring.inventory_levels l"
                + " on l.id = m.level_id where l.product_id = ? and m.actor_id = ?",
            id,
            v.userId()),
        "every change says who made it");
    HttpResponse<String> view = api.get(p + "/stock", v.token());
    assertEquals(200, view.statusCode());
    assertEquals(4, Api.json(view).getJsonArray("movements").size());

    HttpResponse<String> digital =
        api.post(
            "/api/store/products",
            "{\"vendorId\":"
                + v.id()
                + ",\"title\":\"E-book\",\"category\":\"digital_goods\","
                + "\"kind\":\"digital\",\"price\":99}",
            v.token());
    HttpResponse<String> noStock =
        api.post("/api/store/products/" + id(digital) + "/stock", "{\"stock\":5}", v.token());
    assertEquals(409, noStock.statusCode());
    assertEquals("stock_digital", Api.json(noStock).getString("code"));
    assertTrue(Api.json(digital).getBoolean("inStock"), "digital goods never run out");
  }

  @Test
  void theCatalogueShowsOnlyActiveProductsOfActiveStoresWithFiltersAndOrders() throws Exception {
    Api api = new Api(base);
    String w = word();
    Vendor v = vendor();
    long cheap = StoreFixtures.product(v.id(), w + " cheap candle", "active", 5000, 4);
    long dear = StoreFixtures.product(v.id(), w + " dear lamp", "active", 90000, 0);
    long draft = StoreFixtures.product(v.id(), w + " draft", "draft", 100, 1);
    long pending = StoreFixtures.product(v.id(), w + " pending", "pending", 100, 1);
    long rejected = StoreFixtures.product(v.id(), w + " rejected", "rejected", 100, 1);
    long archived = StoreFixtures.product(v.id(), w + " archived", "archived", 100, 1);
    String ownerEmail = TestAccounts.create("suspended-vendor", Role.MEMBER);
    long owner = TestAccounts.id(ownerEmail);
    long suspended =
        StoreFixtures.vendor(owner, TestAccounts.entity(owner, "public", false), "suspended");
    long hidden = StoreFixtures.product(suspended, w + " suspended store", "active", 100, 1);
    Vendor other = vendor();
    long digital =
        id(
            api.post(
                "/api/store/products",
                "{\"vendorId\":"
                    + other.id()
                    + ",\"title\":\""
                    + w
                    + " audio guide\","
                    + "\"category\":\"digital_goods\",\"kind\":\"digital\",\"price\":20}",
                other.token()));
    TestAccounts.query(
        "update ring.store_products set status = 'active' where id = ? returning id", digital);

    for (String token : new String[] {null, admin(), v.token()}) {
      assertEquals(
          List.of(digital, dear, cheap),
          ids(api.get("/api/store/products?sort=newest&q=" + w, token)),
          "the public catalogue is the same for everyone");
    }
    assertEquals(
        List.of(digital, cheap),
        ids(api.get("/api/store/products?sort=newest&q=" + w + "&maxPrice=50", null)));
    assertEquals(
        List.of(dear), ids(api.get("/api/store/products?q=" + w + "&minPrice=50.01", null)));
    assertEquals(
        List.of(digital, cheap),
        ids(api.get("/api/store/products?sort=newest&q=" + w + "&inStock=true", null)));
    assertEquals(
        List.of(digital), ids(api.get("/api/store/products?q=" + w + "&kind=digital", null)));
    assertEquals(
        List.of(digital),
        ids(api.get("/api/store/products?q=" + w + "&category=digital_goods", null)));
    assertEquals(
        List.of(dear, cheap),
        ids(api.get("/api/store/products?sort=newest&q=" + w + "&vendor=" + v.id(), null)));
    assertEquals(
        List.of(digital, cheap, dear),
        ids(api.get("/api/store/products?q=" + w + "&sort=price_asc", null)));
    assertEquals(
        List.of(dear, cheap, digital),
        ids(api.get("/api/store/products?q=" + w + "&sort=price_desc", null)));
    assertEquals(
        List.of(cheap),
        ids(api.get("/api/store/products?q=" + w + "%20candle&sort=relevance", null)));
    HttpResponse<String> second =
        api.get("/api/store/products?sort=newest&q=" + w + "&size=1&page=1", null);
    assertEquals(List.of(dear), ids(second));
    assertEquals(3, Api.json(second).getInt("total"));
    assertTrue(
        api.get("/api/store/products?vendor=" + suspended, null).body().contains("\"items\":[]"));
    for (long id : new long[] {draft, pending, rejected, archived, hidden}) {
      assertEquals(404, api.get("/api/store/products/" + id, null).statusCode(), "" + id);
    }

    assertEquals(
        List.of(archived, rejected, pending, draft, dear, cheap),
        ids(api.get("/api/store/products?mine=true&sort=newest&q=" + w, v.token())),
        "the owner manages every status of their stores");
    assertEquals(
        List.of(draft),
        ids(api.get("/api/store/products?mine=true&status=draft&q=" + w, v.token())));
    assertEquals(
        List.of(),
        ids(api.get("/api/store/products?mine=true&vendor=" + v.id(), other.token())),
        "another owner manages only their own");
    assertEquals(401, api.get("/api/store/products?mine=true", null).statusCode());
    assertEquals(
        8, ids(api.get("/api/store/products?mine=true&q=" + w, admin())).size(), "admins see all");
    for (String bad :
        new String[] {
          "minPrice=-1", "maxPrice=abc", "minPrice=9&maxPrice=1", "sort=cheapest", "kind=service",
          "category=weapons", "status=draft", "vendor=abc", "size=101", "minPrice=1.001"
        }) {
      assertEquals(400, api.get("/api/store/products?" + bad, null).statusCode(), bad);
    }
  }

  private static List<Long> ids(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonArray("items").stream()
        .map(i -> i.asJsonObject().getJsonNumber("id").longValue())
        .toList();
  }

  @Test
  void theFullTextSearchCanUseTheGinIndex() throws Exception {
    try (Connection c = TestDatabase.get().connect();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      long owner = TestAccounts.id(TestAccounts.create("bulk-vendor", Role.MEMBER));
      long vendor =
          StoreFixtures.vendor(owner, TestAccounts.entity(owner, "public", false), "active");
      s.executeUpdate(
          "insert into ring.store_products(vendor_id, title, slug, description, category, kind,"
              + " price_minor, currency, status) select "
              + vendor
              + ", 'Bulk product ' || g || ' item' || (g % 500), 'bulk-' || "
              + vendor
              + " || '-' || g, 'description', 'other', 'physical', 100, 'UAH', 'active'"
              + " from generate_series(1, 2000) g");
      // Fresh rows wait in the GIN index's pending list, which the planner prices high; a vacuum
      // would merge them, as the server's autovacuum does.
      s.execute("select gin_clean_pending_list('ring.store_products_search_ix')");
      s.execute("analyze ring.store_products");
      s.execute("set local enable_seqscan = off");
      StringBuilder plan = new StringBuilder();
      // The shape of the catalogue's page query: visibility and the match on the product rows,
      // best rank first (price and stock are then looked up for the page alone).
      try (ResultSet rs =
          s.executeQuery(
              "explain select p.id from ring.store_products p join ring.vendors v"
                  + " on v.id = p.vendor_id where p.status = 'active' and v.status = 'active'"
                  + " and p.search @@ websearch_to_tsquery('simple', 'item7')"
                  + " order by ts_rank(p.search,"
                  + " websearch_to_tsquery('simple', 'item7')) desc limit 24")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      c.rollback();
      assertTrue(plan.toString().contains("store_products_search_ix"), plan.toString());
    }
  }

  @Test
  void theStorePagesShowWhatTheViewerMaySee() throws Exception {
    Api api = new Api(base);
    Vendor v = vendor();
    String w = word();
    long live = approved(v, w + " page product", "75");
    long draft = create(v, w + " hidden draft", "75");
    HttpResponse<String> store = api.get("/store", null);
    assertEquals(200, store.statusCode());
    assertTrue(store.body().contains("store-page"));
    HttpResponse<String> page = api.get("/store/product?id=" + live, null);
    assertEquals(200, page.statusCode(), page.headers().map().toString());
    assertTrue(page.body().contains(w + " page product"));
    assertTrue(page.body().contains("id=\"buy-price\""), "the add-to-cart form is on the page");
    assertTrue(page.body().contains("75"), "the price");
    assertFalse(page.body().contains("product-manage"), "the edit link is the owner's");
    HttpResponse<String> hidden = api.get("/store/product?id=" + draft, null);
    assertFalse(hidden.body().contains("hidden draft"), "a draft is not shown");
    assertTrue(
        hidden.body().contains("product-missing") || hidden.body().contains("id=\"missing\""));
    String slug = (String) TestAccounts.query("select slug from ring.vendors where id = ?", v.id());
    HttpResponse<String> front = api.get("/store/vendor?slug=" + slug, null);
    assertEquals(200, front.statusCode());
    assertTrue(front.body().contains(w + " page product"));
    assertTrue(api.get("/uk/store", null).body().contains("Крамниця"));
    assertTrue(api.get("/ru/store/product?id=" + live, null).body().contains("Продавец"));
    HttpResponse<String> openapi = RingDeployment.get(base, "/openapi");
    for (String path :
        List.of(
            "/api/store/vendors/{id}",
            "/api/store/products/{id}/stock",
            "/api/store/products/{id}/variants/{variantId}",
            "/api/admin/store/vendors/{id}/{action}",
            "/api/admin/store/tiers/{code}",
            "/api/admin/store/products/{id}/reject")) {
      assertTrue(openapi.body().contains(path), path + " is in the OpenAPI document");
    }
    HttpResponse<String> dashboard = api.get("/vendor", null);
    assertTrue(
        dashboard.statusCode() == 302 || dashboard.statusCode() == 303,
        "the dashboard needs a sign-in: " + dashboard.statusCode());
  }
}
