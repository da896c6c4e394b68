package org.ringplatform.store.catalogue.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ringplatform.ledger.Money;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.TextInput;
import org.ringplatform.store.catalogue.ProductCategory;
import org.ringplatform.store.catalogue.ProductKind;

/**
 * The checks on what a vendor sends about a product, its variants and its stock, and the photo
 * sniffing: pure functions, tested without a database. Every refusal names its field.
 */
final class CatalogueRules {

  /** The dearest price accepted, in minor units (a billion major units). */
  static final long MAX_PRICE_MINOR = 100_000_000_000L;

  /** The most units one stock level may hold. */
  static final int MAX_STOCK = 1_000_000;

  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{L}\\p{N}]+");

  private CatalogueRules() {}

  static String title(String value) {
    return TextInput.required(value, 3, 200, "title", "Give a title of 3 to 200 characters.");
  }

  static String description(String value) {
    return TextInput.optional(value, 5000, "description");
  }

  static ProductCategory category(String value) {
    return ProductCategory.fromId(value)
        .orElseThrow(
            () -> RingException.invalid("category_invalid", "category", "Choose a category."));
  }

  static ProductKind kind(String value) {
    if (value == null || value.isBlank()) {
      return ProductKind.PHYSICAL;
    }
    return ProductKind.fromId(value)
        .orElseThrow(
            () -> RingException.invalid("kind_invalid", "kind", "Choose physical or digital."));
  }

  static String sku(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (!SKU.matcher(v).matches()) {
      throw RingException.invalid(
          "sku_invalid", "sku", "Use up to 64 letters, digits, dots, hyphens and underscores.");
    }
    return v;
  }

  static Integer referralBps(Integer value) {
    if (value != null && (value < 0 || value > 5000)) {
      throw RingException.invalid(
          "referralBps_invalid", "referralBps", "Give a referral share of 0 to 5000 bps.");
    }
    return value;
  }

  /**
   * A price entered as a decimal in major units ({@code "12.50"}), in minor units of {@code
   * currency}: not negative, no more decimals than the currency has, at most {@link
   * #MAX_PRICE_MINOR}.
   */
  static long price(String value, String currency, String field) {
    if (value == null || value.isBlank()) {
      throw RingException.invalid(field + "_invalid", field, "Give a price.");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw RingException.invalid(field + "_invalid", field, "Give the price as a number.");
    }
    if (amount.signum() < 0) {
      throw RingException.invalid(field + "_negative", field, "A price cannot be negative.");
    }
    long minor;
    try {
      minor = Money.parse(amount.toPlainString(), currency).minor();
    } catch (ArithmeticException e) {
      throw RingException.invalid(
          field + "_invalid",
          field,
          "Give the price with at most " + Money.digits(currency) + " decimals.");
    }
    if (minor > MAX_PRICE_MINOR) {
      throw RingException.invalid(field + "_invalid", field, "The price is too high.");
    }
    return minor;
  }

  static int stock(int value, String field) {
    if (value < 0 || value > MAX_STOCK) {
      throw RingException.invalid(
          field + "_invalid", field, "Stock is 0 to " + MAX_STOCK + " units.");
    }
    return value;
  }

  static String variantName(String value) {
    return TextInput.required(value, 1, 100, "name", "Name the variant in 1 to 100 characters.");
  }

  /** A readable address part from a title: lower-case letters and digits joined by hyphens. */
  static String slugPart(String title) {
    String plain =
        Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    String slug = NOT_SLUG.matcher(plain).replaceAll("-").replaceAll("^-+|-+$", "");
    if (slug.length() > 48) {
      slug = slug.substring(0, 48).replaceAll("-+$", "");
    }
    return slug;
  }

  /**
   * The image type the first bytes of a file show: JPEG ({@code FF D8 FF}), PNG (its 8-byte
   * signature) or WebP ({@code RIFF....WEBP}); null for anything else.
   */
  static String sniff(byte[] head) {
    if (startsWith(head, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return "image/jpeg";
    }
    if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})) {
      return "image/png";
    }
    if (head.length >= 12
        && startsWith(head, new byte[] {'R', 'I', 'F', 'F'})
        && Arrays.equals(Arrays.copyOfRange(head, 8, 12), new byte[] {'W', 'E', 'B', 'P'})) {
      return "image/webp";
    }
    return null;
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
  }
}
