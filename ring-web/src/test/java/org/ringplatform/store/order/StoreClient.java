package org.ringplatform.store.order;

import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;

/**
 * A browser-like API client for the store tests: it keeps cookies (the anonymous cart's {@code
 * ring_cart}, a referral's {@code ring_ref}) and may carry a bearer token, so a test can be a
 * visitor first and sign in later.
 */
public final class StoreClient {

  private final URL base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String token;

  public StoreClient(URL base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(cookies)
            .build();
  }

  /** Signs in with the password grant; later calls carry the access token. */
  public StoreClient signIn(String email, String password) throws Exception {
    token = new Api(base).accessToken(email, password);
    return this;
  }

  public String token() {
    return token;
  }

  public CookieManager cookies() {
    return cookies;
  }

  public HttpResponse<String> call(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(RingDeployment.at(base, path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws Exception {
    return call("GET", path, null);
  }

  public HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    return call("POST", path, body, headers);
  }

  /** Adds a product to the cart and returns the cart, failing unless it is accepted. */
  public JsonObject add(long productId, Long variantId, int quantity) throws Exception {
    HttpResponse<String> r =
        post(
            "/api/store/cart/items",
            "{\"productId\":"
                + productId
                + (variantId == null ? "" : ",\"variantId\":" + variantId)
                + ",\"quantity\":"
                + quantity
                + "}");
    if (r.statusCode() != 200) {
      throw new AssertionError("Add to cart refused: " + r.statusCode() + " " + r.body());
    }
    return Api.json(r);
  }

  /** The cart. */
  public JsonObject cart() throws Exception {
    return Api.json(get("/api/store/cart"));
  }

  /** A checkout paid with credits, shipping to a test address. */
  public HttpResponse<String> checkoutWithCredits(String idempotencyKey) throws Exception {
    return post(
        "/api/store/checkout",
        "{\"rail\":\"credits\",\"shipping\":" + ADDRESS + "}",
        idempotencyKey == null ? new String[0] : new String[] {"Idempotency-Key", idempotencyKey});
  }

  /** A valid shipping address. */
  public static final String ADDRESS =
      "{\"name\":\"Olena Test\",\"phone\":\"+380 44 123 4567\",\"address\":\"Khreshchatyk 1\","
          + "\"city\":\"Kyiv\",\"postalCode\":\"01001\",\"country\":\"UA\"}";

  /**
   * Runs the store's housekeeping job through the admin API and waits for it to end: a run already
   * under way (the schedule's) is waited out first, so the run this starts sees what the test just
   * wrote.
   */
  public static void runHousekeeping(URL base, String adminToken) throws Exception {
    Api api = new Api(base);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      HttpResponse<String> started = api.post("/api/admin/store/housekeeping", null, adminToken);
      if (started.statusCode() == 202) {
        long runId = Api.json(started).getJsonNumber("id").longValue();
        while (System.nanoTime() < deadline) {
          JsonObject run = Api.json(api.get("/api/admin/matcher/runs/" + runId, adminToken));
          if (!run.getBoolean("open")) {
            if (!"completed".equals(run.getString("status"))) {
              throw new AssertionError("Housekeeping ended " + run);
            }
            return;
          }
          Thread.sleep(200);
        }
        throw new AssertionError("Housekeeping did not end in time");
      }
      if (started.statusCode() != 409 || System.nanoTime() > deadline) {
        throw new AssertionError(
            "Housekeeping not started: " + started.statusCode() + " " + started.body());
      }
      Thread.sleep(300);
    }
  }
}
