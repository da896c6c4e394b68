package org.ringplatform.testing.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the application under test sends its mail to: GreenMail, in the test JVM, on a
 * free port. Started once per test run by {@link PayaraMicroSession}.
 */
public final class TestMail {

  private static GreenMail server;

  private TestMail() {}

  static synchronized int start() {
    if (server == null) {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
    return server.getSmtp().getPort();
  }

  /** Every message received so far for {@code to}. */
  public static List<MimeMessage> to(String to) {
    return Arrays.stream(server.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to));
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }

  /** Waits up to 30 s for the {@code n}-th message to {@code to} (1-based) and returns its text. */
  public static String await(String to, int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<MimeMessage> messages = to(to);
      if (messages.size() >= n) {
        MimeMessage m = messages.get(n - 1);
        return m.getSubject() + "\n" + m.getContent();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("No mail number " + n + " to " + to + " within 30 s");
  }

  /** The first match of {@code regex}'s group 1 in {@code text}. */
  public static String extract(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new AssertionError("Nothing matches " + regex + " in: " + text);
    }
    return m.group(1);
  }
}
