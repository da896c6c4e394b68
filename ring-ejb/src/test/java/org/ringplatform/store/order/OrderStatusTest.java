package org.ringplatform.store.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.ringplatform.store.order.OrderStatus.Actor;

/** The order state machine allows only the listed moves, each to the parties listed. */
class OrderStatusTest {

  @Test
  void onlyAVerifiedPaymentMarksAnOrderPaid() {
    for (Actor actor : Actor.values()) {
      assertEquals(
          actor == Actor.PAYMENT,
          OrderStatus.PENDING_PAYMENT.allows(OrderStatus.PAID, actor),
          actor.id());
    }
  }

  @Test
  void theVendorFulfilsShipsAndDelivers() {
    assertTrue(OrderStatus.PAID.allows(OrderStatus.FULFILLING, Actor.VENDOR));
    assertTrue(OrderStatus.FULFILLING.allows(OrderStatus.SHIPPED, Actor.VENDOR));
    assertTrue(OrderStatus.SHIPPED.allows(OrderStatus.DELIVERED, Actor.VENDOR));
    assertFalse(OrderStatus.PAID.allows(OrderStatus.FULFILLING, Actor.BUYER));
  }

  @Test
  void noStepCanBeSkipped() {
    assertFalse(OrderStatus.PENDING_PAYMENT.allows(OrderStatus.SHIPPED, Actor.ADMIN));
    assertFalse(OrderStatus.PAID.allows(OrderStatus.COMPLETED, Actor.ADMIN));
    assertFalse(OrderStatus.PAID.allows(OrderStatus.REFUNDED, Actor.ADMIN));
  }

  @Test
  void aPaidOrderIsNotCancelledButRefunded() {
    assertFalse(OrderStatus.PAID.allows(OrderStatus.CANCELLED, Actor.ADMIN));
    assertTrue(OrderStatus.PAID.allows(OrderStatus.REFUND_REQUESTED, Actor.BUYER));
    assertTrue(OrderStatus.REFUND_REQUESTED.allows(OrderStatus.REFUNDED, Actor.VENDOR));
    assertFalse(OrderStatus.REFUND_REQUESTED.allows(OrderStatus.REFUNDED, Actor.BUYER));
  }

  @Test
  void refundedIsFinalAndACancelledOrderMovesOnlyForALatePayment() {
    assertTrue(OrderStatus.REFUNDED.terminal());
    for (Actor actor : Actor.values()) {
      assertTrue(OrderStatus.REFUNDED.nextFor(actor).isEmpty());
      assertEquals(
          actor == Actor.PAYMENT
              ? EnumSet.of(OrderStatus.PAID, OrderStatus.REFUND_REQUESTED)
              : EnumSet.noneOf(OrderStatus.class),
          OrderStatus.CANCELLED.nextFor(actor),
          actor.id());
    }
  }

  @Test
  void aPaymentWhoseStockIsGoneAsksForARefund() {
    assertTrue(OrderStatus.PENDING_PAYMENT.allows(OrderStatus.REFUND_REQUESTED, Actor.PAYMENT));
    assertFalse(OrderStatus.PENDING_PAYMENT.allows(OrderStatus.REFUND_REQUESTED, Actor.BUYER));
  }

  @Test
  void theBuyerMayCancelAnUnpaidOrderAndTheSystemALapsedOne() {
    assertTrue(OrderStatus.PENDING_PAYMENT.allows(OrderStatus.CANCELLED, Actor.BUYER));
    assertTrue(OrderStatus.PENDING_PAYMENT.allows(OrderStatus.CANCELLED, Actor.SYSTEM));
    assertFalse(OrderStatus.PENDING_PAYMENT.allows(OrderStatus.CANCELLED, Actor.VENDOR));
  }

  @Test
  void theSystemCompletesDeliveredOrdersButTheVendorDoesNot() {
    assertTrue(OrderStatus.DELIVERED.allows(OrderStatus.COMPLETED, Actor.SYSTEM));
    assertFalse(OrderStatus.DELIVERED.allows(OrderStatus.COMPLETED, Actor.VENDOR));
  }

  @Test
  void theBuyerMayConfirmDeliveryAndCompletion() {
    assertEquals(
        EnumSet.of(OrderStatus.COMPLETED, OrderStatus.REFUND_REQUESTED),
        OrderStatus.DELIVERED.nextFor(Actor.BUYER));
  }

  @Test
  void statusesRoundTripThroughTheirStoredIds() {
    for (OrderStatus s : OrderStatus.values()) {
      assertEquals(s, OrderStatus.fromId(s.id()).orElseThrow());
    }
    assertTrue(OrderStatus.fromId("new").isEmpty());
  }
}
