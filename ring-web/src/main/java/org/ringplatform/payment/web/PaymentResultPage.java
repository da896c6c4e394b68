package org.ringplatform.payment.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ringplatform.ledger.Money;
import org.ringplatform.payment.PaymentConductor.PaymentView;
import org.ringplatform.payment.PaymentPortal;
import org.ringplatform.payment.api.PaymentStatuses;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The result of a payment ({@code /payment-result?ref=}), where the gateways send the payer back:
 * its status, refreshed (and reconciled with the gateway) every few seconds until it is final.
 * Visible to its payer and admins only.
 */
@Named("paymentResult")
@ViewScoped
public class PaymentResultPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private PaymentPortal portal;
  @Inject private Caller caller;

  private String ref;
  private boolean missing;
  private PaymentView payment;

  /** The view action. */
  public void load() {
    refresh();
  }

  /** Asks again (the page's poll). */
  public void refresh() {
    missing = true;
    if (ref == null || ref.isBlank()) {
      return;
    }
    try {
      payment = portal.refresh(caller.require(), ref);
      missing = false;
    } catch (RingException e) {
      payment = null;
    }
  }

  public boolean isMissing() {
    return missing;
  }

  public boolean isFinal() {
    return payment == null || PaymentStatuses.isFinal(payment.status());
  }

  /**
   * Whether the payer can go (back) to the gateway: the payment has not reached it or the payer
   * left it (a cancelled Stripe Checkout comes back here).
   */
  public boolean isResumable() {
    return payment != null
        && (payment.status().equals("created") || payment.status().equals("redirected"))
        && caller.find().map(u -> u.id() == payment.userId()).orElse(false);
  }

  public PaymentView getPayment() {
    return payment;
  }

  /** The amount with its currency, e.g. {@code 150.00 UAH}. */
  public String getAmount() {
    return payment == null ? "" : Money.of(payment.amountMinor(), payment.currency()).toString();
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }
}
