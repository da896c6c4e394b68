package org.ringplatform.referral;

import java.util.Optional;

/**
 * Referral codes and attribution (§11). The attribution rules decide whether a buyer's order (or
 * sign-up) credits the owner of the code in their first-touch cookie.
 */
public interface Referrals {

  /** The first-touch attribution cookie's name. */
  String COOKIE = "ring_ref";

  /**
   * A valid attribution.
   *
   * @param code the code as stored
   * @param referrerId its owner
   */
  record Attribution(String code, long referrerId) {}

  /**
   * Whether an order by {@code buyerId} is attributed to {@code code}: the code exists, is active
   * and at least 3 characters long, is not the buyer's own, and the buyer has no paid order yet
   * (the reward is for a first purchase only). Empty when any rule fails or the code is null.
   */
  Optional<Attribution> attributeOrder(long buyerId, String code);
}
