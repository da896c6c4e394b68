package org.ringplatform.wallet.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.ringplatform.ledger.Money;

/**
 * Amounts for the pages ({@code #{credits.format(minor, currency)}}): minor units shown as a
 * decimal with the currency's digits and its code, e.g. {@code 120.00 UAH}; credits are minor units
 * of the store currency, so a balance reads the same.
 */
@Named
@ApplicationScoped
public class Credits {

  /** {@code 12050} UAH as {@code 120.50 UAH}. */
  public String format(long minor, String currency) {
    return Money.of(minor, currency).toString();
  }

  /** A signed amount, {@code +120.50 UAH} or {@code -3.00 UAH}. */
  public String signed(long minor, String currency) {
    return (minor > 0 ? "+" : "") + format(minor, currency);
  }
}
