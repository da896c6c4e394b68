package org.ringplatform.store.vendor.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.RingException.Kind;
import org.ringplatform.platform.TextInput;

/**
 * The checks on what a member and an admin send about a store (§8.2): the store's name, address and
 * description, a tier's numbers, and the verified-entity gate on approval. Pure functions, so they
 * are tested without a database.
 */
final class VendorRules {

  /** A storefront address: lower-case letters, digits and hyphens, 3 to 50 of them. */
  static final Pattern SLUG = Pattern.compile("[a-z0-9-]{3,50}");

  private VendorRules() {}

  static String name(String value) {
    return TextInput.required(
        value, 3, 100, "name", "Give the store a name of 3 to 100 characters.");
  }

  /** The slug, trimmed and lower-cased, if it is a valid address. */
  static String slug(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!SLUG.matcher(v).matches()) {
      throw RingException.invalid(
          "slug_invalid", "slug", "Use 3 to 50 lower-case letters, digits and hyphens.");
    }
    return v;
  }

  static String description(String value) {
    return TextInput.required(
        value, 1, 499, "description", "Describe the store in 1 to 499 characters.");
  }

  static void tier(int commissionBps, int settlementHoldDays, Integer maxProducts) {
    if (commissionBps < 0 || commissionBps > 10_000) {
      throw RingException.invalid(
          "commissionBps_invalid", "commissionBps", "Give a commission of 0 to 10000 bps.");
    }
    if (settlementHoldDays < 0 || settlementHoldDays > 365) {
      throw RingException.invalid(
          "settlementHoldDays_invalid", "settlementHoldDays", "Give a hold of 0 to 365 days.");
    }
    if (maxProducts != null && (maxProducts < 1 || maxProducts > 1_000_000)) {
      throw RingException.invalid(
          "maxProducts_invalid", "maxProducts", "Give a product limit of at least 1, or none.");
    }
  }

  /**
   * Refuses an approval while the store's entity is not verified, when the platform asks for it
   * ({@code ring.store.vendor.require-verified-entity}).
   */
  static void requireVerifiedEntity(boolean required, String entityVerification) {
    if (required && !"verified".equals(entityVerification)) {
      throw new RingException(
          Kind.CONFLICT,
          "entity_not_verified",
          null,
          "The store's entity must be verified before the store is approved.");
    }
  }
}
