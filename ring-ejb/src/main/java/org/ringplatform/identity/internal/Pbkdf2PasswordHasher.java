package org.ringplatform.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.ringplatform.identity.PasswordHasher;

/**
 * PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP's figure for this algorithm), a 32-byte random
 * salt and a 32-byte key, stored as {@code PBKDF2WithHmacSHA256:iterations:salt:hash}: the same
 * format Jakarta Security's {@code Pbkdf2PasswordHash} reads, so either can verify the other.
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

  public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  public static final int ITERATIONS = 600_000;
  private static final int SALT_BYTES = 32;
  private static final int KEY_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final int iterations;

  public Pbkdf2PasswordHasher() {
    this(ITERATIONS);
  }

  /** For tests that need cheap hashes; production always uses {@link #ITERATIONS}. */
  Pbkdf2PasswordHasher(int iterations) {
    this.iterations = iterations;
  }

  @Override
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] key = derive(password, salt, iterations, KEY_BYTES);
    Base64.Encoder b64 = Base64.getEncoder();
    return ALGORITHM
        + ":"
        + iterations
        + ":"
        + b64.encodeToString(salt)
        + ":"
        + b64.encodeToString(key);
  }

  @Override
  public boolean verify(char[] password, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split(":");
    if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
      return false;
    }
    try {
      int storedIterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      if (storedIterations < 1 || expected.length == 0) {
        return false;
      }
      byte[] actual = derive(password, salt, storedIterations, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public boolean needsRehash(String stored) {
    String[] parts = stored == null ? new String[0] : stored.split(":");
    try {
      return parts.length != 4
          || !ALGORITHM.equals(parts[0])
          || Integer.parseInt(parts[1]) < iterations;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available in this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }
}
