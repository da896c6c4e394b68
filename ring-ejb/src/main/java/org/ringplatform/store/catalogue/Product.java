package org.ringplatform.store.catalogue;

import java.time.OffsetDateTime;
import java.util.List;
import org.ringplatform.ledger.Money;
import org.ringplatform.store.vendor.VendorStatus;

/**
 * A product as a page or the API shows it, with its store, its variants, its photos and its stock
 * state. Prices are minor units of {@link #currency}; a product with active variants is sold by
 * variant and {@link #fromPriceMinor} is the lowest of their prices.
 *
 * @param id product id
 * @param vendorId the store
 * @param vendorName the store's name
 * @param vendorSlug the store's address
 * @param vendorStatus the store's status (its products are hidden unless it is active)
 * @param vendorOwnerId the store's owner
 * @param title 3 to 200 characters
 * @param slug a readable unique address part
 * @param description up to 5,000 characters
 * @param category one of the preset categories
 * @param kind physical or digital
 * @param priceMinor the price of the product itself (without variants)
 * @param currency ISO 4217 code
 * @param sku the vendor's stock-keeping unit, or null
 * @param status where it stands
 * @param statusNote the admin's note on a rejection, or null
 * @param referralBps a referral share overriding the default, or null
 * @param fromPriceMinor the lowest price a buyer pays: the cheapest active variant, or the price
 * @param available units that can be bought now (over the active variants, if any)
 * @param reserved units held by carts and checkouts (likewise)
 * @param createdAt created
 * @param updatedAt last change
 * @param variants its variants (only active ones for the public), in display order
 * @param images its photos, in display order
 */
public record Product(
    long id,
    long vendorId,
    String vendorName,
    String vendorSlug,
    VendorStatus vendorStatus,
    long vendorOwnerId,
    String title,
    String slug,
    String description,
    ProductCategory category,
    ProductKind kind,
    long priceMinor,
    String currency,
    String sku,
    ProductStatus status,
    String statusNote,
    Integer referralBps,
    long fromPriceMinor,
    int available,
    int reserved,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    List<Variant> variants,
    List<ProductImage> images) {

  public Product {
    variants = List.copyOf(variants);
    images = List.copyOf(images);
  }

  /** Whether a buyer can have it now: digital products always, physical ones while available. */
  public boolean inStock() {
    return kind == ProductKind.DIGITAL || available > 0;
  }

  /** Whether it is sold by variant. */
  public boolean hasVariants() {
    return variants.stream().anyMatch(Variant::active);
  }

  /** Whether the public sees it: active, in an active store. */
  public boolean publiclyVisible() {
    return status == ProductStatus.ACTIVE && vendorStatus == VendorStatus.ACTIVE;
  }

  public Money price() {
    return Money.of(priceMinor, currency);
  }

  public Money fromPrice() {
    return Money.of(fromPriceMinor, currency);
  }

  /** The first photo, or null. */
  public ProductImage cover() {
    return images.isEmpty() ? null : images.get(0);
  }
}
