package org.ringplatform.wallet.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.ledger.WalletChanged;

/**
 * Tells a wallet's owner its new balance once the entry that changed it has committed (a
 * rolled-back spend is never announced): the Tunnel event {@code wallet:balance} on {@code
 * user:<id>}, which the wallet page and the header's balance follow.
 */
@ApplicationScoped
public class WalletPush {

  private static final Logger LOG = Logger.getLogger(WalletPush.class.getName());

  @Inject private WalletPusher pusher;

  void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) WalletChanged change) {
    try {
      pusher.push(change);
    } catch (RuntimeException e) {
      // The money moved; a lost push only means the page shows the balance at its next load.
      LOG.log(Level.WARNING, "Could not push the balance of wallet " + change.userId(), e);
    }
  }
}
