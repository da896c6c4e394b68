package org.ringplatform.store.cart.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ringplatform.platform.RingException;
import org.ringplatform.store.cart.CartService;
import org.ringplatform.store.order.web.OrderMessages;

/**
 * The add-to-cart form of a product page ({@code /WEB-INF/includes/product-buy.xhtml}, included
 * with the parameter {@code productId}): the variant to choose when the product has variants, a
 * quantity from 1 to 999 and the button. The price shown and charged is the catalogue's.
 */
@Named
@ViewScoped
public class ProductBuy implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CartService carts;
  @Inject private CartCookie cookie;

  private Long variantId;
  private Integer quantity = 1;
  private Long loadedFor;
  private transient CartService.BuyOptions options;

  /** What the product offers, or null when there is no such product. */
  public CartService.BuyOptions options(Long productId) {
    if (productId == null) {
      return null;
    }
    if (options == null || !productId.equals(loadedFor)) {
      try {
        options = carts.options(productId);
        loadedFor = productId;
      } catch (RingException e) {
        return null;
      }
    }
    return options;
  }

  public void add(Long productId) {
    if (productId == null) {
      return;
    }
    try {
      CartService.Cart cart =
          carts.add(
              cookie.writing(CartBadge.response()),
              productId,
              variantId,
              quantity == null ? 0 : quantity);
      OrderMessages.info("buy.added", cart.count());
      quantity = 1;
    } catch (RingException e) {
      OrderMessages.refusal(e, "buy");
    }
    options = null;
  }

  public Long getVariantId() {
    return variantId;
  }

  public void setVariantId(Long variantId) {
    this.variantId = variantId;
  }

  public Integer getQuantity() {
    return quantity;
  }

  public void setQuantity(Integer quantity) {
    this.quantity = quantity;
  }
}
