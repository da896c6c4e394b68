package org.ringplatform.store.cart.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.ringplatform.platform.RingException;
import org.ringplatform.store.cart.CartService;
import org.ringplatform.store.order.web.OrderMessages;

/**
 * The cart page ({@code /cart}), for visitors and members alike: lines at today's prices, the
 * quantity of each to change, removal, and the way to checkout (which asks a visitor to sign in;
 * their cart follows them into the account).
 */
@Named
@ViewScoped
public class CartPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CartService carts;
  @Inject private CartCookie cookie;

  private final Map<Long, String> quantities = new HashMap<>();
  private transient CartService.Cart cart;

  public CartService.Cart getCart() {
    if (cart == null) {
      cart =
          cookie
              .reading(CartBadge.response())
              .map(carts::view)
              .orElse(new CartService.Cart(java.util.List.of(), 0, null, 0));
      quantities.clear();
      cart.lines().forEach(l -> quantities.put(l.itemId(), String.valueOf(l.quantity())));
    }
    return cart;
  }

  /** The quantity being edited per line. */
  public Map<Long, String> getQuantities() {
    getCart();
    return quantities;
  }

  public void update(long itemId) {
    try {
      carts.update(cookie.writing(CartBadge.response()), itemId, quantity(quantities.get(itemId)));
      OrderMessages.info("cart.updated");
    } catch (RingException e) {
      OrderMessages.refusal(e, null);
    }
    cart = null;
  }

  /** A typed quantity; anything that is not a whole number is refused like 0. */
  static int quantity(Object typed) {
    try {
      return typed == null ? 0 : Integer.parseInt(typed.toString().strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public void remove(long itemId) {
    try {
      carts.remove(cookie.writing(CartBadge.response()), itemId);
      OrderMessages.info("cart.removed");
    } catch (RingException e) {
      OrderMessages.refusal(e, null);
    }
    cart = null;
  }
}
