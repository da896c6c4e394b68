package org.ringplatform.payment.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Money;
import org.ringplatform.ledger.Posting;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.payment.PaymentRequest;
import org.ringplatform.payment.PaymentStart;
import org.ringplatform.payment.WalletTopUps;
import org.ringplatform.platform.RingException;

/** Wallet top-ups by card: the start within limits and the refund that takes the credits back. */
@Stateless
public class DefaultWalletTopUps implements WalletTopUps {

  @Inject private PaymentConductor conductor;
  @Inject private PaymentSettings settings;
  @Inject private Ledger ledger;

  @Override
  public PaymentStart start(AuthenticatedUser payer, TopUp t) {
    if (payer == null) {
      throw new RingException(
          RingException.Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
    }
    String currency =
        t.currency() == null || t.currency().isBlank()
            ? settings.platformCurrency()
            : t.currency().strip().toUpperCase(Locale.ROOT);
    if (!currency.equals(settings.platformCurrency())) {
      throw RingException.invalid(
          "currency_invalid",
          "currency",
          "Credits are bought in " + settings.platformCurrency() + ".");
    }
    if (t.amountMinor() < settings.topUpMin() || t.amountMinor() > settings.topUpMax()) {
      throw RingException.invalid(
          "amount_out_of_range",
          "amountMinor",
          "A top-up is between "
              + Money.of(settings.topUpMin(), currency)
              + " and "
              + Money.of(settings.topUpMax(), currency)
              + ".");
    }
    Money amount = Money.of(t.amountMinor(), currency);
    return conductor.start(
        new PaymentRequest(
            PaymentPurpose.WALLET_TOPUP,
            payer.id(),
            payer.id(),
            amount,
            PaymentRail.CARD,
            t.processor(),
            "Credits " + amount,
            List.of(new PaymentRequest.Line("Credits", 1, t.amountMinor())),
            t.returnUrl(),
            t.clientKey()));
  }

  @Override
  public PaymentConductor.RefundOutcome refund(
      AuthenticatedUser admin,
      String reference,
      long amountMinor,
      String idempotencyKey,
      String reason) {
    if (admin == null || !admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only administrators refund top-ups.");
    }
    PaymentConductor.PaymentView p =
        conductor
            .find(reference)
            .orElseThrow(() -> RingException.notFound("There is no such payment."));
    if (!p.purpose().equals(PaymentPurpose.WALLET_TOPUP.id())) {
      throw new RingException(
          RingException.Kind.CONFLICT,
          "not_a_topup",
          null,
          "Only top-ups are refunded here; orders and memberships are refunded through them.");
    }
    if (amountMinor <= 0) {
      throw RingException.invalid("amount", "amountMinor", "A refund needs a positive amount.");
    }
    // The credits come back first (refused when they were spent), then the money leaves.
    ledger.post(
        "topup-refund:" + idempotencyKey,
        "topup_refund",
        "Top-up refund " + reference,
        reference,
        admin.id(),
        List.of(
            Posting.debit(Account.wallet(p.userId(), p.currency()), amountMinor),
            Posting.credit(Account.paymentsClearing(p.currency()), amountMinor)));
    PaymentConductor.RefundOutcome outcome =
        conductor.refund(reference, amountMinor, idempotencyKey, reason);
    if (!outcome.succeeded()) {
      // Roll the wallet back too; the failed request stays on record under its key.
      throw new RingException(
          RingException.Kind.CONFLICT,
          "refund_failed",
          null,
          "The processor did not refund: " + outcome.failure());
    }
    return outcome;
  }
}
