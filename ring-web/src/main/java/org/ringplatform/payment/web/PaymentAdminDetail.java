package org.ringplatform.payment.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;
import org.ringplatform.ledger.Money;
import org.ringplatform.payment.PaymentConsole;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.WalletTopUps;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.BundleMessages;
import org.ringplatform.security.web.Caller;

/**
 * One transaction in the console ({@code /admin/payment?ref=}): its facts, status history, webhook
 * deliveries and refunds; a button that reconciles it with the processor, and for wallet top-ups a
 * refund form.
 */
@Named
@ViewScoped
public class PaymentAdminDetail implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final BundleMessages MESSAGES = new BundleMessages("pay");

  @Inject private PaymentConsole console;
  @Inject private WalletTopUps topUps;
  @Inject private Caller caller;

  private String ref;
  private transient PaymentConsole.Detail detail;
  private String refundAmount;
  private String refundReason;
  private String refundKey = UUID.randomUUID().toString();

  /** The view action. */
  public void load() {
    detail = null;
  }

  public PaymentConsole.Detail getDetail() {
    if (detail == null && ref != null && !ref.isBlank()) {
      detail = console.detail(caller.require(), ref).orElse(null);
    }
    return detail;
  }

  public boolean isMissing() {
    return getDetail() == null;
  }

  public String amount(long minor, String currency) {
    return Money.of(minor, currency).toString();
  }

  /** Whether the refund form applies: a paid wallet top-up with something left to refund. */
  public boolean isRefundable() {
    PaymentConsole.Detail d = getDetail();
    return d != null
        && d.payment().purpose().equals(PaymentPurpose.WALLET_TOPUP.id())
        && (d.payment().status().equals("paid")
            || d.payment().status().equals("partially_refunded"));
  }

  public void reconcile() {
    try {
      console.reconcile(caller.require(), ref);
      MESSAGES.info("admin.reconciled");
    } catch (RingException e) {
      MESSAGES.refusal(e, null);
    }
    detail = null;
  }

  public void refund() {
    PaymentConsole.Detail d = getDetail();
    if (d == null) {
      return;
    }
    long minor;
    try {
      minor = Money.parse(refundAmount == null ? "" : refundAmount, d.payment().currency()).minor();
    } catch (RuntimeException e) {
      MESSAGES.error("refund", "amount", "error.amount");
      return;
    }
    try {
      var outcome = topUps.refund(caller.require(), ref, minor, refundKey, refundReason);
      if (outcome.succeeded()) {
        MESSAGES.info("admin.refunded");
        refundAmount = null;
        refundReason = null;
        refundKey = UUID.randomUUID().toString();
      }
    } catch (RingException e) {
      MESSAGES.refusal(e, "refund");
    }
    detail = null;
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }

  public String getRefundAmount() {
    return refundAmount;
  }

  public void setRefundAmount(String refundAmount) {
    this.refundAmount = refundAmount;
  }

  public String getRefundReason() {
    return refundReason;
  }

  public void setRefundReason(String refundReason) {
    this.refundReason = refundReason;
  }
}
