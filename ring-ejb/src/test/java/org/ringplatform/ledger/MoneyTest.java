package org.ringplatform.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Amounts are exact minor units; parsing, formatting and shares never lose or invent a cent. */
class MoneyTest {

  @Test
  void decimalAmountsParseToMinorUnitsOfTheCurrency() {
    assertEquals(154736, Money.parse("1547.36", "uah").minor());
    assertEquals(100, Money.parse("1", "USD").minor());
    assertEquals(500, Money.parse("500", "JPY").minor(), "yen have no minor digits");
  }

  @Test
  void moreDecimalsThanTheCurrencyHasAreRefusedRatherThanRounded() {
    assertThrows(ArithmeticException.class, () -> Money.parse("1.005", "UAH"));
  }

  @Test
  void formattingKeepsTheCurrencysDigits() {
    assertEquals("100.00", Money.of(10000, "UAH").toDecimal().toPlainString());
    assertEquals("0.05", Money.of(5, "EUR").toDecimal().toPlainString());
  }

  @Test
  void aShareInBasisPointsRoundsHalfUp() {
    assertEquals(200, Money.share(1000, 2000), "20 % of 10.00");
    assertEquals(1, Money.share(5, 1000), "10 % of 0.05 is 0.005, rounded up to 0.01");
    assertEquals(0, Money.share(4, 1000), "10 % of 0.04 is 0.004, rounded down");
    assertEquals(0, Money.share(1000, 0));
  }

  @Test
  void amountsInDifferentCurrenciesDoNotAdd() {
    assertThrows(IllegalArgumentException.class, () -> Money.of(1, "UAH").plus(Money.of(1, "USD")));
    assertEquals(Money.of(3, "UAH"), Money.of(1, "UAH").plus(Money.of(2, "UAH")));
  }

  @Test
  void aCurrencyMustBeAnIsoCode() {
    assertThrows(IllegalArgumentException.class, () -> new Money(1, "hryvnia"));
  }
}
