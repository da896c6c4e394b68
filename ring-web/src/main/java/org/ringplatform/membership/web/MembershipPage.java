package org.ringplatform.membership.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ringplatform.i18n.web.PortalLocale;
import org.ringplatform.membership.Memberships;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.BundleMessages;
import org.ringplatform.portal.web.Redirect;
import org.ringplatform.security.web.Caller;
import org.ringplatform.wallet.Wallets;

/**
 * The membership page ({@code /membership}): the plans and prices, the person's status and periods,
 * and buying a period by card (off to the payment page) or with credits (done at once; the page
 * reloads so that the new role shows everywhere).
 */
@Named
@ViewScoped
public class MembershipPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final BundleMessages MESSAGES = new BundleMessages("mem");

  @Inject private Memberships memberships;
  @Inject private Wallets wallets;
  @Inject private Caller caller;
  @Inject private PortalLocale portalLocale;

  private transient Memberships.Status status;
  private transient Long balance;

  public Memberships.Status getStatus() {
    if (status == null) {
      status = memberships.status(caller.require().id());
    }
    return status;
  }

  public List<Memberships.Price> getPrices() {
    return memberships.prices();
  }

  public int getGraceDays() {
    return memberships.graceDays();
  }

  public long getBalanceMinor() {
    if (balance == null) {
      balance = wallets.balance(caller.require().id());
    }
    return balance;
  }

  public String getCurrency() {
    return wallets.currency();
  }

  /** Whether the credits cover {@code price}. */
  public boolean affordable(Memberships.Price price) {
    return getBalanceMinor() >= price.amountMinor();
  }

  /** Buys {@code plan} paying by {@code rail} ({@code card} or {@code credits}). */
  public void buy(String plan, String rail) {
    try {
      Memberships.Purchase p = memberships.purchase(caller.require(), plan, rail, null);
      if (p.payUrl() != null) {
        Redirect.to(
            portalLocale.href("/pay")
                + "?ref="
                + URLEncoder.encode(p.reference(), StandardCharsets.UTF_8));
        return;
      }
      MESSAGES.info("membership.bought");
      // Post-redirect-get: the next request sees the new role in the header and menus.
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      Redirect.to(portalLocale.href("/membership"));
    } catch (RingException e) {
      MESSAGES.refusal(e, null);
      status = null;
      balance = null;
    }
  }
}
