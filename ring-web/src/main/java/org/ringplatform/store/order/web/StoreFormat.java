package org.ringplatform.store.order.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.util.Locale;
import org.ringplatform.ledger.Money;

/**
 * Amounts for the store's pages ({@code #{storeFormat.money(minor, currency)}}): minor units shown
 * as a decimal in the page's language with the currency's own number of digits, e.g. "1 250,00 UAH"
 * on a Ukrainian page.
 */
@Named
@ApplicationScoped
public class StoreFormat {

  private static Locale locale() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context == null || context.getViewRoot() == null
        ? Locale.ENGLISH
        : context.getViewRoot().getLocale();
  }

  /** The amount with its currency code; empty without a currency. */
  public String money(long minor, String currency) {
    if (currency == null || currency.isBlank()) {
      return "";
    }
    Money money = Money.of(minor, currency.strip());
    NumberFormat format = NumberFormat.getNumberInstance(locale());
    int digits = Money.digits(money.currency());
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(money.toDecimal()) + " " + money.currency();
  }
}
