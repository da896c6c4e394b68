package org.ringplatform.payment.api;

import java.util.Map;
import org.ringplatform.ledger.Money;
import org.ringplatform.payment.PaymentConductor.PaymentView;
import org.ringplatform.payment.PaymentStart;

/** The JSON shapes of the payments API. */
public final class PaymentJson {

  private PaymentJson() {}

  /**
   * A payment as its payer (or an admin) sees it.
   *
   * @param reference the order reference
   * @param purpose what it pays for
   * @param processor wayforpay, stripe or credits
   * @param rail card or credits
   * @param amountMinor amount in minor units
   * @param amount the amount as a decimal, e.g. {@code 150.00}
   * @param currency ISO 4217 code
   * @param status created, redirected, pending, processing, paid, failed, cancelled, refunded or
   *     partially_refunded
   * @param refundedMinor refunded so far
   * @param settled whether the status is final
   */
  public record Payment(
      String reference,
      String purpose,
      String processor,
      String rail,
      long amountMinor,
      String amount,
      String currency,
      String status,
      long refundedMinor,
      boolean settled) {

    public static Payment of(PaymentView p) {
      return new Payment(
          p.reference(),
          p.purpose(),
          p.processor(),
          p.rail(),
          p.amountMinor(),
          Money.of(p.amountMinor(), p.currency()).toDecimal().toPlainString(),
          p.currency(),
          p.status(),
          p.refundedMinor(),
          PaymentStatuses.isFinal(p.status()));
    }
  }

  /**
   * The next step of a started payment.
   *
   * @param reference the order reference
   * @param status its status now
   * @param mode DONE (nothing to do), NAVIGATE (go to {@code url}) or FORM_POST (post {@code
   *     fields} to {@code url})
   * @param url where to go or post; a context-relative {@code /pay?ref=...} for Stripe before its
   *     Checkout Session exists
   * @param fields the form's fields
   * @param payPage the portal page that performs this step in a browser
   */
  public record Step(
      String reference,
      String status,
      String mode,
      String url,
      Map<String, String> fields,
      String payPage) {

    public static Step of(PaymentStart s) {
      return new Step(
          s.reference(),
          s.status(),
          s.mode().name(),
          s.url(),
          s.fields(),
          "/pay?ref="
              + java.net.URLEncoder.encode(s.reference(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
