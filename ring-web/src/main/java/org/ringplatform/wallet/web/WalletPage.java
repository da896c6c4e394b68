package org.ringplatform.wallet.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ringplatform.i18n.web.PortalLocale;
import org.ringplatform.ledger.Money;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.BundleMessages;
import org.ringplatform.portal.web.Redirect;
import org.ringplatform.security.web.Caller;
import org.ringplatform.wallet.Wallets;

/**
 * The wallet page ({@code /wallet}): the balance (kept live by the layout's Tunnel script), the
 * history page by page, and the card top-up form, which starts the payment and sends the person to
 * pay.
 */
@Named
@ViewScoped
public class WalletPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int PAGE = 20;
  static final BundleMessages MESSAGES = new BundleMessages("mem");

  /** Ledger entry kinds that have a label of their own in the {@code mem} bundle. */
  public static final List<String> KINDS =
      List.of(
          "payment",
          "topup",
          "refund",
          "referral_reward_paid",
          "credit_grant",
          "credit_penalty",
          "reversal");

  @Inject private Wallets wallets;
  @Inject private Caller caller;
  @Inject private PortalLocale portalLocale;

  private String amount;
  private int shown = PAGE;
  private transient Wallets.History history;
  private transient Long balance;

  public long getBalanceMinor() {
    if (balance == null) {
      balance = wallets.balance(caller.require().id());
    }
    return balance;
  }

  public String getCurrency() {
    return wallets.currency();
  }

  public Wallets.Limits getLimits() {
    return wallets.topUpLimits();
  }

  /** The smallest and largest top-up as decimals, for the form's hint. */
  public String getMinAmount() {
    return Money.of(getLimits().minMinor(), getCurrency()).toDecimal().toPlainString();
  }

  public String getMaxAmount() {
    return Money.of(getLimits().maxMinor(), getCurrency()).toDecimal().toPlainString();
  }

  private Wallets.History history() {
    if (history == null) {
      history = wallets.history(caller.require().id(), 0, Math.min(shown, 100));
    }
    return history;
  }

  public List<Wallets.Movement> getMovements() {
    return history().items();
  }

  /** Whether older movements can be shown. */
  public boolean isMore() {
    return history().more() && shown < 100;
  }

  public void more() {
    shown = Math.min(100, shown + PAGE);
    refresh();
  }

  /** Drops what was read, so the next render shows the current balance and history. */
  public void refresh() {
    history = null;
    balance = null;
  }

  /** The bundle key naming a movement's kind ({@code kind.other} for kinds without a label). */
  public String kindKey(String kind) {
    return KINDS.contains(kind) ? "kind." + kind : "kind.other";
  }

  /** Starts a card top-up and sends the person to the payment page. */
  public void topUp() {
    long minor;
    try {
      minor = Money.parse(amount == null ? "" : amount.replace(',', '.'), getCurrency()).minor();
    } catch (NumberFormatException | ArithmeticException e) {
      MESSAGES.error("topup", "amount", "error.topup_amount", getMinAmount(), getMaxAmount());
      return;
    }
    try {
      Wallets.TopUp started = wallets.startTopUp(caller.require(), minor, null);
      if (started.payUrl() == null) {
        MESSAGES.info("wallet.topup.done");
        refresh();
        return;
      }
      Redirect.to(
          portalLocale.href("/pay")
              + "?ref="
              + URLEncoder.encode(started.reference(), StandardCharsets.UTF_8));
    } catch (RingException e) {
      if ("topup_amount".equals(e.code())) {
        MESSAGES.error("topup", "amount", "error.topup_amount", getMinAmount(), getMaxAmount());
      } else {
        MESSAGES.refusal(e, "topup");
      }
    }
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }
}
