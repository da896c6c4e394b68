package org.ringplatform.payment;

import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.payment.PaymentConductor.PaymentView;

/**
 * A payer's side of a card payment: the gateway step of {@code /pay} (the signed WayForPay form, or
 * a Stripe Checkout Session created on first use) and the status of {@code /payment-result},
 * reconciled with the processor while it is open. A payment is visible to its payer and to admins
 * only; to anyone else it does not exist.
 */
public interface PaymentPortal {

  /** The payment if {@code viewer} paid it or is an admin. */
  Optional<PaymentView> view(AuthenticatedUser viewer, String reference);

  /**
   * What the payer does next for an open payment: post the stored WayForPay form, or navigate to
   * the Stripe Checkout Session (created with the idempotency key persisted at start, so a retry
   * never opens a second one). A payment that is no longer open answers {@code DONE}. The first
   * step moves the payment from {@code created} to {@code redirected}.
   *
   * @throws org.ringplatform.platform.RingException NOT_FOUND unless {@code payer} paid it,
   *     UNAVAILABLE ({@code processor_unavailable}) when the processor cannot be reached
   */
  PaymentStart checkout(AuthenticatedUser payer, String reference);

  /**
   * The payment as it stands, asking the processor first when it is still open and was not asked in
   * the last few seconds (so a page that polls does not flood the gateway).
   *
   * @throws org.ringplatform.platform.RingException NOT_FOUND unless {@code viewer} paid it or is
   *     an admin
   */
  PaymentView refresh(AuthenticatedUser viewer, String reference);
}
