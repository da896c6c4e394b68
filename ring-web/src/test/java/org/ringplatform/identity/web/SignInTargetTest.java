package org.ringplatform.identity.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Only local paths are followed after sign-in. */
class SignInTargetTest {

  @Test
  void localPathsAreSafe() {
    assertTrue(SignInTarget.isSafe("/"));
    assertTrue(SignInTarget.isSafe("/account/profile"));
    assertTrue(SignInTarget.isSafe("/uk/admin/user?id=5"));
  }

  @Test
  void otherHostsAndTricksAreNot() {
    assertFalse(SignInTarget.isSafe(null));
    assertFalse(SignInTarget.isSafe(""));
    assertFalse(SignInTarget.isSafe("https://evil.example/"));
    assertFalse(SignInTarget.isSafe("//evil.example/"));
    assertFalse(SignInTarget.isSafe("/\\evil.example/"));
    assertFalse(SignInTarget.isSafe("/\t/evil.example/"));
    assertFalse(SignInTarget.isSafe("/\n/evil.example/"));
    assertFalse(SignInTarget.isSafe("/ /evil.example/"));
    assertFalse(SignInTarget.isSafe("javascript:alert(1)"));
    assertFalse(SignInTarget.isSafe("evil.example"));
  }
}
