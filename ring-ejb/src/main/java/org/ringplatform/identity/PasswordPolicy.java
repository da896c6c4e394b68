package org.ringplatform.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ringplatform.platform.RingException;

/**
 * What a password must be: 8 to 128 characters and not one of the 20,000 most common passwords
 * (OWASP ASVS 6.2.1, 6.2.4, 6.2.9). No composition rules (ASVS 6.2.5).
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private static final Set<String> COMMON = load();

  private PasswordPolicy() {}

  private static Set<String> load() {
    Set<String> common = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("#") && !line.isEmpty()) {
          common.add(line.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(common);
  }

  /** The reason {@code password} is refused (a code), or empty when it is acceptable. */
  public static Optional<String> problem(char[] password) {
    int length = password == null ? 0 : String.valueOf(password).codePointCount(0, password.length);
    if (length < MIN_LENGTH) {
      return Optional.of("password_too_short");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("password_too_long");
    }
    if (COMMON.contains(String.valueOf(password).toLowerCase(Locale.ROOT))) {
      return Optional.of("password_common");
    }
    return Optional.empty();
  }

  /** Throws a 400 refusal naming {@code field} when the password is not acceptable. */
  public static void require(char[] password, String field) {
    problem(password)
        .ifPresent(
            code -> {
              throw RingException.invalid(code, field, message(code));
            });
  }

  private static String message(String code) {
    return switch (code) {
      case "password_too_short" -> "The password must have at least " + MIN_LENGTH + " characters.";
      case "password_too_long" -> "The password must have at most " + MAX_LENGTH + " characters.";
      default -> "This password is too common; choose another.";
    };
  }
}
