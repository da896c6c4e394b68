package org.ringplatform.i18n.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.testing.web.RingDeployment;

/**
 * Locale routing on the deployed portal: English at {@code /}, Ukrainian under {@code /uk/},
 * Russian under {@code /ru/}; an explicit choice (cookie) beats the browser's languages; no
 * combination of address, cookie and languages makes the redirects loop.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LocaleRoutingIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void theHomePageIsEnglishAtTheRoot() throws Exception {
    HttpResponse<String> r = RingDeployment.get(base, "/");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("lang=\"en\""));
    assertTrue(r.body().contains("Welcome to Arq-Ring"));
  }

  @Test
  void ukrainianAndRussianLiveUnderTheirPrefixes() throws Exception {
    HttpResponse<String> uk = RingDeployment.get(base, "/uk/");
    assertEquals(200, uk.statusCode());
    assertTrue(uk.body().contains("lang=\"uk\""));
    assertTrue(uk.body().contains("Ласкаво просимо до Arq-Ring"));
    assertTrue(uk.body().contains("href=\"/uk/about\""), "links keep the prefix");
    HttpResponse<String> ru = RingDeployment.get(base, "/ru/about");
    assertEquals(200, ru.statusCode());
    assertTrue(ru.body().contains("О платформе"));
  }

  @Test
  void theLocaleCookieSendsABarePathToThatLocale() throws Exception {
    HttpResponse<String> r = RingDeployment.get(base, "/about", "Cookie", "ring-locale=ru");
    assertEquals(302, r.statusCode());
    assertEquals("/ru/about", r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void acceptLanguageDecidesWhenThereIsNoCookie() throws Exception {
    HttpResponse<String> r =
        RingDeployment.get(base, "/", "Accept-Language", "uk-UA,uk;q=0.9,en;q=0.5");
    assertEquals(302, r.statusCode());
    assertEquals("/uk/", r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void anExplicitEnglishChoiceBeatsTheBrowserLanguage() throws Exception {
    HttpResponse<String> r =
        RingDeployment.get(base, "/", "Accept-Language", "ru", "Cookie", "ring-locale=en");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("lang=\"en\""));
  }

  @Test
  void theSwitcherRemembersTheChoiceAndStaysOnThePage() throws Exception {
    HttpResponse<String> r = RingDeployment.get(base, "/locale?lang=uk&to=%2Fabout");
    assertEquals(303, r.statusCode());
    assertEquals("/uk/about", r.headers().firstValue("Location").orElseThrow());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("ring-locale=uk"));
    assertTrue(cookie.contains("HttpOnly"));
    assertTrue(cookie.contains("SameSite=Lax"));
  }

  @Test
  void theSwitcherIsNotAnOpenRedirect() throws Exception {
    for (String to : List.of("https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%2F%5Cevil")) {
      HttpResponse<String> r = RingDeployment.get(base, "/locale?lang=en&to=" + to);
      assertEquals("/", r.headers().firstValue("Location").orElseThrow(), to);
    }
  }

  @Test
  void noCombinationOfAddressCookieAndLanguageLoops() throws Exception {
    List<String> failures = new ArrayList<>();
    for (String path :
        List.of("/", "/about", "/uk/", "/uk", "/ru/about", "/en/about", "/en", "/nope")) {
      for (String cookie : new String[] {null, "en", "uk", "ru", "xx"}) {
        for (String lang : new String[] {null, "en", "uk", "ru-RU", "de"}) {
          String current = path;
          int hops = 0;
          int status;
          do {
            List<String> headers = new ArrayList<>();
            if (cookie != null) {
              headers.add("Cookie");
              headers.add("ring-locale=" + cookie);
            }
            if (lang != null) {
              headers.add("Accept-Language");
              headers.add(lang);
            }
            HttpResponse<String> r =
                RingDeployment.get(base, current, headers.toArray(String[]::new));
            status = r.statusCode();
            if (status / 100 == 3) {
              current = r.headers().firstValue("Location").orElseThrow();
              hops++;
            }
          } while (status / 100 == 3 && hops < 5);
          if (hops >= 3 || (status != 200 && status != 404)) {
            failures.add(
                path
                    + " cookie="
                    + cookie
                    + " lang="
                    + lang
                    + " -> "
                    + status
                    + " after "
                    + hops
                    + " hops");
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(String.join("\n", failures));
    }
  }

  @Test
  void anUnknownPageIsTheBranded404InTheRightLanguage() throws Exception {
    HttpResponse<String> en = RingDeployment.get(base, "/no/such/page");
    assertEquals(404, en.statusCode());
    assertTrue(en.body().contains("Page not found"));
    assertTrue(en.body().contains("Arq-Ring"), "branded");
    assertFalse(en.body().contains("Caused by"), "no stack trace");
    assertFalse(
        en.body().matches("(?s).*\\bat (org|java|jakarta)\\.[\\w.$]+\\(.*"), "no stack frames");
    HttpResponse<String> uk = RingDeployment.get(base, "/uk/no-such-page");
    assertEquals(404, uk.statusCode());
    assertTrue(uk.body().contains("Сторінку не знайдено"));
  }

  @Test
  void pagesCarryTheSecurityHeaders() throws Exception {
    HttpResponse<String> r = RingDeployment.get(base, "/");
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(
        r.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("frame-ancestors 'none'"));
  }
}
