package org.ringplatform.store.catalogue;

/**
 * A variant of a product (a size, a colour, an edition) with its own price and stock. A product
 * with active variants is sold by variant; an inactive variant is kept for the orders that name it
 * but is not sold.
 *
 * @param id variant id
 * @param productId the product
 * @param name unique within the product, 1 to 100 characters
 * @param sku the vendor's stock-keeping unit, or null
 * @param priceMinor price in minor units of the product's currency
 * @param active whether it is sold
 * @param position display order
 * @param available units that can be bought now
 * @param reserved units held by carts and checkouts
 */
public record Variant(
    long id,
    long productId,
    String name,
    String sku,
    long priceMinor,
    boolean active,
    int position,
    int available,
    int reserved) {

  /** Units in stock: available plus reserved. */
  public int stock() {
    return available + reserved;
  }
}
