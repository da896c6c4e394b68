package org.ringplatform.store.order.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.order.OrderService;
import org.ringplatform.store.order.OrderStatus;

/**
 * One order ({@code /order?id=}) for its buyer, its vendor's owner or an admin: lines, totals, the
 * shipping address, the history as a timeline, and a button for each move the viewer may make. An
 * order the viewer is no party to shows "not found".
 */
@Named
@ViewScoped
public class OrderPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private OrderService orders;
  @Inject private Caller caller;

  private Long id;
  private boolean missing;
  private String note;
  private transient OrderService.Detail detail;

  /** The view action: loads the order named by {@code id}. */
  public void load() {
    missing = id == null || getDetail() == null;
  }

  public OrderService.Detail getDetail() {
    if (detail == null && id != null) {
      try {
        detail = orders.get(caller.require(), id);
      } catch (RingException e) {
        return null;
      }
    }
    return detail;
  }

  public void move(String to) {
    try {
      OrderStatus target = OrderStatus.fromId(to).orElseThrow();
      detail = orders.transition(caller.require(), id, target, note);
      note = null;
      OrderMessages.info("order.moved", OrderMessages.text("status." + target.id()));
    } catch (RingException e) {
      OrderMessages.refusal(e, "order");
      detail = null;
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isMissing() {
    return missing;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
