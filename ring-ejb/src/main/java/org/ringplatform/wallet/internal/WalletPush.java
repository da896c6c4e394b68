package org.ringplatform.wallet.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.ringplatform.ledger.WalletChanged;

/**
 * Tells a wallet's owner its new balance, the Tunnel event {@code wallet:balance} on {@code
 * user:<id>} that the wallet page and the header's balance follow. The message is written in the
 * transaction of the entry that changed the balance, so it is delivered once that commits and never
 * for a rolled-back spend.
 */
@ApplicationScoped
public class WalletPush {

  @Inject private WalletPusher pusher;

  void onChanged(@Observes WalletChanged change) {
    pusher.push(change);
  }
}
