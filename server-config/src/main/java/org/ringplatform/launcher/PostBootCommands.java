package org.ringplatform.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Fills the post-boot command template ({@code post-boot-commands.asadmin}) with the database
 * settings and writes it where Payara can read it. The file holds the database password, so it is
 * readable by its owner only.
 */
public final class PostBootCommands {

  private static final String TEMPLATE = "payara/post-boot-commands.asadmin";

  private PostBootCommands() {}

  /** The template shipped in this jar. */
  public static String template() {
    try (InputStream in = PostBootCommands.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + TEMPLATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The commands for a database at {@code url} reached as {@code user}. */
  public static String render(String template, String url, String user, String password) {
    String result = template;
    for (Map.Entry<String, String> e :
        Map.of(
                "@@RING_DB_URL@@", url,
                "@@RING_DB_USER@@", user,
                "@@RING_DB_PASSWORD@@", password)
            .entrySet()) {
      result = result.replace(e.getKey(), escape(e.getValue()));
    }
    return result;
  }

  /**
   * Escapes a value for an asadmin {@code --property} list, where {@code :} separates properties
   * and {@code =} separates names from values.
   */
  static String escape(String value) {
    if (value.isEmpty()) {
      return "\"\"";
    }
    StringBuilder sb = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == ':' || c == '=' || c == '\\') {
        sb.append('\\');
      }
      if (Character.isWhitespace(c) || c == '"') {
        throw new IllegalArgumentException(
            "Database settings must not contain spaces or quotes in the post-boot file");
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Writes the rendered commands to {@code file}, readable by the owner only. */
  public static Path write(Path file, String commands) throws IOException {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, commands, StandardCharsets.UTF_8);
    return file;
  }
}
