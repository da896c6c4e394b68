package org.ringplatform.referral;

import java.util.Optional;
import java.util.function.Function;

/**
 * The referral share rules (§11.3, §20.10): a product's own rate wins, else the configured default
 * ({@code ring.referrals.default-bps}, 500 = 5 %); every rate is clamped to [0, {@code
 * ring.referrals.max-bps}] (default 5000 = 50 %). The share of a line is paid out of the vendor's
 * part of the sale, so checkout and settlement use the same numbers.
 *
 * @param defaultBps rate when the product has none
 * @param maxBps upper clamp
 */
public record ReferralPolicy(int defaultBps, int maxBps) {

  public ReferralPolicy {
    maxBps = Math.max(0, Math.min(maxBps, 5000));
    defaultBps = Math.max(0, Math.min(defaultBps, maxBps));
  }

  public static ReferralPolicy defaults() {
    return new ReferralPolicy(500, 5000);
  }

  /** Reads {@code ring.referrals.default-bps} and {@code ring.referrals.max-bps}. */
  public static ReferralPolicy from(Function<String, Optional<String>> lookup) {
    return new ReferralPolicy(
        intOf(lookup.apply("ring.referrals.default-bps"), 500),
        intOf(lookup.apply("ring.referrals.max-bps"), 5000));
  }

  /** The rate for a line whose product sets {@code productBps} (null: none), clamped. */
  public int rateFor(Integer productBps) {
    return rateFor(productBps, null);
  }

  /**
   * The rate for a line (§20.10): the product's own rate wins, else the vendor's (the merchant
   * setting), else the default; whichever applies is clamped to [0, {@link #maxBps}].
   *
   * @param productBps the product's override, or null
   * @param vendorBps the vendor's rate, or null
   */
  public int rateFor(Integer productBps, Integer vendorBps) {
    int raw = productBps != null ? productBps : vendorBps != null ? vendorBps : defaultBps;
    return clamp(raw);
  }

  /** {@code bps} within [0, {@link #maxBps}]. */
  public int clamp(int bps) {
    return Math.max(0, Math.min(bps, maxBps));
  }

  private static int intOf(Optional<String> value, int fallback) {
    try {
      return value.map(String::strip).map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
