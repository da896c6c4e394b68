package org.ringplatform.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount of money: a whole number of minor units (kopiykas, cents) and its ISO 4217
 * currency. Shares of an amount are taken in basis points with half-up rounding, and callers give
 * the remainder to one party, so the parts of an amount always add up to it.
 *
 * @param minor amount in minor units
 * @param currency upper-case ISO 4217 code
 */
public record Money(long minor, String currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("Not a currency code: " + currency);
    }
  }

  public static Money of(long minor, String currency) {
    return new Money(minor, currency.toUpperCase(Locale.ROOT));
  }

  /**
   * Parses a decimal amount such as {@code "1547.36"}; more decimals than the currency has fail.
   */
  public static Money parse(String amount, String currency) {
    String code = currency.toUpperCase(Locale.ROOT);
    BigDecimal value = new BigDecimal(amount.strip());
    return new Money(value.movePointRight(digits(code)).longValueExact(), code);
  }

  /** Minor-unit digits of a currency (2 for UAH, USD, EUR; 0 for JPY). */
  public static int digits(String currency) {
    try {
      int d = Currency.getInstance(currency).getDefaultFractionDigits();
      return d < 0 ? 2 : d;
    } catch (IllegalArgumentException e) {
      return 2;
    }
  }

  /** The amount as a decimal in major units, scale = the currency's digits ({@code 100.00}). */
  public BigDecimal toDecimal() {
    return BigDecimal.valueOf(minor, digits(currency));
  }

  /** {@code bps} basis points of {@code minor}, rounded half up. */
  public static long share(long minor, int bps) {
    return BigDecimal.valueOf(minor)
        .multiply(BigDecimal.valueOf(bps))
        .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minor, other.minor), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minor, other.minor), currency);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(currency + " and " + other.currency + " do not add up");
    }
  }

  @Override
  public String toString() {
    return toDecimal().toPlainString() + " " + currency;
  }
}
