package org.ringplatform.platform.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.platform.MailMessage;

/**
 * Sends mail over SMTP (server from {@code ring.mail.*}) after the transaction that asked for it
 * has committed, on a container thread so that the request does not wait for the mail server.
 * Failures are logged without the message body.
 */
@ApplicationScoped
public class SmtpMailer {

  private static final Logger LOG = Logger.getLogger(SmtpMailer.class.getName());

  @Inject
  @ConfigProperty(name = "ring.mail.host", defaultValue = "localhost")
  String host;

  @Inject
  @ConfigProperty(name = "ring.mail.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "ring.mail.from", defaultValue = "no-reply@ring.local")
  String from;

  @Inject
  @ConfigProperty(name = "ring.mail.username", defaultValue = " ")
  String username;

  @Inject
  @ConfigProperty(name = "ring.mail.password", defaultValue = " ")
  String password;

  @Inject
  @ConfigProperty(name = "ring.mail.starttls", defaultValue = "false")
  boolean startTls;

  private Session session;

  @PostConstruct
  void init() {
    Properties props = new Properties();
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", String.valueOf(port));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.starttls.enable", String.valueOf(startTls));
    boolean auth = !username.isBlank();
    props.put("mail.smtp.auth", String.valueOf(auth));
    session =
        auth
            ? Session.getInstance(
                props,
                new jakarta.mail.Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username.strip(), password.strip());
                  }
                })
            : Session.getInstance(props);
  }

  @Resource private ManagedExecutorService executor;

  /** Sends {@code message} on a container thread once the surrounding transaction committed. */
  public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailMessage message) {
    executor.execute(() -> send(message));
  }

  /** Sends now. */
  void send(MailMessage message) {
    try {
      MimeMessage mime = new MimeMessage(session);
      mime.setFrom(new InternetAddress(from));
      mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mime.setText(message.text(), StandardCharsets.UTF_8.name());
      Transport.send(mime);
      LOG.log(Level.FINE, "Mail sent: {0}", message.subject());
    } catch (MessagingException e) {
      LOG.log(
          Level.WARNING,
          "Could not send mail \"{0}\": {1}",
          new Object[] {message.subject(), e.getMessage()});
    }
  }
}
