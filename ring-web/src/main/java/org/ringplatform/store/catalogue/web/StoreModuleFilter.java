package org.ringplatform.store.catalogue.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.ringplatform.api.Problem;
import org.ringplatform.platform.PlatformModule;
import org.ringplatform.platform.PlatformSettings;

/**
 * Switches the store off where the operator did not enable it ({@code ring.modules} without {@code
 * store}): its pages, its photos and its API answer 404 as if they did not exist, the API with a
 * problem body. The navigation hides its entries the same way ({@code NavigationModel}). Locale
 * prefixed pages reach their views by a forward, which this filter also sees.
 */
@WebFilter(
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD},
    urlPatterns = {
      "/store",
      "/store.xhtml",
      "/store/*",
      "/vendor",
      "/vendor.xhtml",
      "/vendor/*",
      "/admin/vendors",
      "/admin/vendors.xhtml",
      "/admin/vendor-tiers",
      "/admin/vendor-tiers.xhtml",
      "/admin/products",
      "/admin/products.xhtml",
      "/api/store/*",
      "/api/admin/store/*"
    })
public class StoreModuleFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject private transient PlatformSettings settings;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (settings.whiteLabel().enabled(PlatformModule.STORE)) {
      chain.doFilter(req, res);
      return;
    }
    refuse(req, res);
  }

  /** The answer of a switched-off module: a problem body for the API, the 404 page otherwise. */
  static void refuse(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (path.startsWith("/api/")) {
      res.setStatus(404);
      res.setContentType(Problem.MEDIA_TYPE);
      res.setCharacterEncoding(StandardCharsets.UTF_8.name());
      res.getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                  + "\"detail\":\"The store is not enabled on this platform.\","
                  + "\"code\":\"module_disabled\"}");
      return;
    }
    res.sendError(404);
  }
}
