package org.ringplatform.store.order.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.order.OrderService;
import org.ringplatform.store.order.OrderStatus;

/**
 * The admin list of orders ({@code /admin/orders}) with filters by status, vendor and buyer, 50 a
 * page; each order opens on its own page, where an admin has every admin move.
 */
@Named
@ViewScoped
public class AdminOrders implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SIZE = 50;

  @Inject private OrderService orders;
  @Inject private Caller caller;

  private String status;
  private Long vendorId;
  private Long buyerId;
  private int pageNumber;
  private transient OrderService.Page page;

  public List<String> getStatuses() {
    return Arrays.stream(OrderStatus.values()).map(OrderStatus::id).toList();
  }

  public OrderService.Page getPage() {
    if (page == null) {
      try {
        page =
            orders.all(
                caller.require(),
                new OrderService.Filter(status, vendorId, buyerId, null),
                pageNumber * SIZE,
                SIZE);
      } catch (RingException e) {
        OrderMessages.refusal(e, "filters");
        page = new OrderService.Page(List.of(), 0);
      }
    }
    return page;
  }

  public void search() {
    pageNumber = 0;
    page = null;
  }

  public void next() {
    pageNumber++;
    page = null;
  }

  public void previous() {
    pageNumber = Math.max(0, pageNumber - 1);
    page = null;
  }

  public boolean isHasNext() {
    return (long) (pageNumber + 1) * SIZE < getPage().total();
  }

  public boolean isHasPrevious() {
    return pageNumber > 0;
  }

  public int getPageNumber() {
    return pageNumber;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public Long getVendorId() {
    return vendorId;
  }

  public void setVendorId(Long vendorId) {
    this.vendorId = vendorId;
  }

  public Long getBuyerId() {
    return buyerId;
  }

  public void setBuyerId(Long buyerId) {
    this.buyerId = buyerId;
  }
}
