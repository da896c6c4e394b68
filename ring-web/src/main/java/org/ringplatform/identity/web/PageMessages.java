package org.ringplatform.identity.web;

import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.BundleMessages;

/**
 * Messages of the account and admin pages, from the {@code acc} bundle ({@link BundleMessages}).
 */
public final class PageMessages {

  /** The variable the bundle is registered under in faces-config.xml. */
  public static final String BUNDLE_VAR = "acc";

  /** Key of the text shown for a refusal whose code has no key of its own. */
  public static final String GENERIC_ERROR = BundleMessages.GENERIC_ERROR;

  private static final BundleMessages MESSAGES = new BundleMessages(BUNDLE_VAR);

  private PageMessages() {}

  public static String text(String key, Object... args) {
    return MESSAGES.text(key, args);
  }

  public static boolean has(String key) {
    return MESSAGES.has(key);
  }

  public static String keyOf(RingException refusal) {
    return MESSAGES.keyOf(refusal);
  }

  public static void info(String key, Object... args) {
    MESSAGES.info(key, args);
  }

  public static void error(String formId, String field, String key, Object... args) {
    MESSAGES.error(formId, field, key, args);
  }

  public static void refusal(RingException refusal, String formId) {
    MESSAGES.refusal(refusal, formId);
  }
}
