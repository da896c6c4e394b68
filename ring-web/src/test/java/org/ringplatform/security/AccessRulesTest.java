package org.ringplatform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every REST endpoint has a declared access rule, and every rule names a real endpoint. */
class AccessRulesTest {

  @Test
  void everyEndpointHasAnAccessRule() {
    TreeSet<String> missing = AccessRules.discoverEndpoints();
    missing.removeAll(AccessRules.RULES.keySet());
    assertEquals(new TreeSet<String>(), missing, "endpoints without a rule in AccessRules");
  }

  @Test
  void everyRuleNamesAnExistingEndpoint() {
    TreeSet<String> stale = new TreeSet<>(AccessRules.RULES.keySet());
    stale.removeAll(AccessRules.discoverEndpoints());
    assertEquals(new TreeSet<String>(), stale, "rules for endpoints that do not exist");
  }

  @Test
  void discoveryFindsTheKnownEndpoints() {
    assertFalse(AccessRules.discoverEndpoints().isEmpty());
  }
}
