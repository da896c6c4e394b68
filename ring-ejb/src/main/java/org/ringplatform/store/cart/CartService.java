package org.ringplatform.store.cart;

import java.util.List;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.store.stock.Inventory;

/**
 * Server-side carts (§8.3): one per account, or one per anonymous visitor keyed by a random token
 * (the web layer keeps it in a cookie), merged into the account's cart at sign-in. Lines name a
 * product or one of its variants; prices always come from the catalogue at the moment the cart is
 * read, never from the client. Only active products of active vendors can be added.
 */
public interface CartService {

  /** The most of one line. */
  int MAX_QUANTITY = 999;

  /**
   * Whose cart: an account, or an anonymous visitor's token (only its hash is stored).
   *
   * @param userId the account, or null
   * @param anonToken the visitor's token, or null
   */
  record Owner(Long userId, String anonToken) {

    public Owner {
      if ((userId == null) == (anonToken == null || anonToken.isBlank())) {
        throw new IllegalArgumentException("A cart belongs to an account or to a token");
      }
    }

    public static Owner user(long userId) {
      return new Owner(userId, null);
    }

    public static Owner anonymous(String token) {
      return new Owner(null, token);
    }
  }

  /**
   * One cart line at today's catalogue price.
   *
   * @param itemId the line's id
   * @param productId the product
   * @param variantId the variant, or null
   * @param title the product's title
   * @param variantName the variant's name, or null
   * @param sku the variant's or product's SKU, or null
   * @param vendorId the vendor
   * @param vendorName the vendor's name
   * @param kind physical or digital
   * @param unitPriceMinor the catalogue price
   * @param currency the price's currency
   * @param quantity 1 to 999
   * @param lineTotalMinor unit price × quantity
   * @param referralBps the product's own referral rate, or null for the default
   * @param available whether it can be bought now (product, variant and vendor active)
   * @param inStock whether enough is in stock (always true for digital products)
   */
  record Line(
      long itemId,
      long productId,
      Long variantId,
      String title,
      String variantName,
      String sku,
      long vendorId,
      String vendorName,
      String kind,
      long unitPriceMinor,
      String currency,
      int quantity,
      long lineTotalMinor,
      Integer referralBps,
      boolean available,
      boolean inStock) {

    public boolean physical() {
      return "physical".equals(kind);
    }

    /** The line as a stock item. */
    public Inventory.Item item() {
      return new Inventory.Item(
          productId, variantId, quantity, variantName == null ? title : title + " " + variantName);
    }
  }

  /**
   * A cart with its lines at today's prices.
   *
   * @param lines the lines, oldest first
   * @param count items in all (the sum of quantities)
   * @param currency the currency of all lines, or null when empty or mixed
   * @param subtotalMinor the sum of line totals when there is one currency, else 0
   */
  record Cart(List<Line> lines, int count, String currency, long subtotalMinor) {

    public boolean empty() {
      return lines.isEmpty();
    }

    /** Whether every line can be bought now. */
    public boolean allAvailable() {
      return lines.stream().allMatch(l -> l.available() && l.inStock());
    }
  }

  /**
   * What the product page offers to buy.
   *
   * @param productId the product
   * @param title its title
   * @param kind physical or digital
   * @param priceMinor its price (variants have their own)
   * @param currency the currency
   * @param purchasable whether it can be added to a cart now
   * @param available in stock now (null: no variants and not stocked; digital: null)
   * @param variants its active variants, cheapest first by position
   */
  record BuyOptions(
      long productId,
      String title,
      String kind,
      long priceMinor,
      String currency,
      boolean purchasable,
      Integer available,
      List<VariantOption> variants) {}

  /**
   * One variant on offer.
   *
   * @param id variant id
   * @param name its name
   * @param priceMinor its price
   * @param available in stock now, or null when not stocked
   */
  record VariantOption(long id, String name, long priceMinor, Integer available) {}

  /** The cart of {@code owner} (empty when it has none). */
  Cart view(Owner owner);

  /** Items in the owner's cart, for the header badge. */
  int count(Owner owner);

  /**
   * Adds {@code quantity} of a product (or variant) to the owner's cart, creating the cart if
   * needed; a line already in the cart grows by it (at most 999).
   *
   * @throws org.ringplatform.platform.RingException INVALID {@code quantity_invalid} outside 1-999,
   *     {@code variant_required} / {@code variant_invalid}; NOT_FOUND {@code product_not_found} for
   *     an unknown or unavailable product
   */
  Cart add(Owner owner, long productId, Long variantId, int quantity);

  /** Sets a line's quantity (1 to 999); NOT_FOUND for a line not in the owner's cart. */
  Cart update(Owner owner, long itemId, int quantity);

  /** Removes a line; NOT_FOUND for a line not in the owner's cart. */
  Cart remove(Owner owner, long itemId);

  /**
   * Moves the anonymous cart of {@code anonToken} into the account's cart (quantities of the same
   * line add up, capped at 999) and deletes it. Safe to call again.
   *
   * @return how many lines were moved
   */
  int merge(String anonToken, long userId);

  /**
   * Soft-holds the stock of the caller's physical lines for 5 minutes (§8.3), replacing their
   * previous hold.
   *
   * @throws org.ringplatform.platform.RingException CONFLICT {@code insufficient_stock} naming the
   *     item that is short; nothing is held then
   */
  Inventory.Hold hold(AuthenticatedUser buyer);

  /** Removes from the account's cart what a paid checkout bought (by line and quantity). */
  void removeBought(long userId, List<Inventory.Item> bought);

  /** What a product page offers; NOT_FOUND for an unknown product. */
  BuyOptions options(long productId);
}
