package org.ringplatform.store.catalogue.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.ringplatform.platform.PlatformSettings;
import org.ringplatform.platform.WhiteLabel;

/**
 * The STORE module switch: enabled, requests pass; disabled, the store's pages answer the 404 page
 * and its API a 404 problem body, and nothing behind the filter runs.
 */
class StoreModuleFilterTest {

  /** What the filter did to the response. */
  private static final class Answer {
    final Map<String, Object> calls = new HashMap<>();
    final StringWriter body = new StringWriter();
  }

  private static HttpServletRequest request(String path) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            StoreModuleFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRequestURI" -> "/ring" + path;
                  case "getContextPath" -> "/ring";
                  default -> null;
                });
  }

  private static HttpServletResponse response(Answer answer) {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            StoreModuleFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getWriter")) {
                return new PrintWriter(answer.body, true);
              }
              answer.calls.put(method.getName(), args == null ? null : args[0]);
              return null;
            });
  }

  private static StoreModuleFilter filter(String modules) throws Exception {
    PlatformSettings settings = new PlatformSettings();
    Field wl = PlatformSettings.class.getDeclaredField("whiteLabel");
    wl.setAccessible(true);
    wl.set(
        settings,
        WhiteLabel.from(k -> Optional.ofNullable(Map.of("ring.modules", modules).get(k))));
    StoreModuleFilter filter = new StoreModuleFilter();
    Field f = StoreModuleFilter.class.getDeclaredField("settings");
    f.setAccessible(true);
    f.set(filter, settings);
    return filter;
  }

  @Test
  void anEnabledStorePassesRequestsOn() throws Exception {
    AtomicBoolean passed = new AtomicBoolean();
    FilterChain chain = (req, res) -> passed.set(true);
    Answer answer = new Answer();
    filter("entities,store").doFilter(request("/store"), response(answer), chain);
    assertTrue(passed.get());
    assertTrue(answer.calls.isEmpty());
  }

  @Test
  void aDisabledStoresPagesAreNotFound() throws Exception {
    AtomicBoolean passed = new AtomicBoolean();
    Answer answer = new Answer();
    filter("entities,news")
        .doFilter(request("/store/product"), response(answer), (req, res) -> passed.set(true));
    assertFalse(passed.get());
    assertEquals(404, answer.calls.get("sendError"));
  }

  @Test
  void aDisabledStoresApiAnswersAProblem() throws Exception {
    AtomicBoolean passed = new AtomicBoolean();
    Answer answer = new Answer();
    filter("entities")
        .doFilter(
            request("/api/store/products/1"), response(answer), (req, res) -> passed.set(true));
    assertFalse(passed.get());
    assertEquals(404, answer.calls.get("setStatus"));
    assertEquals("application/problem+json", answer.calls.get("setContentType"));
    assertTrue(
        answer.body.toString().contains("\"code\":\"module_disabled\""), answer.body.toString());
  }
}
