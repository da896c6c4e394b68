package org.ringplatform.wallet.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.ringplatform.ledger.Money;
import org.ringplatform.ledger.WalletChanged;
import org.ringplatform.tunnel.Tunnel;

/**
 * Writes the balance message to the Tunnel's outbox in a transaction of its own: it runs after the
 * changing transaction committed, when that one can no longer take writes.
 */
@Stateless
public class WalletPusher {

  /** The Tunnel event carrying a wallet's new balance. */
  public static final String EVENT = "wallet:balance";

  @Inject private Tunnel tunnel;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void push(WalletChanged change) {
    tunnel.toUser(
        change.userId(),
        EVENT,
        "{\"balanceMinor\":"
            + change.balanceMinor()
            + ",\"currency\":\""
            + change.currency()
            + "\",\"balance\":\""
            + Money.of(change.balanceMinor(), change.currency()).toDecimal().toPlainString()
            + "\",\"entryId\":"
            + change.entryId()
            + "}");
  }
}
