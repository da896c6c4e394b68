package org.ringplatform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringplatform.platform.RingException;

/** Passwords: 8 to 128 characters, not a common one, no composition rules. */
class PasswordPolicyTest {

  private static Optional<String> problem(String password) {
    return PasswordPolicy.problem(password.toCharArray());
  }

  @Test
  void eightToOneHundredTwentyEightCharactersAreAccepted() {
    assertEquals(Optional.empty(), problem("plain words go far"));
    assertEquals(Optional.empty(), problem("q".repeat(7) + "Z"));
    assertEquals(Optional.empty(), problem("ж".repeat(128)));
  }

  @Test
  void shorterAndLongerAreRefused() {
    assertEquals(Optional.of("password_too_short"), problem("1234567"));
    assertEquals(Optional.of("password_too_short"), problem(""));
    assertEquals(Optional.of("password_too_long"), problem("a".repeat(129)));
  }

  @Test
  void lengthCountsCharactersNotBytes() {
    assertEquals(Optional.empty(), problem("пароль-й"));
    assertEquals(Optional.of("password_too_short"), problem("😀😀😀😀😀😀😀"));
  }

  @Test
  void commonPasswordsAreRefusedWhateverTheirCase() {
    assertEquals(Optional.of("password_common"), problem("password"));
    assertEquals(Optional.of("password_common"), problem("PassWord"));
    assertEquals(Optional.of("password_common"), problem("12345678"));
    assertEquals(Optional.of("password_common"), problem("qwertyuiop"));
  }

  @Test
  void requireNamesTheFieldAndTheReason() {
    RingException e =
        assertThrows(
            RingException.class,
            () -> PasswordPolicy.require("short".toCharArray(), "newPassword"));
    assertEquals("newPassword", e.field());
    assertEquals("password_too_short", e.code());
    assertEquals(400, e.kind().status());
  }
}
