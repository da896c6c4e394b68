package org.ringplatform.testing.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for the deployed API: requests with or without a bearer token. */
public final class Api {

  private final URL base;

  public Api(URL base) {
    this.base = base;
  }

  /** Sends {@code method path} with an optional JSON body and bearer token. */
  public HttpResponse<String> call(String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(RingDeployment.at(base, path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return RingDeployment.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw bytes with their own content type. */
  public HttpResponse<String> upload(String path, byte[] content, String contentType, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(RingDeployment.at(base, path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(content));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return RingDeployment.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Downloads raw bytes. */
  public HttpResponse<byte[]> download(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(RingDeployment.at(base, path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return RingDeployment.http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> get(String path, String token) throws Exception {
    return call("GET", path, null, token);
  }

  public HttpResponse<String> post(String path, String body, String token) throws Exception {
    return call("POST", path, body, token);
  }

  /** Tokens for an account, from the password grant; fails the test if refused. */
  public JsonObject tokens(String email, String password) throws Exception {
    HttpResponse<String> r =
        post(
            "/api/auth/token",
            "{\"grant_type\":\"password\",\"email\":\""
                + email
                + "\",\"password\":\""
                + password
                + "\"}",
            null);
    if (r.statusCode() != 200) {
      throw new AssertionError(
          "Token refused for " + email + ": " + r.statusCode() + " " + r.body());
    }
    return json(r);
  }

  /** The access token of an account. */
  public String accessToken(String email, String password) throws Exception {
    return tokens(email, password).getString("access_token");
  }

  public static JsonObject json(HttpResponse<String> r) {
    JsonStructure s = Json.createReader(new StringReader(r.body())).read();
    return (JsonObject) s;
  }

  public static jakarta.json.JsonArray jsonArray(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readArray();
  }
}
