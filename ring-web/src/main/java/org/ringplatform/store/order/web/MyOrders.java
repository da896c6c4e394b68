package org.ringplatform.store.order.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.order.OrderService;

/**
 * The buyer's orders ({@code /orders}), newest first. With {@code ?checkout=} it is also the
 * confirmation after a checkout: that checkout's orders are listed first under a thank-you note.
 */
@Named
@ViewScoped
public class MyOrders implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LIMIT = 50;

  @Inject private OrderService orders;
  @Inject private Caller caller;

  private Long checkout;
  private transient List<OrderService.Summary> items;
  private transient List<OrderService.Summary> confirmed;
  private transient List<OrderService.VendorRef> vendors;

  public List<OrderService.Summary> getItems() {
    if (items == null) {
      try {
        items = orders.mine(caller.require(), null, 0, LIMIT).items();
      } catch (RingException e) {
        OrderMessages.refusal(e, null);
        items = List.of();
      }
    }
    return items;
  }

  /** The orders of the checkout just placed, or empty. */
  public List<OrderService.Summary> getConfirmed() {
    if (confirmed == null) {
      confirmed = checkout == null ? List.of() : orders.ofCheckout(caller.require(), checkout);
    }
    return confirmed;
  }

  /** The stores the caller owns (a link to their orders). */
  public List<OrderService.VendorRef> getVendors() {
    if (vendors == null) {
      vendors = orders.vendorsOf(caller.require());
    }
    return vendors;
  }

  public Long getCheckout() {
    return checkout;
  }

  public void setCheckout(Long checkout) {
    this.checkout = checkout;
  }
}
