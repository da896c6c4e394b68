package org.ringplatform.referral.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.referral.ReferralCodes;
import org.ringplatform.referral.Referrals;

/**
 * Share links (§11.2): {@code ?ref=CODE} on any address, pages and API alike, counts a visit of the
 * code for today and, when the visitor has no attribution yet, sets the first-touch cookie {@code
 * ring_ref} for 30 days (HttpOnly, SameSite=Lax, Secure over HTTPS). An unknown or inactive code
 * does nothing. Declared in web.xml before the locale routing, which may forward or redirect.
 */
public class ReferralCookieFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(ReferralCookieFilter.class.getName());

  @Inject private Referrals referrals;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String code = refOf(req.getQueryString());
    if (code != null && ReferralCodes.plausible(code)) {
      try {
        Optional<Referrals.Attribution> found = referrals.visit(code);
        if (found.isPresent() && cookie(req) == null) {
          res.addCookie(attribution(req, found.get().code()));
        }
      } catch (RuntimeException e) {
        // A share link must never break the page it leads to.
        LOG.log(Level.WARNING, "Could not record a referral visit", e);
      }
    }
    chain.doFilter(req, res);
  }

  /**
   * The {@code ref} value of a query string, read without touching the request parameters (which
   * would consume a form body before Faces or JAX-RS reads it); null when absent.
   */
  static String refOf(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (Referrals.PARAMETER.equals(name) && eq >= 0) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The visitor's attribution cookie's value, or null. */
  static String cookie(HttpServletRequest req) {
    Cookie[] cookies = req.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (Referrals.COOKIE.equals(c.getName()) && !c.getValue().isBlank()) {
          return c.getValue();
        }
      }
    }
    return null;
  }

  private static Cookie attribution(HttpServletRequest req, String code) {
    Cookie c = new Cookie(Referrals.COOKIE, code);
    c.setPath(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
    c.setMaxAge(Referrals.COOKIE_DAYS * 24 * 3600);
    c.setHttpOnly(true);
    c.setSecure(req.isSecure());
    c.setAttribute("SameSite", "Lax");
    return c;
  }
}
