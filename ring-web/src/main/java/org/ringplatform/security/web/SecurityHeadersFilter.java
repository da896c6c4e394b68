package org.ringplatform.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Adds the browser-hardening headers to every response: no MIME sniffing, no framing by other
 * sites, a strict referrer policy and HSTS when the request came over HTTPS. Declared in web.xml,
 * first in the chain.
 */
public class SecurityHeadersFilter extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    // PrimeFaces needs inline scripts and styles; framing, plugins and base-URI tricks are off.
    res.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
            + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'");
    if (req.isSecure()) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(req, res);
  }
}
