package org.ringplatform.ledger.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import org.ringplatform.ledger.Money;

/**
 * Money for the pages ({@code #{amounts.format(minor, currency)}}): minor units shown in major
 * units with the currency's digits, grouped in the page's language, followed by the currency code.
 */
@Named
@ApplicationScoped
public class Amounts {

  private static Locale locale() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context == null || context.getViewRoot() == null
        ? Locale.ENGLISH
        : context.getViewRoot().getLocale();
  }

  /** E.g. "1,234.56 UAH" (English) or "1 234,56 UAH" (Ukrainian); empty for a null amount. */
  public String format(Long minor, String currency) {
    if (minor == null || currency == null) {
      return "";
    }
    return format(minor.longValue(), currency, locale());
  }

  static String format(long minor, String currency, Locale locale) {
    Money money = Money.of(minor, currency);
    BigDecimal value = money.toDecimal();
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(value.scale());
    f.setMaximumFractionDigits(value.scale());
    return f.format(value) + " " + money.currency();
  }

  /** The amount as the decimal an input shows, e.g. "1234.56". */
  public String plain(Long minor, String currency) {
    return minor == null || currency == null
        ? ""
        : Money.of(minor, currency).toDecimal().toPlainString();
  }
}
