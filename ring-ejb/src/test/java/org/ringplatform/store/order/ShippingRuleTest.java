package org.ringplatform.store.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Shipping per vendor order: flat for physical goods, free from the threshold, none for digital.
 */
class ShippingRuleTest {

  private final ShippingRule rule = new ShippingRule(5000, 100000);

  @Test
  void aPhysicalOrderBelowTheThresholdPaysTheFlatRate() {
    assertEquals(5000, rule.costFor(99999, true));
  }

  @Test
  void aPhysicalOrderAtTheThresholdShipsFree() {
    assertEquals(0, rule.costFor(100000, true));
    assertEquals(0, rule.costFor(250000, true));
  }

  @Test
  void digitalOrdersNeverPayShipping() {
    assertEquals(0, rule.costFor(100, false));
  }

  @Test
  void negativeSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ShippingRule(-1, 0));
  }
}
