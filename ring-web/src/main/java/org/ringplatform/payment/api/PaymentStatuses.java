package org.ringplatform.payment.api;

import java.util.List;
import java.util.Set;

/** The payment statuses the API and pages name, and which of them are final. */
public final class PaymentStatuses {

  /** Every status, in lifecycle order. */
  public static final List<String> ALL =
      List.of(
          "created",
          "redirected",
          "pending",
          "processing",
          "paid",
          "failed",
          "cancelled",
          "partially_refunded",
          "refunded");

  private static final Set<String> FINAL =
      Set.of("paid", "failed", "cancelled", "partially_refunded", "refunded");

  /** The processors. */
  public static final List<String> PROCESSORS = List.of("wayforpay", "stripe", "credits");

  /** The purposes' ids. */
  public static final List<String> PURPOSES = List.of("store_order", "membership", "wallet_topup");

  private PaymentStatuses() {}

  /** Whether nothing more is expected from the gateway for a payment in this status. */
  public static boolean isFinal(String status) {
    return FINAL.contains(status);
  }
}
