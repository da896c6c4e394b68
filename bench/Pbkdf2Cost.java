import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The CPU cost of one password check as Ring does it: PBKDF2-HMAC-SHA256, 600,000 iterations,
 * 32-byte salt and key. Run with {@code java bench/Pbkdf2Cost.java [iterations] [rounds]}.
 */
public class Pbkdf2Cost {
  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
    char[] password = "correct horse battery staple".toCharArray();
    for (int i = 0; i < 3; i++) { // warm-up: let the JIT compile the HMAC loop
      f.generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
    }
    long[] ms = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      f.generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
      ms[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    java.util.Arrays.sort(ms);
    long sum = 0;
    for (long m : ms) {
      sum += m;
    }
    System.out.printf(
        "PBKDF2-HMAC-SHA256 %,d iterations: mean %d ms, median %d ms, min %d ms, max %d ms (%d rounds, one core)%n",
        iterations, sum / rounds, ms[rounds / 2], ms[0], ms[rounds - 1], rounds);
  }
}
