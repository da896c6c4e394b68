package org.ringplatform.store.order.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.order.OrderService;
import org.ringplatform.store.order.OrderStatus;

/**
 * The orders of the caller's stores ({@code /vendor/orders}), paid ones only, newest first, with
 * the fulfilment moves (fulfilling, shipped, delivered) on each row; everything else is on the
 * order's own page. Another store's orders never show.
 */
@Named
@ViewScoped
public class VendorOrders implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LIMIT = 100;

  /** The moves offered on a row. */
  private static final Set<OrderStatus> ROW_MOVES =
      EnumSet.of(OrderStatus.FULFILLING, OrderStatus.SHIPPED, OrderStatus.DELIVERED);

  /** The status filters. */
  private static final List<String> FILTERS =
      List.of("all", "paid", "fulfilling", "shipped", "delivered", "completed", "refund_requested");

  @Inject private OrderService orders;
  @Inject private Caller caller;

  private String status;
  private transient OrderService.Page page;
  private transient List<OrderService.VendorRef> vendors;

  public List<String> getFilters() {
    return FILTERS;
  }

  public String getStatus() {
    return status == null || !FILTERS.contains(status) ? "all" : status;
  }

  public void setStatus(String status) {
    this.status = status;
    page = null;
  }

  public List<OrderService.VendorRef> getVendors() {
    if (vendors == null) {
      vendors = orders.vendorsOf(caller.require());
    }
    return vendors;
  }

  public OrderService.Page getPage() {
    if (page == null) {
      try {
        page =
            orders.forVendor(
                caller.require(), null, "all".equals(getStatus()) ? null : getStatus(), 0, LIMIT);
      } catch (RingException e) {
        OrderMessages.refusal(e, null);
        page = new OrderService.Page(List.of(), 0);
      }
    }
    return page;
  }

  /** The fulfilment moves a vendor may make on an order in {@code status}. */
  public List<String> moves(String status) {
    return OrderStatus.fromId(status)
        .map(s -> s.nextFor(OrderStatus.Actor.VENDOR))
        .orElse(Set.of())
        .stream()
        .filter(ROW_MOVES::contains)
        .map(OrderStatus::id)
        .toList();
  }

  public void move(long orderId, String to) {
    try {
      orders.transition(caller.require(), orderId, OrderStatus.fromId(to).orElseThrow(), null);
      OrderMessages.info("order.moved", OrderMessages.text("status." + to));
    } catch (RingException e) {
      OrderMessages.refusal(e, null);
    }
    page = null;
  }
}
