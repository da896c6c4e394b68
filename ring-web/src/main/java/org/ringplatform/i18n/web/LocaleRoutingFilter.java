package org.ringplatform.i18n.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.ringplatform.platform.PlatformSettings;
import org.ringplatform.platform.WhiteLabel;

/**
 * Routes page requests by locale prefix and serves pages at extension-less addresses: {@code
 * /uk/about} is served by {@code /about.xhtml} in Ukrainian, {@code /} by {@code /index.xhtml} in
 * the default locale. The API, Faces resources and the locale switcher pass through untouched.
 * Declared in web.xml so it runs before everything else.
 */
public class LocaleRoutingFilter extends HttpFilter {

  /** Request attribute holding the locale chosen for this request. */
  public static final String LOCALE_ATTRIBUTE = "ring.locale";

  @Inject private PlatformSettings settings;

  private LocaleRouting routing;

  @Override
  public void init() {
    WhiteLabel wl = settings.whiteLabel();
    routing = new LocaleRouting(wl.defaultLocale(), wl.supportedLocales());
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (path.isEmpty()) {
      path = "/";
    }
    if (passesThrough(path)) {
      req.setAttribute(LOCALE_ATTRIBUTE, routing.defaultLocale());
      chain.doFilter(req, res);
      return;
    }
    boolean pageGet =
        ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) && isPage(path);
    List<Locale> languages =
        req.getHeader("Accept-Language") == null ? List.of() : Collections.list(req.getLocales());
    LocaleRouting.Decision decision =
        routing.decide(path, req.getQueryString(), pageGet, cookie(req), languages);
    res.addHeader("Vary", "Cookie, Accept-Language");
    if (decision instanceof LocaleRouting.Redirect redirect) {
      res.setStatus(redirect.permanent() ? 301 : 302);
      res.setHeader("Location", req.getContextPath() + redirect.location());
      return;
    }
    LocaleRouting.Serve serve = (LocaleRouting.Serve) decision;
    req.setAttribute(LOCALE_ATTRIBUTE, serve.locale());
    String target = viewFor(serve.path());
    if (target.equals(path)) {
      chain.doFilter(req, res);
    } else {
      req.getRequestDispatcher(target).forward(req, res);
    }
  }

  private static boolean passesThrough(String path) {
    return path.equals("/api")
        || path.startsWith("/api/")
        || path.startsWith("/jakarta.faces.resource/")
        || path.equals(LocaleSwitchServlet.PATH);
  }

  /** Pages are extension-less addresses, directories and Facelets views. */
  static boolean isPage(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isEmpty() || !last.contains(".") || last.endsWith(".xhtml");
  }

  /**
   * The resource that serves {@code path}: {@code /x/} by its index view, {@code /x} by x.xhtml.
   */
  String viewFor(String path) {
    if (path.endsWith("/")) {
      return path + "index.xhtml";
    }
    if (!isPage(path) || path.endsWith(".xhtml")) {
      return path;
    }
    String view = path + ".xhtml";
    return exists(view) ? view : path;
  }

  private boolean exists(String resource) {
    try {
      return getServletContext().getResource(resource) != null;
    } catch (MalformedURLException e) {
      return false;
    }
  }

  private static String cookie(HttpServletRequest req) {
    Cookie[] cookies = req.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (LocaleRouting.COOKIE.equals(c.getName())) {
          return c.getValue();
        }
      }
    }
    return null;
  }
}
