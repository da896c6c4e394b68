package org.ringplatform.wallet.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ringplatform.ledger.Money;
import org.ringplatform.platform.PlatformModule;
import org.ringplatform.platform.PlatformSettings;
import org.ringplatform.security.web.Caller;
import org.ringplatform.wallet.Wallets;

/**
 * The header's credits balance: shown to signed-in people when the wallet module is on, kept up to
 * date by the page's script from the Tunnel's {@code wallet:balance} events.
 */
@Named
@RequestScoped
public class WalletBadge {

  @Inject private Wallets wallets;
  @Inject private Caller caller;
  @Inject private PlatformSettings settings;

  private String balance;

  /** Whether the header shows the balance. */
  public boolean isShown() {
    return caller.find().isPresent() && settings.whiteLabel().enabled(PlatformModule.WALLET);
  }

  /** The caller's balance as a decimal ({@code 120.00}). */
  public String getBalance() {
    if (balance == null) {
      balance =
          caller
              .find()
              .map(u -> Money.of(wallets.balance(u.id()), wallets.currency()))
              .map(m -> m.toDecimal().toPlainString())
              .orElse("");
    }
    return balance;
  }

  public String getCurrency() {
    return wallets.currency();
  }
}
