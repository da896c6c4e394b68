package org.ringplatform.store.catalogue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * The catalogue: the owner of an active store creates and edits its products, their variants,
 * photos and stock; admins approve or reject what is submitted; everyone searches what is active in
 * active stores, with visibility in the query. Editing an active product's title, description or
 * photos sends it back for approval; its price and stock do not. Every stock change leaves a
 * movement, and stock never goes below what carts and checkouts hold. The caller's rights are
 * checked here, whatever the page or client allowed.
 */
public interface CatalogueService {

  /** Largest photo accepted, in bytes. */
  long MAX_IMAGE_BYTES = 5L * 1024 * 1024;

  /** Photos a product may have. */
  int MAX_IMAGES = 5;

  /** Photo types accepted (checked by content). */
  Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

  /** Search totals are exact up to this many matches. */
  int COUNT_CAP = 10_000;

  /**
   * What a vendor writes about a product. The status is not part of it.
   *
   * @param title 3 to 200 characters
   * @param description up to 5,000 characters, or null
   * @param category a {@link ProductCategory} id
   * @param kind a {@link ProductKind} id ({@code physical} when null)
   * @param price the price as a decimal in major units ({@code "12.50"}), not negative, at most the
   *     currency's decimals
   * @param sku up to 64 letters, digits, dots, hyphens and underscores, unique in the store, or
   *     null
   * @param referralBps a referral share of 0 to 5,000 bps overriding the default, or null
   */
  record Draft(
      String title,
      String description,
      String category,
      String kind,
      String price,
      String sku,
      Integer referralBps) {}

  /**
   * A variant as the vendor writes it.
   *
   * @param name 1 to 100 characters, unique within the product
   * @param sku as a product's, or null
   * @param price as a product's
   * @param active whether it is sold (null keeps it as it is, or true for a new one)
   */
  record VariantDraft(String name, String sku, String price, Boolean active) {}

  /** How a page of products is ordered. */
  enum Sort {
    /** Newest first (the default without a query). */
    NEWEST,
    /** Cheapest first, by the price a buyer pays from. */
    PRICE_ASC,
    /** Dearest first. */
    PRICE_DESC,
    /** Best full-text rank first (the default with a query). */
    RELEVANCE
  }

  /** Whose products a search covers. */
  enum Scope {
    /** The public catalogue: active products of active stores, for everyone (admins included). */
    PUBLIC,
    /** Every product of the caller's own stores in any status; every product for admins. */
    MANAGE
  }

  /**
   * What to search for; null means any.
   *
   * @param query words for the full-text search (web search syntax)
   * @param category a {@link ProductCategory} id
   * @param vendorId products of this store
   * @param minPrice the lowest price, a decimal in major units
   * @param maxPrice the highest price, a decimal in major units
   * @param kind a {@link ProductKind} id
   * @param inStock only products a buyer can have now
   * @param status a {@link ProductStatus} id (with {@link Scope#MANAGE} only)
   * @param scope whose products ({@link Scope#PUBLIC} when null)
   * @param sort the order, or null for the default
   */
  record Filter(
      String query,
      String category,
      Long vendorId,
      String minPrice,
      String maxPrice,
      String kind,
      boolean inStock,
      String status,
      Scope scope,
      Sort sort) {

    /** The public catalogue, newest first. */
    public static Filter catalogue() {
      return new Filter(null, null, null, null, null, null, false, null, Scope.PUBLIC, null);
    }

    /** The public products of one store. */
    public static Filter store(long vendorId) {
      return new Filter(null, null, vendorId, null, null, null, false, null, Scope.PUBLIC, null);
    }

    /** One store's products in any status (or one), for its owner and admins. */
    public static Filter managed(long vendorId, String status) {
      return new Filter(null, null, vendorId, null, null, null, false, status, Scope.MANAGE, null);
    }
  }

  /**
   * One page of products.
   *
   * @param items the products on the page
   * @param total how many match in all, exact up to {@link #COUNT_CAP} and one more beyond
   */
  record Page(List<Product> items, long total) {

    public boolean totalCapped() {
      return total > COUNT_CAP;
    }
  }

  /**
   * A photo to send back.
   *
   * @param contentType its checked type
   * @param file where it is stored
   */
  record ImageFile(String contentType, Path file) {}

  /** The currency of the store ({@code ring.store.currency}). */
  String currency();

  /** Creates a draft product in a store of the caller, which must be active. */
  Product create(AuthenticatedUser owner, long vendorId, Draft draft);

  /**
   * Edits a product of the caller's active store (not archived). A changed title or description of
   * an active product sends it back for approval.
   */
  Product update(AuthenticatedUser owner, long id, Draft draft);

  /** Draft or rejected to pending (its vendor); it needs at least one photo. */
  Product submit(AuthenticatedUser owner, long id);

  /** Pending to active (admins); the vendor is told. */
  Product approve(AuthenticatedUser admin, long id, String note);

  /** Pending to rejected with a note (admins); the vendor is told and may edit and resubmit. */
  Product reject(AuthenticatedUser admin, long id, String note);

  /** Takes a product off sale for good (its vendor or an admin). */
  Product archive(AuthenticatedUser actor, long id);

  /** A product if the viewer may see it; one they may not see is "not found". */
  Product get(Optional<AuthenticatedUser> viewer, long id);

  /** Products matching the filter, with visibility in the query. */
  Page search(Optional<AuthenticatedUser> viewer, Filter filter, int offset, int limit);

  /** Products awaiting approval, oldest change first (admins). */
  Page pending(AuthenticatedUser admin, int offset, int limit);

  /** How many products a store has in each status (its owner or an admin). */
  Map<ProductStatus, Long> counts(AuthenticatedUser actor, long vendorId);

  /** Adds a variant to a product of the caller's active store. */
  Variant addVariant(AuthenticatedUser owner, long productId, VariantDraft draft);

  /** Changes a variant (its name, SKU, price, whether it is sold). */
  Variant updateVariant(
      AuthenticatedUser owner, long productId, long variantId, VariantDraft draft);

  /**
   * Stops selling a variant. It is kept (orders may name it) and can be sold again through {@link
   * #updateVariant}.
   */
  Variant removeVariant(AuthenticatedUser owner, long productId, long variantId);

  /**
   * Sets the stock of a physical product (no variant) or of one of its active variants; a product
   * with active variants has stock per variant only. Refused below the units carts and checkouts
   * hold. Records an initial, restock or adjustment movement.
   */
  StockLevel setStock(
      AuthenticatedUser owner, long productId, Long variantId, int stock, String reason);

  /** Adds (positive) or removes (negative) units, with the same rules as {@link #setStock}. */
  StockLevel adjustStock(
      AuthenticatedUser owner, long productId, Long variantId, int change, String reason);

  /** The stock levels of a product (its vendor or an admin). */
  List<StockLevel> stock(AuthenticatedUser actor, long productId);

  /** A product's latest stock movements, newest first (its vendor or an admin). */
  List<StockMovement> movements(AuthenticatedUser actor, long productId, int limit);

  /**
   * Adds a photo (JPEG, PNG or WebP by content, at most 5 MB, at most 5 per product) to a product
   * of the caller's active store.
   *
   * @param contentType the declared type, checked against the content
   */
  ProductImage addImage(
      AuthenticatedUser owner, long productId, String contentType, InputStream content);

  /** Removes a photo; its file is deleted once the removal commits. */
  void removeImage(AuthenticatedUser owner, long productId, long imageId);

  /** A photo's file, if the viewer may see its product. */
  ImageFile image(Optional<AuthenticatedUser> viewer, long imageId);
}
