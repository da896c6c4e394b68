package org.ringplatform.store.order;

/**
 * The shipping charge of one vendor order: a flat rate ({@code ring.store.shipping.flat-minor})
 * when the order ships something physical, nothing when its subtotal reaches {@code
 * ring.store.shipping.free-over-minor}, nothing for digital goods. Amounts are minor units of the
 * order's currency.
 *
 * @param flatMinor the flat rate
 * @param freeOverMinor the subtotal from which shipping is free (0: always free)
 */
public record ShippingRule(long flatMinor, long freeOverMinor) {

  public ShippingRule {
    if (flatMinor < 0 || freeOverMinor < 0) {
      throw new IllegalArgumentException("Shipping amounts are not negative");
    }
  }

  /** The charge for a vendor order with this subtotal. */
  public long costFor(long subtotalMinor, boolean physical) {
    if (!physical || subtotalMinor >= freeOverMinor) {
      return 0;
    }
    return flatMinor;
  }
}
