package org.ringplatform.store.catalogue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringplatform.platform.RingException;
import org.ringplatform.store.catalogue.ProductCategory;
import org.ringplatform.store.catalogue.ProductKind;
import org.ringplatform.store.catalogue.ProductStatus;

/**
 * What a vendor may send about a product: prices entered as decimals and kept in minor units, never
 * negative; SKUs; categories and kinds from their lists; photos recognised by their first bytes,
 * whatever they are called; and the lifecycle's editable and submittable statuses.
 */
class CatalogueRulesTest {

  private static String code(Runnable r) {
    return assertThrows(RingException.class, r::run).code();
  }

  @Test
  void aPriceIsEnteredAsADecimalAndKeptInMinorUnits() {
    assertEquals(1250, CatalogueRules.price("12.50", "UAH", "price"));
    assertEquals(1250, CatalogueRules.price(" 12.5 ", "UAH", "price"));
    assertEquals(154736, CatalogueRules.price("1547.36", "UAH", "price"));
    assertEquals(100, CatalogueRules.price("1", "USD", "price"));
    assertEquals(0, CatalogueRules.price("0", "UAH", "price"));
    assertEquals(1500, CatalogueRules.price("1500", "JPY", "price"), "yen have no minor unit");
  }

  @Test
  void aPriceIsNeverNegativeNorFinerThanTheCurrencyNorAbsurd() {
    assertEquals("price_negative", code(() -> CatalogueRules.price("-0.01", "UAH", "price")));
    assertEquals("price_invalid", code(() -> CatalogueRules.price("1.005", "UAH", "price")));
    assertEquals("price_invalid", code(() -> CatalogueRules.price("1.5", "JPY", "price")));
    assertEquals("price_invalid", code(() -> CatalogueRules.price("twelve", "UAH", "price")));
    assertEquals("price_invalid", code(() -> CatalogueRules.price("", "UAH", "price")));
    assertEquals("price_invalid", code(() -> CatalogueRules.price("1000000001", "UAH", "price")));
    assertEquals("minPrice_negative", code(() -> CatalogueRules.price("-5", "UAH", "minPrice")));
  }

  @Test
  void aSkuIsShortAndPlain() {
    assertEquals("KEW-ESP32_v2.1", CatalogueRules.sku(" KEW-ESP32_v2.1 "));
    assertNull(CatalogueRules.sku("  "));
    assertEquals("sku_invalid", code(() -> CatalogueRules.sku("has space")));
    assertEquals("sku_invalid", code(() -> CatalogueRules.sku("x".repeat(65))));
  }

  @Test
  void categoriesAndKindsComeFromTheirLists() {
    assertEquals(ProductCategory.FOOD_DRINKS, CatalogueRules.category("food_drinks"));
    assertEquals("category_invalid", code(() -> CatalogueRules.category("weapons")));
    assertEquals("category_invalid", code(() -> CatalogueRules.category(null)));
    assertEquals(ProductKind.PHYSICAL, CatalogueRules.kind(null));
    assertEquals(ProductKind.DIGITAL, CatalogueRules.kind("Digital"));
    assertEquals("kind_invalid", code(() -> CatalogueRules.kind("service")));
  }

  @Test
  void titlesStockAndReferralSharesHaveBounds() {
    assertEquals("title_invalid", code(() -> CatalogueRules.title("ab")));
    assertEquals("title_invalid", code(() -> CatalogueRules.title("x".repeat(201))));
    assertEquals("description_invalid", code(() -> CatalogueRules.description("x".repeat(5001))));
    assertEquals("stock_invalid", code(() -> CatalogueRules.stock(-1, "stock")));
    assertEquals("stock_invalid", code(() -> CatalogueRules.stock(1_000_001, "stock")));
    assertEquals(7, CatalogueRules.stock(7, "stock"));
    assertEquals("referralBps_invalid", code(() -> CatalogueRules.referralBps(5001)));
    assertNull(CatalogueRules.referralBps(null));
  }

  @Test
  void photosAreRecognisedByTheirFirstBytes() {
    byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F'};
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d};
    byte[] webp = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P'};
    assertEquals("image/jpeg", CatalogueRules.sniff(jpeg));
    assertEquals("image/png", CatalogueRules.sniff(png));
    assertEquals("image/webp", CatalogueRules.sniff(webp));
    byte[] wave = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E'};
    for (byte[] other :
        List.of(
            wave,
            "%PDF-1.4".getBytes(),
            "<svg xmlns=".getBytes(),
            "GIF89a".getBytes(),
            new byte[0])) {
      assertNull(CatalogueRules.sniff(other));
    }
  }

  @Test
  void aSlugPartIsReadableLowerCaseText() {
    assertEquals("esp32-sensor-kit", CatalogueRules.slugPart("ESP32 sensor kit!"));
    assertEquals("cafe-creme", CatalogueRules.slugPart("Café  crème"));
    assertEquals("мед-250-г", CatalogueRules.slugPart("Мед, 250 г"));
    assertTrue(CatalogueRules.slugPart("x ".repeat(100)).length() <= 48);
    assertEquals("", CatalogueRules.slugPart("!!!"));
  }

  @Test
  void onlyDraftsAndRejectedProductsAreSubmittedAndArchivedOnesAreFrozen() {
    assertTrue(ProductStatus.DRAFT.submittable());
    assertTrue(ProductStatus.REJECTED.submittable());
    assertFalse(ProductStatus.PENDING.submittable());
    assertFalse(ProductStatus.ACTIVE.submittable());
    assertFalse(ProductStatus.ARCHIVED.submittable());
    assertFalse(ProductStatus.ARCHIVED.editable());
    assertTrue(ProductStatus.ACTIVE.editable());
  }
}
