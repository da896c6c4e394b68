package org.ringplatform.store.order;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order state machine (§22.8 fixed): the statuses of a vendor order and, for each, which
 * statuses may follow and who may move it there. Anything not listed is refused.
 */
public enum OrderStatus {
  PENDING_PAYMENT,
  PAID,
  FULFILLING,
  SHIPPED,
  DELIVERED,
  COMPLETED,
  CANCELLED,
  REFUND_REQUESTED,
  REFUNDED,
  PARTIALLY_REFUNDED;

  /** Who moves an order: the buyer, its vendor, an admin, a job, or a verified payment. */
  public enum Actor {
    BUYER,
    VENDOR,
    ADMIN,
    SYSTEM,
    PAYMENT;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Map<OrderStatus, Map<OrderStatus, Set<Actor>>> RULES =
      Map.of(
          PENDING_PAYMENT,
          Map.of(
              PAID, EnumSet.of(Actor.PAYMENT),
              CANCELLED, EnumSet.of(Actor.BUYER, Actor.ADMIN, Actor.SYSTEM),
              // Paid, but its stock could not be sold (the reservation lapsed meanwhile).
              REFUND_REQUESTED, EnumSet.of(Actor.PAYMENT)),
          PAID,
          Map.of(
              FULFILLING, EnumSet.of(Actor.VENDOR, Actor.ADMIN),
              REFUND_REQUESTED, EnumSet.of(Actor.BUYER, Actor.VENDOR, Actor.ADMIN)),
          FULFILLING,
          Map.of(
              SHIPPED, EnumSet.of(Actor.VENDOR, Actor.ADMIN),
              DELIVERED, EnumSet.of(Actor.VENDOR, Actor.ADMIN),
              REFUND_REQUESTED, EnumSet.of(Actor.BUYER, Actor.VENDOR, Actor.ADMIN)),
          SHIPPED,
          Map.of(
              DELIVERED, EnumSet.of(Actor.BUYER, Actor.VENDOR, Actor.ADMIN),
              REFUND_REQUESTED, EnumSet.of(Actor.BUYER, Actor.VENDOR, Actor.ADMIN)),
          DELIVERED,
          Map.of(
              COMPLETED, EnumSet.of(Actor.BUYER, Actor.ADMIN, Actor.SYSTEM),
              REFUND_REQUESTED, EnumSet.of(Actor.BUYER, Actor.VENDOR, Actor.ADMIN)),
          COMPLETED,
          Map.of(REFUND_REQUESTED, EnumSet.of(Actor.BUYER, Actor.VENDOR, Actor.ADMIN)),
          REFUND_REQUESTED,
          Map.of(
              REFUNDED, EnumSet.of(Actor.VENDOR, Actor.ADMIN, Actor.SYSTEM),
              PARTIALLY_REFUNDED, EnumSet.of(Actor.VENDOR, Actor.ADMIN, Actor.SYSTEM),
              // A declined request: back to where the goods are.
              COMPLETED, EnumSet.of(Actor.VENDOR, Actor.ADMIN),
              DELIVERED, EnumSet.of(Actor.VENDOR, Actor.ADMIN),
              FULFILLING, EnumSet.of(Actor.VENDOR, Actor.ADMIN)),
          PARTIALLY_REFUNDED,
          Map.of(
              REFUND_REQUESTED, EnumSet.of(Actor.BUYER, Actor.VENDOR, Actor.ADMIN),
              COMPLETED, EnumSet.of(Actor.BUYER, Actor.ADMIN, Actor.SYSTEM)),
          // A verified payment is a fact: money that arrives for a checkout after it lapsed (the
          // card gateway confirmed late) makes its order paid when the stock is still there, or
          // puts it up for a refund; nobody else moves a cancelled order.
          CANCELLED,
          Map.of(
              PAID, EnumSet.of(Actor.PAYMENT),
              REFUND_REQUESTED, EnumSet.of(Actor.PAYMENT)),
          REFUNDED,
          Map.of());

  /** The value stored in {@code orders.status}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<OrderStatus> fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
  }

  /** Whether {@code actor} may move an order from this status to {@code next}. */
  public boolean allows(OrderStatus next, Actor actor) {
    return RULES.get(this).getOrDefault(next, Set.of()).contains(actor);
  }

  /** The statuses {@code actor} may move an order to from this one. */
  public Set<OrderStatus> nextFor(Actor actor) {
    Set<OrderStatus> out = EnumSet.noneOf(OrderStatus.class);
    RULES
        .get(this)
        .forEach(
            (next, actors) -> {
              if (actors.contains(actor)) {
                out.add(next);
              }
            });
    return out;
  }

  /** Whether the buyer has paid for the order (it counts as a paid order for referrals). */
  public boolean paid() {
    return this != PENDING_PAYMENT && this != CANCELLED;
  }

  /** No further move is possible (a cancelled order can still be paid by a late payment). */
  public boolean terminal() {
    return RULES.get(this).isEmpty();
  }
}
