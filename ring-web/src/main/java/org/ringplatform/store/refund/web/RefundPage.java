package org.ringplatform.store.refund.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;
import org.ringplatform.ledger.Money;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.BundleMessages;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.refund.RefundService;

/**
 * The refund page of one order ({@code /refund?order=}), for an admin or the order's vendor: what
 * was paid and refunded, the buyer's request, earlier refunds (with a processor's refusal), and the
 * form for a full or partial refund (amount, reason, restock), or declining the request. The form
 * carries an idempotency key, so a double submit refunds once. Others find no such order.
 */
@Named
@ViewScoped
public class RefundPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final BundleMessages MESSAGES = new BundleMessages("mon");

  @Inject private RefundService refunds;
  @Inject private Caller caller;

  private Long order;
  private boolean missing;
  private String amount;
  private String reason;
  private boolean restock;
  private String note;
  private String key = UUID.randomUUID().toString();
  private transient RefundService.OrderView view;

  /** The view action: loads the order, or marks it missing. */
  public void load() {
    missing = order == null || getView() == null || !view.manager();
    if (!missing && amount == null) {
      amount = Money.of(view.refundableMinor(), view.currency()).toDecimal().toPlainString();
    }
  }

  public RefundService.OrderView getView() {
    if (view == null && order != null) {
      try {
        view = refunds.order(caller.require(), order);
      } catch (RingException e) {
        view = null;
      }
    }
    return view;
  }

  /** Refunds the amount typed (in major units); a refusal is shown next to its field. */
  public void refund() {
    RefundService.OrderView v = getView();
    Long minor;
    try {
      minor = Money.parse(amount == null ? "" : amount, v.currency()).minor();
    } catch (RuntimeException e) {
      MESSAGES.error("refund", "amount", "error.amount_invalid");
      return;
    }
    try {
      RefundService.Outcome outcome =
          refunds.refund(
              caller.require(), new RefundService.Request(order, minor, reason, restock, key));
      RefundService.Refund r = outcome.refund();
      if (r.succeeded()) {
        MESSAGES.info("refund.done", r.id(), Money.of(r.amountMinor(), r.currency()).toString());
        reason = null;
      } else {
        MESSAGES.error(null, null, "refund.failed", r.id(), r.failure());
      }
      key = UUID.randomUUID().toString();
    } catch (RingException e) {
      MESSAGES.refusal(e, "refund");
    }
    view = null;
    RefundService.OrderView fresh = getView();
    if (fresh != null) {
      amount = Money.of(fresh.refundableMinor(), fresh.currency()).toDecimal().toPlainString();
    }
  }

  public void decline() {
    try {
      String status = refunds.decline(caller.require(), order, note);
      MESSAGES.info("refund.declined", status);
      note = null;
    } catch (RingException e) {
      MESSAGES.refusal(e, "decline");
    }
    view = null;
  }

  public boolean isMissing() {
    return missing;
  }

  public Long getOrder() {
    return order;
  }

  public void setOrder(Long order) {
    this.order = order;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public boolean isRestock() {
    return restock;
  }

  public void setRestock(boolean restock) {
    this.restock = restock;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getKey() {
    return key;
  }
}
