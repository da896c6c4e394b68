package org.ringplatform.store.cart.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.platform.PlatformModule;
import org.ringplatform.platform.PlatformSettings;
import org.ringplatform.store.cart.CartService;

/**
 * The cart link in the header with the number of items ({@code #{cartBadge.count}}): shown when the
 * store is switched on. Its first read after sign-in merges a visitor's cart into the account's.
 */
@Named
@RequestScoped
public class CartBadge {

  private static final Logger LOG = Logger.getLogger(CartBadge.class.getName());

  @Inject private CartCookie cookie;
  @Inject private CartService carts;
  @Inject private PlatformSettings settings;

  private Integer count;

  public boolean isShown() {
    return settings.whiteLabel().enabled(PlatformModule.STORE);
  }

  public int getCount() {
    if (count == null) {
      try {
        count = cookie.reading(response()).map(carts::count).orElse(0);
      } catch (RuntimeException e) {
        // The header renders on every page, error pages included: a badge never breaks a page.
        LOG.log(Level.FINE, "Cart badge unavailable", e);
        count = 0;
      }
    }
    return count;
  }

  /** The response of the current Faces request (for the cart cookie), or null outside one. */
  public static HttpServletResponse response() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context == null
        ? null
        : (HttpServletResponse) context.getExternalContext().getResponse();
  }
}
