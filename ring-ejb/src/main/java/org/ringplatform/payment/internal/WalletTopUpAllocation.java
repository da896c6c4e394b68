package org.ringplatform.payment.internal;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Posting;
import org.ringplatform.payment.PaymentConfirmed;
import org.ringplatform.payment.PaymentPurpose;

/**
 * The wallet top-up's effect: when a top-up is confirmed, its money moves from {@code
 * payments_clearing} to the payer's wallet (ledger recipe 4, {@code [topup:<ref>]}), in the
 * confirming transaction, so the credits appear exactly when the payment is marked paid.
 */
@ApplicationScoped
public class WalletTopUpAllocation {

  @Inject private Ledger ledger;

  void onConfirmed(@Observes @Priority(100) PaymentConfirmed paid) {
    if (paid.purpose() != PaymentPurpose.WALLET_TOPUP) {
      return;
    }
    String currency = paid.amount().currency();
    ledger.post(
        "topup:" + paid.reference(),
        "topup",
        "Wallet top-up " + paid.reference(),
        paid.reference(),
        paid.userId(),
        List.of(
            Posting.debit(Account.paymentsClearing(currency), paid.amount().minor()),
            Posting.credit(Account.wallet(paid.userId(), currency), paid.amount().minor())));
  }
}
