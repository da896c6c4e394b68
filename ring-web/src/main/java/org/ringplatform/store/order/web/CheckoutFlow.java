package org.ringplatform.store.order.web;

import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.UUID;
import org.ringplatform.i18n.web.PortalLocale;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.Redirect;
import org.ringplatform.referral.Referrals;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.cart.web.CartBadge;
import org.ringplatform.store.cart.web.CartCookie;
import org.ringplatform.store.order.CheckoutService;

/**
 * The checkout page ({@code /checkout}): the cart split into one order per vendor with the server's
 * prices and shipping, the shipping address when something ships, the choice of card or credits,
 * and the button. The page holds one idempotency key, so a double click places one order. Credits
 * are paid at once and lead to the confirmation; a card payment continues on {@code /pay?ref=};
 * while card payments are not available the page says so and nothing is stored.
 */
@Named
@ViewScoped
public class CheckoutFlow implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CheckoutService checkouts;
  @Inject private Caller caller;
  @Inject private PortalLocale portalLocale;
  @Inject private CartCookie cookie;

  private final String clientKey = "page-" + UUID.randomUUID();
  private String rail = "credits";
  private String name;
  private String phone;
  private String address;
  private String city;
  private String postalCode;
  private String country = "UA";
  private String email;
  private String notes;
  private boolean cardUnavailable;
  private transient CheckoutService.Quote quote;

  public CheckoutService.Quote getQuote() {
    if (quote == null) {
      // A visitor's cart joins the account's before it is priced (first cart access after sign-in).
      cookie.reading(CartBadge.response());
      quote = checkouts.quote(caller.require());
    }
    return quote;
  }

  public void place() {
    cardUnavailable = false;
    try {
      CheckoutService.Result result =
          checkouts.checkout(
              caller.require(),
              new CheckoutService.Request(
                  "card".equals(rail) ? PaymentRail.CARD : PaymentRail.CREDITS,
                  null,
                  getQuote().needsShipping()
                      ? new CheckoutService.Address(
                          name, phone, address, city, postalCode, country, email, notes)
                      : null,
                  clientKey,
                  referralCode()));
      Redirect.to(portalLocale.href(result.next()));
    } catch (RingException e) {
      if (e.kind() == RingException.Kind.UNAVAILABLE && "card".equals(rail)) {
        cardUnavailable = true;
      }
      OrderMessages.refusal(e, "checkout");
      quote = null;
    } catch (EJBException e) {
      OrderMessages.refusal(
          new RingException(RingException.Kind.UNAVAILABLE, "store_busy", null, "Busy"), null);
      quote = null;
    }
  }

  private static String referralCode() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) {
        if (Referrals.COOKIE.equals(c.getName())) {
          return c.getValue();
        }
      }
    }
    return null;
  }

  public boolean isCardUnavailable() {
    return cardUnavailable;
  }

  public String getRail() {
    return rail;
  }

  public void setRail(String rail) {
    this.rail = rail;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }
}
