package org.ringplatform.store.catalogue.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Prices kept in minor units are shown in the page's language with the currency's decimals. */
class StoreFormatTest {

  @Test
  void minorUnitsAreShownWithTheCurrencysDecimals() {
    assertEquals("UAH\u00a0249.90", StoreFormat.format(24990, "UAH", Locale.ENGLISH));
    assertEquals("UAH\u00a01,250.00", StoreFormat.format(125000, "UAH", Locale.ENGLISH));
    assertEquals("$0.05", StoreFormat.format(5, "USD", Locale.US));
    assertTrue(StoreFormat.format(1500, "JPY", Locale.ENGLISH).endsWith("1,500"));
  }

  @Test
  void ukrainianAndRussianPagesUseTheirOwnSeparators() {
    String uk = StoreFormat.format(125000, "UAH", Locale.forLanguageTag("uk"));
    assertTrue(uk.contains("250,00"), uk);
    String ru = StoreFormat.format(24990, "UAH", Locale.forLanguageTag("ru"));
    assertTrue(ru.contains("249,90"), ru);
  }
}
