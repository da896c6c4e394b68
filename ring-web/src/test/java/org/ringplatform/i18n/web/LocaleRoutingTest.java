package org.ringplatform.i18n.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The routing rules: which locale serves an address, and when the visitor is redirected. */
class LocaleRoutingTest {

  private final LocaleRouting routing = new LocaleRouting("en", List.of("en", "uk", "ru"));

  private LocaleRouting.Decision page(String path, String cookie, String... languages) {
    return routing.decide(
        path, null, true, cookie, List.of(languages).stream().map(Locale::forLanguageTag).toList());
  }

  @Test
  void aPrefixedPathIsServedInItsLocaleWhateverTheVisitorPrefers() {
    assertEquals(new LocaleRouting.Serve("uk", "/about"), page("/uk/about", "ru", "ru"));
    assertEquals(new LocaleRouting.Serve("ru", "/"), page("/ru/", null));
  }

  @Test
  void aBarePathFollowsTheCookieFirst() {
    assertEquals(new LocaleRouting.Redirect("/ru/about", false), page("/about", "ru", "uk"));
    assertEquals(new LocaleRouting.Serve("en", "/about"), page("/about", "en", "uk"));
  }

  @Test
  void aBarePathFollowsAcceptLanguageWithoutACookie() {
    assertEquals(new LocaleRouting.Redirect("/uk/", false), page("/", null, "uk-UA", "en"));
    assertEquals(new LocaleRouting.Serve("en", "/"), page("/", null, "de", "fr"));
    assertEquals(new LocaleRouting.Redirect("/ru/", false), page("/", "xx", "de", "ru"));
  }

  @Test
  void theDefaultLocalesPrefixMovesToTheBarePathForGood() {
    assertEquals(new LocaleRouting.Redirect("/about", true), page("/en/about", null));
    assertEquals(new LocaleRouting.Redirect("/", true), page("/en", null));
  }

  @Test
  void aPrefixWithoutTrailingSlashGetsOne() {
    assertEquals(new LocaleRouting.Redirect("/uk/", true), page("/uk", null));
  }

  @Test
  void onlyWholeSegmentsArePrefixes() {
    assertEquals(new LocaleRouting.Serve("en", "/ukraine"), page("/ukraine", null));
  }

  @Test
  void postsAndNonPagesAreNeverRedirected() {
    assertInstanceOf(
        LocaleRouting.Serve.class,
        routing.decide("/about", null, false, "uk", List.of(Locale.forLanguageTag("uk"))));
  }

  @Test
  void theQueryStringSurvivesARedirect() {
    assertEquals(
        new LocaleRouting.Redirect("/uk/search?q=a", false),
        routing.decide("/search", "q=a", true, "uk", List.of()));
  }

  @Test
  void followingEveryRedirectEndsAfterAtMostTwoHops() {
    for (String path : List.of("/", "/en", "/en/x", "/uk", "/uk/x", "/x")) {
      for (String cookie : new String[] {null, "en", "uk", "ru", "zz"}) {
        String current = path;
        int hops = 0;
        LocaleRouting.Decision d = page(current, cookie, "ru");
        while (d instanceof LocaleRouting.Redirect r) {
          current = r.location();
          d = page(current, cookie, "ru");
          hops++;
          if (hops > 2) {
            throw new AssertionError("loop from " + path + " cookie=" + cookie);
          }
        }
      }
    }
  }

  @Test
  void addressesAreLocalisedWithoutPrefixForTheDefault() {
    assertEquals("/about", routing.localise("en", "/about"));
    assertEquals("/uk/about", routing.localise("uk", "/about"));
    assertEquals("/about", routing.localise("de", "/about"));
  }

  @Test
  void theSwitcherAcceptsOnlyLocalTargets() {
    assertEquals("/about?x=1", LocaleSwitchServlet.safeTarget("/about?x=1"));
    assertEquals("/", LocaleSwitchServlet.safeTarget("//evil.example"));
    assertEquals("/", LocaleSwitchServlet.safeTarget("https://evil.example"));
    assertEquals("/", LocaleSwitchServlet.safeTarget("/\\evil.example"));
    assertEquals("/", LocaleSwitchServlet.safeTarget("/a\r\nSet-Cookie: x"));
    assertEquals("/", LocaleSwitchServlet.safeTarget(null));
  }

  @Test
  void pagesAreExtensionlessPathsDirectoriesAndViews() {
    assertEquals(true, LocaleRoutingFilter.isPage("/"));
    assertEquals(true, LocaleRoutingFilter.isPage("/about"));
    assertEquals(true, LocaleRoutingFilter.isPage("/index.xhtml"));
    assertEquals(false, LocaleRoutingFilter.isPage("/favicon.ico"));
  }
}
