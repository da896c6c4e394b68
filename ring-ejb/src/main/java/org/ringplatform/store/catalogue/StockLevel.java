package org.ringplatform.store.catalogue;

/**
 * The stock of a product (no variant) or of one variant: {@code stock = available + reserved} by
 * construction (the column is generated), and neither part goes below zero.
 *
 * @param id level id
 * @param productId the product
 * @param variantId the variant, or null for the product itself
 * @param variantName the variant's name, or null
 * @param available units that can be bought now
 * @param reserved units held by carts and checkouts
 */
public record StockLevel(
    long id, long productId, Long variantId, String variantName, int available, int reserved) {

  public int stock() {
    return available + reserved;
  }
}
