package org.ringplatform.settlement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringplatform.settlement.SettlementService.Payout;

/**
 * The bank's CSV: a header and one line per payout with the amount in major units; commas, quotes
 * and line breaks are quoted, and a cell a spreadsheet would run as a formula is defused.
 */
class PayoutCsvTest {

  private static Payout payout(String vendor, String details, long minor, String currency) {
    OffsetDateTime t = OffsetDateTime.of(2026, 11, 21, 2, 0, 0, 0, ZoneOffset.UTC);
    return new Payout(
        7,
        3,
        42,
        vendor,
        details,
        minor,
        0,
        currency,
        "scheduled",
        "RING-PAYOUT-3",
        null,
        t,
        null,
        null);
  }

  @Test
  void listsEachPayoutWithItsAmountInMajorUnits() {
    String csv =
        DefaultSettlementService.csv(
            List.of(payout("Kyiv Ceramics", "UA213223130000026007233566001", 123_456, "UAH")));
    assertEquals(
        "payout_id,settlement_id,vendor_id,vendor,payout_details,amount,currency,reference\r\n"
            + "7,3,42,Kyiv Ceramics,UA213223130000026007233566001,1234.56,UAH,RING-PAYOUT-3\r\n",
        csv);
  }

  @Test
  void quotesSeparatorsAndDefusesFormulas() {
    assertEquals(
        "\"Smith, Jones & \"\"Co\"\"\"", DefaultSettlementService.cell("Smith, Jones & \"Co\""));
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", DefaultSettlementService.cell("=HYPERLINK(\"x\")"));
    assertEquals("'+380", DefaultSettlementService.cell("+380"));
    assertEquals("\"line\nbreak\"", DefaultSettlementService.cell("line\nbreak"));
    assertEquals("", DefaultSettlementService.cell(null));
  }

  @Test
  void aZeroDecimalCurrencyHasNoFraction() {
    String csv = DefaultSettlementService.csv(List.of(payout("Tokyo", "JP", 5_000, "JPY")));
    assertEquals(true, csv.contains(",5000,JPY,"));
  }
}
