package org.ringplatform.i18n.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides, for one request path, which locale serves it: the default locale at {@code /}, every
 * other supported locale under its own prefix ({@code /uk/}, {@code /ru/}). An unprefixed page
 * request is sent to the visitor's preferred locale (the {@code ring-locale} cookie, then {@code
 * Accept-Language}); a prefixed request is always served as it is, so redirects cannot loop.
 *
 * @param defaultLocale the locale served without a prefix
 * @param supported every locale on offer, including the default
 */
public record LocaleRouting(String defaultLocale, List<String> supported) {

  /** Name of the cookie the locale switcher sets. */
  public static final String COOKIE = "ring-locale";

  /** What to do with a request. */
  public sealed interface Decision permits Serve, Redirect {}

  /**
   * Serve the request in {@code locale}, as if it had asked for {@code path}.
   *
   * @param locale the locale of the response
   * @param path the path without its locale prefix
   */
  public record Serve(String locale, String path) implements Decision {}

  /**
   * Send the client to {@code location} (a path without the context root).
   *
   * @param location the target path and query
   * @param permanent whether the address moved for good (301) or only for this visitor (302)
   */
  public record Redirect(String location, boolean permanent) implements Decision {}

  /**
   * The decision for {@code path} (context root removed) and {@code query} (may be null).
   *
   * @param isPageGet whether this is a GET or HEAD of a page, the only requests we redirect
   * @param cookie the value of the {@code ring-locale} cookie, or null
   * @param acceptLanguages the client's languages, most wanted first
   */
  public Decision decide(
      String path, String query, boolean isPageGet, String cookie, List<Locale> acceptLanguages) {
    String suffix = query == null || query.isEmpty() ? "" : "?" + query;
    Optional<String> prefix = prefixOf(path);
    if (prefix.isPresent()) {
      String locale = prefix.get();
      String rest = path.substring(locale.length() + 1);
      if (locale.equals(defaultLocale)) {
        return new Redirect((rest.isEmpty() ? "/" : rest) + suffix, true);
      }
      if (rest.isEmpty()) {
        return new Redirect("/" + locale + "/" + suffix, true);
      }
      return new Serve(locale, rest);
    }
    if (isPageGet) {
      String preferred = preferred(cookie, acceptLanguages);
      if (!preferred.equals(defaultLocale)) {
        return new Redirect("/" + preferred + path + suffix, false);
      }
    }
    return new Serve(defaultLocale, path);
  }

  /** The supported locale that {@code path} starts with as a whole segment, if any. */
  public Optional<String> prefixOf(String path) {
    for (String locale : supported) {
      String p = "/" + locale;
      if (path.equals(p) || path.startsWith(p + "/")) {
        return Optional.of(locale);
      }
    }
    return Optional.empty();
  }

  /** The locale a visitor prefers: an explicit choice first, then the browser's languages. */
  public String preferred(String cookie, List<Locale> acceptLanguages) {
    if (cookie != null && supported.contains(cookie)) {
      return cookie;
    }
    for (Locale wanted : acceptLanguages) {
      String language = wanted.getLanguage();
      if (supported.contains(language)) {
        return language;
      }
    }
    return defaultLocale;
  }

  /** The address of {@code path} in {@code locale}: unprefixed for the default locale. */
  public String localise(String locale, String path) {
    String p = path == null || path.isEmpty() ? "/" : path;
    return locale.equals(defaultLocale) || !supported.contains(locale) ? p : "/" + locale + p;
  }
}
