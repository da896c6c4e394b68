package org.ringplatform.identity.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.ringplatform.platform.MailMessage;

/** The account emails in the recipient's language, from the {@code mail} resource bundles. */
final class MailTexts {

  private MailTexts() {}

  static MailMessage compose(String to, String locale, String key, Object... args) {
    Locale loc = Locale.forLanguageTag(locale == null ? "en" : locale);
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "org.ringplatform.identity.mail", loc, MailTexts.class.getClassLoader());
    String subject = MessageFormat.format(bundle.getString(key + ".subject"), args);
    String text = MessageFormat.format(bundle.getString(key + ".text"), args);
    return new MailMessage(to, subject, text);
  }
}
