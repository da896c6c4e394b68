package org.ringplatform.wallet.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.ringplatform.ledger.Money;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.wallet.Wallets;

/**
 * The credits panel of an account's admin page ({@code /admin/user}): the person's balance and
 * latest movements, and the form with which an admin grants credits or takes them back, with a
 * reason. The service checks the admin role, the amount, the reason and the balance; each form
 * carries its own idempotency key, so a double submit posts once.
 */
@Named
@ViewScoped
public class UserCredits implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LATEST = 10;

  @Inject private Wallets wallets;
  @Inject private Caller caller;

  private String amount;
  private String reason;
  private String clientKey = UUID.randomUUID().toString();
  private transient Long balance;
  private transient List<Wallets.Movement> movements;

  public String getCurrency() {
    return wallets.currency();
  }

  /** The person's balance, in minor units. */
  public long balance(long userId) {
    if (balance == null) {
      balance = wallets.balance(userId);
    }
    return balance;
  }

  /** The person's latest movements, newest first. */
  public List<Wallets.Movement> movements(long userId) {
    if (movements == null) {
      movements = wallets.history(userId, 0, LATEST).items();
    }
    return movements;
  }

  /** The bundle key naming a movement's kind. */
  public String kindKey(String kind) {
    return WalletPage.KINDS.contains(kind) ? "kind." + kind : "kind.other";
  }

  public void grant(long userId) {
    adjust(userId, true);
  }

  public void takeBack(long userId) {
    adjust(userId, false);
  }

  private void adjust(long userId, boolean grant) {
    long minor;
    try {
      minor =
          Money.parse(amount == null ? "" : amount.strip().replace(',', '.'), getCurrency())
              .minor();
    } catch (NumberFormatException | ArithmeticException e) {
      WalletPage.MESSAGES.error("credits", "amount", "error.amount_invalid");
      return;
    }
    try {
      Wallets.Adjustment done =
          grant
              ? wallets.grant(caller.require(), userId, minor, reason, clientKey)
              : wallets.penalize(caller.require(), userId, minor, reason, clientKey);
      WalletPage.MESSAGES.info(
          grant ? "admin.credits.granted" : "admin.credits.takenBack",
          Money.of(minor, getCurrency()).toDecimal().toPlainString(),
          Money.of(done.balanceMinor(), getCurrency()).toDecimal().toPlainString(),
          getCurrency());
      amount = null;
      reason = null;
      clientKey = UUID.randomUUID().toString();
    } catch (RingException e) {
      if ("insufficient_funds".equals(e.code())) {
        WalletPage.MESSAGES.error("credits", "amount", "admin.credits.insufficient");
      } else {
        WalletPage.MESSAGES.refusal(e, "credits");
      }
    }
    balance = null;
    movements = null;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
