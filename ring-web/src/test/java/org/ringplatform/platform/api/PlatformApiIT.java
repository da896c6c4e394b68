package org.ringplatform.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.testing.web.RingDeployment;

/**
 * The REST base on Payara Micro: the public platform read, and problem-details errors for every
 * kind of bad request, never a 500 or a stack trace for a client mistake.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static JsonObject json(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  private HttpResponse<String> post(String path, String body, String type) throws Exception {
    return RingDeployment.http()
        .send(
            HttpRequest.newBuilder(RingDeployment.at(base, path))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        "problem media type");
    JsonObject p = json(r);
    assertEquals(status, p.getInt("status"));
    assertFalse(p.getString("title").isBlank());
    assertFalse(p.getString("detail").isBlank());
    assertFalse(r.body().contains("Exception"), "no exception names leak");
    assertFalse(r.body().contains("at org."), "no stack frames leak");
  }

  @Test
  void platformReturnsThePublicWhiteLabelSettings() throws Exception {
    HttpResponse<String> r = RingDeployment.get(base, "/api/platform");
    assertEquals(200, r.statusCode());
    JsonObject p = json(r);
    assertEquals("Arq-Ring", p.getString("name"));
    assertEquals("en", p.getString("defaultLocale"));
    assertEquals(3, p.getJsonArray("supportedLocales").size());
    assertTrue(p.getString("primaryColor").matches("#[0-9a-fA-F]{6}"));
    assertTrue(p.containsKey("modules"));
  }

  @Test
  void anUnknownApiPathIsA404Problem() throws Exception {
    assertProblem(RingDeployment.get(base, "/api/no-such-thing"), 404);
  }

  @Test
  void aWrongMethodIsA405ProblemThatNamesTheAllowedOnes() throws Exception {
    HttpResponse<String> r =
        RingDeployment.http()
            .send(
                HttpRequest.newBuilder(RingDeployment.at(base, "/api/platform")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    assertProblem(r, 405);
    assertTrue(r.headers().firstValue("Allow").orElse("").contains("GET"));
  }

  @Test
  void malformedJsonIsA400Problem() throws Exception {
    assertProblem(post("/api/test-probe", "{\"email\": \"a@b.c\", ", "application/json"), 400);
    assertProblem(post("/api/test-probe", "[1,2", "application/json"), 400);
  }

  @Test
  void aValidationFailureIsA400ProblemNamingEachField() throws Exception {
    HttpResponse<String> r =
        post("/api/test-probe", "{\"email\": \"not-an-email\", \"age\": 7}", "application/json");
    assertProblem(r, 400);
    var fields =
        json(r).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList();
    assertEquals(java.util.List.of("age", "email"), fields);
  }

  @Test
  void aValidBodyPasses() throws Exception {
    HttpResponse<String> r =
        post("/api/test-probe", "{\"email\": \"ok@ring.local\", \"age\": 30}", "application/json");
    assertEquals(200, r.statusCode());
    assertEquals("ok@ring.local", json(r).getString("email"));
  }

  @Test
  void anUnsupportedMediaTypeIsA415Problem() throws Exception {
    assertProblem(post("/api/test-probe", "email=x", "application/x-www-form-urlencoded"), 415);
  }

  @Test
  void anUnexpectedFailureIsA500ProblemWithoutInternals() throws Exception {
    HttpResponse<String> r = RingDeployment.get(base, "/api/test-probe/boom");
    assertProblem(r, 500);
    assertFalse(r.body().contains("secret internal detail"));
    assertTrue(json(r).getString("detail").contains("incident"));
  }

  @Test
  void readinessReportsTheDatabaseAndTheSchemaUp() throws Exception {
    HttpResponse<String> r = RingDeployment.get(base, "/health/ready");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject health = json(r);
    assertEquals("UP", health.getString("status"));
    JsonObject db = health.getJsonArray("checks").getJsonObject(0);
    assertEquals("database", db.getString("name"));
    assertEquals(
        db.getJsonObject("data").getString("expectedVersion"),
        db.getJsonObject("data").getString("schemaVersion"));
  }

  @Test
  void metricsAndOpenApiAreServed() throws Exception {
    HttpResponse<String> metrics = RingDeployment.get(base, "/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("base_") || metrics.body().contains("jvm"), "JVM metrics");
    HttpResponse<String> openapi = RingDeployment.get(base, "/openapi");
    assertEquals(200, openapi.statusCode());
    assertTrue(openapi.body().contains("/api/platform"));
    assertTrue(openapi.body().contains("/api/auth/token"));
    assertTrue(openapi.body().contains("/api/admin/users/{id}/role"));
    assertTrue(openapi.body().contains("bearer"), "the security scheme is described");
  }
}
