package org.ringplatform.payment;

import java.util.Map;

/**
 * What the buyer does next after a payment was started: nothing (credits: already paid), navigate
 * to a URL (Stripe Checkout), or post a form to the gateway (WayForPay).
 *
 * @param transactionId the payment_transactions row
 * @param reference the unique order reference
 * @param status the transaction status now ({@code paid} for credits)
 * @param mode DONE, NAVIGATE or FORM_POST
 * @param url where to go or post, or null when DONE
 * @param fields form fields for FORM_POST, empty otherwise
 */
public record PaymentStart(
    long transactionId,
    String reference,
    String status,
    Mode mode,
    String url,
    Map<String, String> fields) {

  /** The next step's kind. */
  public enum Mode {
    DONE,
    NAVIGATE,
    FORM_POST
  }

  public PaymentStart {
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  public boolean paid() {
    return "paid".equals(status);
  }
}
