package org.ringplatform.i18n.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ringplatform.platform.PlatformSettings;
import org.ringplatform.platform.WhiteLabel;

/**
 * The locale switcher's target: {@code /locale?lang=uk&to=/about} remembers the choice in the
 * {@code ring-locale} cookie for a year and sends the visitor to the same page in that locale. Only
 * local paths are accepted as targets, so the switcher cannot be used as an open redirect.
 */
@WebServlet(LocaleSwitchServlet.PATH)
public class LocaleSwitchServlet extends HttpServlet {

  public static final String PATH = "/locale";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  @Inject private PlatformSettings settings;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    WhiteLabel wl = settings.whiteLabel();
    LocaleRouting routing = new LocaleRouting(wl.defaultLocale(), wl.supportedLocales());
    String lang = req.getParameter("lang");
    if (lang == null || !wl.supportedLocales().contains(lang)) {
      lang = wl.defaultLocale();
    }
    String to = safeTarget(req.getParameter("to"));
    // Strip a locale prefix the target may carry, then address it in the chosen locale.
    String bare = routing.prefixOf(to).map(p -> to.substring(p.length() + 1)).orElse(to);
    Cookie cookie = new Cookie(LocaleRouting.COOKIE, lang);
    cookie.setPath(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
    cookie.setMaxAge(ONE_YEAR);
    cookie.setHttpOnly(true);
    cookie.setSecure(req.isSecure());
    cookie.setAttribute("SameSite", "Lax");
    res.addCookie(cookie);
    res.setStatus(303);
    res.setHeader(
        "Location", req.getContextPath() + routing.localise(lang, bare.isEmpty() ? "/" : bare));
  }

  /** A local absolute path, or {@code /} for anything else (other hosts, schemes, odd bytes). */
  public static String safeTarget(String to) {
    if (to == null
        || !to.startsWith("/")
        || to.startsWith("//")
        || to.contains("\\")
        || to.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "/";
    }
    return to;
  }
}
