package org.ringplatform.testing.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HTTP, form, HTML and MAC helpers shared by the gateway stand-ins (JDK only). */
final class StandInHttp {

  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private StandInHttp() {}

  static String body(HttpExchange x) throws IOException {
    return new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** A form body as ordered (name, value) pairs; names may repeat. */
  static List<Map.Entry<String, String>> formPairs(String body) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (body == null || body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(
          Map.entry(
              URLDecoder.decode(k, StandardCharsets.UTF_8),
              URLDecoder.decode(v, StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** A form body as a map (the last value of a repeated name wins). */
  static Map<String, String> form(String body) {
    Map<String, String> m = new LinkedHashMap<>();
    formPairs(body).forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  static void send(HttpExchange x, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", contentType);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    }
    x.close();
  }

  static void redirect(HttpExchange x, String location) throws IOException {
    x.getResponseHeaders().set("Location", location);
    x.sendResponseHeaders(303, -1);
    x.close();
  }

  static String esc(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;")
            .replace("'", "&#39;");
  }

  /** A whole HTML page around {@code content}. */
  static String page(String title, String content) {
    return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><meta name=\"viewport\""
        + " content=\"width=device-width, initial-scale=1\"><title>"
        + esc(title)
        + "</title><style>body{font-family:sans-serif;max-width:36rem;margin:2rem auto;"
        + "padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid"
        + " #ddd;padding:.4rem;text-align:left}button{font-size:1.1rem;padding:.6rem 1.4rem;"
        + "margin:.5rem .5rem 0 0}.note{color:#777;font-size:.85rem}</style></head><body>"
        + content
        + "</body></html>";
  }

  /** Posts a body and returns the answer (status and text). */
  static HttpResponse<String> post(String url, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String hmacHex(String algorithm, String secret, String message) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code url} with its scheme, host and port replaced by {@code base}'s, when a base is set: in
   * tests Ring's configured public address is not the address it really listens on.
   */
  static String rebase(String url, String base) {
    if (base == null || url == null) {
      return url;
    }
    URI u = URI.create(url);
    String tail =
        (u.getRawPath() == null ? "" : u.getRawPath())
            + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    URI b = URI.create(base.replaceAll("/+$", ""));
    String basePath = b.getRawPath() == null ? "" : b.getRawPath();
    // The context root of a test deployment is part of its base URL.
    if (!basePath.isEmpty() && !tail.startsWith(basePath + "/")) {
      tail = basePath + tail;
    }
    return b.getScheme() + "://" + b.getRawAuthority() + tail;
  }
}
