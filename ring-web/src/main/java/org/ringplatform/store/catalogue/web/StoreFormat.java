package org.ringplatform.store.catalogue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.ringplatform.ledger.Money;

/**
 * Prices and rates for the store's pages in the page's language ({@code
 * #{storeFormat.price(p.fromPriceMinor(), p.currency())}}): amounts are kept in minor units and
 * only formatted here. Used by the catalogue, cart, checkout and order pages alike.
 */
@Named
@ApplicationScoped
public class StoreFormat {

  static Locale locale() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context == null || context.getViewRoot() == null
        ? Locale.ENGLISH
        : context.getViewRoot().getLocale();
  }

  /** An amount of minor units with its currency, e.g. "UAH 1,250.00" or "1 250,00 грн". */
  public String price(long minor, String currency) {
    return format(minor, currency, locale());
  }

  static String format(long minor, String currency, Locale locale) {
    Money money = Money.of(minor, currency);
    NumberFormat f = NumberFormat.getCurrencyInstance(locale);
    try {
      f.setCurrency(Currency.getInstance(money.currency()));
    } catch (IllegalArgumentException e) {
      return money.toString();
    }
    int digits = Money.digits(money.currency());
    f.setMinimumFractionDigits(digits);
    f.setMaximumFractionDigits(digits);
    String text = f.format(money.toDecimal());
    // Where the language has no symbol for the currency its code is used, glued to the number
    // ("UAH249.90"); a no-break space keeps it readable and on one line.
    String code = money.currency();
    if (text.startsWith(code)
        && text.length() > code.length()
        && Character.isDigit(text.charAt(code.length()))) {
      text = code + '\u00a0' + text.substring(code.length());
    }
    return text;
  }

  /**
   * The amount as a plain number in the page's language followed by its currency code ("1 250,00
   * UAH"), for tables and totals where amounts line up.
   */
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

  /** An amount of minor units as the decimal an editor's input shows ("1250.00"). */
  public BigDecimal decimal(long minor, String currency) {
    return Money.of(minor, currency).toDecimal();
  }

  /** Basis points as a percentage, e.g. 1750 → "17.5 %". */
  public String percent(int bps) {
    NumberFormat f = NumberFormat.getNumberInstance(locale());
    f.setMaximumFractionDigits(2);
    return f.format(bps / 100.0) + " %";
  }
}
