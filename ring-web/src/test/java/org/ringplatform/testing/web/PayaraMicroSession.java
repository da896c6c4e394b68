package org.ringplatform.testing.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.ringplatform.launcher.PostBootCommands;
import org.ringplatform.testing.TestDatabase;
import org.ringplatform.testing.gateway.GatewayStandIns;

/**
 * Prepares what the Arquillian-managed Payara Micro needs before any integration test starts: a
 * fresh PostgreSQL database and the post-boot commands that create the {@code jdbc/ring} datasource
 * on it, the same commands {@code run.sh} uses; the mail server and the payment gateway stand-ins
 * the server is configured to use. Active only in the failsafe run, which sets {@code
 * ring.runtime.dir}; arquillian.xml reads the file's path from {@code ring.it.postboot}.
 */
public class PayaraMicroSession implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String itDir = System.getProperty("ring.it.dir");
    if (System.getProperty("ring.runtime.dir") == null || itDir == null) {
      return;
    }
    TestDatabase db = TestDatabase.get();
    try {
      Path file =
          PostBootCommands.write(
              Path.of(itDir, "post-boot-commands.asadmin"),
              PostBootCommands.render(
                  PostBootCommands.template(), db.jdbcUrl(), db.user(), db.password()));
      System.setProperty("ring.it.postboot", file.toString());
      System.setProperty("ring.it.smtp.port", String.valueOf(TestMail.start()));
      GatewayStandIns.start();
      System.setProperty("ring.it.wayforpay.url", GatewayStandIns.wayForPay().url());
      System.setProperty("ring.it.stripe.url", GatewayStandIns.stripe().url());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
