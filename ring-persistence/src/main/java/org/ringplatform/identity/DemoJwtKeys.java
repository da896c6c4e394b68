package org.ringplatform.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The API token key pair of a demo deployment: generated once into {@code <data dir>/keys} and
 * reused on every later start. Production deployments configure their own keys; a demo key is
 * announced with a warning.
 */
public final class DemoJwtKeys {

  private static final Logger LOG = Logger.getLogger(DemoJwtKeys.class.getName());
  static final String PRIVATE_FILE = "jwt-private.pem";
  static final String PUBLIC_FILE = "jwt-public.pem";

  private DemoJwtKeys() {}

  /** True when demo keys apply: demo mode on and no key configured. */
  public static boolean applies() {
    return "true".equalsIgnoreCase(setting("ring.demo.enabled"))
        && setting("ring.jwt.private-key") == null
        && setting("ring.jwt.private-key-location") == null;
  }

  /** The data directory, as {@code ring.data.dir} / {@code RING_DATA_DIR} say. */
  public static Path dataDir() {
    String dir = setting("ring.data.dir");
    return Path.of(dir == null ? "./data" : dir).toAbsolutePath().normalize();
  }

  /** A setting from system properties or the environment (before MicroProfile Config exists). */
  static String setting(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
    }
    return value == null || value.isBlank() ? null : value;
  }

  /** The public key PEM, generating the pair first if this data directory has none. */
  public static synchronized String publicKeyPem() {
    Path dir = dataDir().resolve("keys");
    try {
      Files.createDirectories(dir);
      Path lockFile = dir.resolve(".lock");
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Path pub = dir.resolve(PUBLIC_FILE);
        if (!Files.exists(pub)) {
          generate(dir);
        }
        return Files.readString(pub, StandardCharsets.US_ASCII);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the demo token keys in " + dir, e);
    }
  }

  /** The private key, generating the pair first if needed. */
  public static RSAPrivateKey privateKey() {
    publicKeyPem();
    try {
      String pem =
          Files.readString(
              dataDir().resolve("keys").resolve(PRIVATE_FILE), StandardCharsets.US_ASCII);
      return parsePrivateKey(pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a PKCS#8 PEM ("BEGIN PRIVATE KEY") RSA key. */
  public static RSAPrivateKey parsePrivateKey(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("The configured private key is not a PKCS#8 RSA key", e);
    }
  }

  private static void generate(Path dir) throws IOException {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    Path privateFile = dir.resolve(PRIVATE_FILE);
    Files.deleteIfExists(privateFile);
    Files.createFile(
        privateFile,
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(dir.resolve(PUBLIC_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    LOG.warning(
        "Generated a DEMO key pair for API tokens in "
            + dir
            + "; configure ring.jwt.private-key-location and mp.jwt.verify.publickey.location"
            + " for production");
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
