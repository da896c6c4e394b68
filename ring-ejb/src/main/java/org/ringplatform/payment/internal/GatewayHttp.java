package org.ringplatform.payment.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP calls to the gateways: one JDK client, bounded timeouts, and retries only where the
 * gateway makes them safe (an idempotency key, or a read).
 */
final class GatewayHttp {

  /**
   * An answer.
   *
   * @param status HTTP status
   * @param body body text
   */
  record Reply(int status, String body) {}

  private final HttpClient client;
  private final Duration timeout;

  GatewayHttp(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Sends a request, trying up to {@code attempts} times when the network fails or the gateway
   * answers 409 (a concurrent request with the same idempotency key), 429 or 5xx.
   *
   * @param headers name, value pairs
   * @throws GatewayUnavailable when no attempt got a usable answer
   */
  Reply send(
      String method, String url, String contentType, String body, int attempts, String... headers) {
    GatewayUnavailable last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        pause(attempt);
      }
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
      for (int i = 0; i + 1 < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", contentType);
        b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      }
      try {
        HttpResponse<String> r =
            client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = r.statusCode();
        if (status == 409 || status == 429 || status >= 500) {
          last = new GatewayUnavailable(method + " " + path(url) + " answered " + status);
          continue;
        }
        return new Reply(status, r.body());
      } catch (IOException e) {
        last = new GatewayUnavailable(method + " " + path(url) + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GatewayUnavailable("interrupted", e);
      } catch (IllegalArgumentException e) {
        throw new GatewayUnavailable("bad gateway URL", e);
      }
    }
    throw last;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(200L * (attempt - 1) * (attempt - 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The path of a URL, for messages (never its query, which could carry a secret). */
  private static String path(String url) {
    try {
      return URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  /** An {@code application/x-www-form-urlencoded} body, in the map's order. */
  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
