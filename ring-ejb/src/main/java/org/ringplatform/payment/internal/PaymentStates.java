package org.ringplatform.payment.internal;

import java.util.List;
import java.util.Set;

/**
 * The payment status machine, monotonic so that gateway events arriving late, twice or out of order
 * never move a payment backwards: open statuses only move forward ({@code created -> redirected ->
 * pending -> processing}), a decline or expiry closes only an open payment, and once paid, a
 * payment changes only by refunds. "Paid" wins over an earlier decline or expiry, because money the
 * gateway collected is a fact (a buyer may retry after a declined card).
 */
final class PaymentStates {

  static final List<String> OPEN = List.of("created", "redirected", "pending", "processing");
  static final Set<String> SETTLED = Set.of("paid", "partially_refunded", "refunded");
  static final Set<String> FINAL =
      Set.of("paid", "partially_refunded", "refunded", "failed", "cancelled");
  static final List<String> ALL =
      List.of(
          "created",
          "redirected",
          "pending",
          "processing",
          "paid",
          "failed",
          "cancelled",
          "refunded",
          "partially_refunded");

  private PaymentStates() {}

  static boolean open(String status) {
    return OPEN.contains(status);
  }

  static boolean settled(String status) {
    return SETTLED.contains(status);
  }

  /** Whether a payment in {@code current} moves on an event of {@code kind} (not refunds). */
  static boolean moves(String current, GatewayEvent.Kind kind) {
    return switch (kind) {
      case PAID -> !settled(current);
      case FAILED, CANCELLED -> open(current);
      case PENDING, PROCESSING -> open(current) && rank(kind.status()) > rank(current);
      case REFUNDED, IGNORED -> false;
    };
  }

  private static int rank(String status) {
    return OPEN.indexOf(status);
  }
}
