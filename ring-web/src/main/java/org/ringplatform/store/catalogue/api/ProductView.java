package org.ringplatform.store.catalogue.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.ringplatform.ledger.Money;
import org.ringplatform.store.catalogue.Product;
import org.ringplatform.store.catalogue.ProductImage;
import org.ringplatform.store.catalogue.Variant;

/**
 * A product as the API shows it. Prices come twice: as a decimal string in major units ({@code
 * "12.50"}) and as an integer of minor units; a product with variants is sold by variant, from the
 * cheapest one's price.
 *
 * @param id product id
 * @param vendorId its store
 * @param vendorName the store's name
 * @param vendorSlug the store's address
 * @param title title
 * @param slug readable address part
 * @param description description
 * @param category category id
 * @param kind physical or digital
 * @param price the product's own price, decimal
 * @param priceMinor the same in minor units
 * @param fromPrice what a buyer pays from (the cheapest active variant, or the price), decimal
 * @param fromPriceMinor the same in minor units
 * @param currency ISO 4217 code
 * @param sku the vendor's SKU, or null
 * @param status draft, pending, active, rejected or archived
 * @param statusNote the admin's note on a rejection, or null
 * @param referralBps the referral share override, or null
 * @param inStock whether a buyer can have it now
 * @param available units that can be bought now
 * @param reserved units held by carts and checkouts
 * @param variants its variants (only active ones for the public)
 * @param images its photos, first is the cover
 * @param createdAt created
 * @param updatedAt last change
 */
public record ProductView(
    long id,
    long vendorId,
    String vendorName,
    String vendorSlug,
    String title,
    String slug,
    String description,
    String category,
    String kind,
    String price,
    long priceMinor,
    String fromPrice,
    long fromPriceMinor,
    String currency,
    String sku,
    String status,
    String statusNote,
    Integer referralBps,
    boolean inStock,
    int available,
    int reserved,
    List<VariantView> variants,
    List<ImageView> images,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /**
   * A variant.
   *
   * @param id variant id
   * @param name its name
   * @param sku its SKU, or null
   * @param price its price, decimal
   * @param priceMinor the same in minor units
   * @param active whether it is sold
   * @param available units that can be bought now
   * @param reserved units held by carts and checkouts
   */
  public record VariantView(
      long id,
      String name,
      String sku,
      String price,
      long priceMinor,
      boolean active,
      int available,
      int reserved) {

    public static VariantView of(Variant v, String currency) {
      return new VariantView(
          v.id(),
          v.name(),
          v.sku(),
          Money.of(v.priceMinor(), currency).toDecimal().toPlainString(),
          v.priceMinor(),
          v.active(),
          v.available(),
          v.reserved());
    }
  }

  /**
   * A photo.
   *
   * @param id image id
   * @param contentType its type
   * @param url where it is served (with the product's visibility)
   */
  public record ImageView(long id, String contentType, String url) {

    public static ImageView of(ProductImage i, String contextPath) {
      return new ImageView(i.id(), i.contentType(), url(i, contextPath));
    }

    /** The address of a photo under the application's context path. */
    public static String url(ProductImage i, String contextPath) {
      return contextPath + "/store/images/" + i.id() + "." + i.extension();
    }
  }

  public static ProductView of(Product p, String contextPath) {
    return new ProductView(
        p.id(),
        p.vendorId(),
        p.vendorName(),
        p.vendorSlug(),
        p.title(),
        p.slug(),
        p.description(),
        p.category().id(),
        p.kind().id(),
        p.price().toDecimal().toPlainString(),
        p.priceMinor(),
        p.fromPrice().toDecimal().toPlainString(),
        p.fromPriceMinor(),
        p.currency(),
        p.sku(),
        p.status().id(),
        p.statusNote(),
        p.referralBps(),
        p.inStock(),
        p.available(),
        p.reserved(),
        p.variants().stream().map(v -> VariantView.of(v, p.currency())).toList(),
        p.images().stream().map(i -> ImageView.of(i, contextPath)).toList(),
        p.createdAt(),
        p.updatedAt());
  }
}
