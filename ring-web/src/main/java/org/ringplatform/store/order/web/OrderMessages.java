package org.ringplatform.store.order.web;

import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.BundleMessages;

/**
 * Messages of the cart, checkout and order pages, from the {@code ord} bundle ({@link
 * BundleMessages}).
 */
public final class OrderMessages {

  /** The variable the bundle is registered under in faces-config.xml. */
  public static final String BUNDLE_VAR = "ord";

  /** Key of the text shown for a refusal whose code has no key of its own. */
  public static final String GENERIC_ERROR = BundleMessages.GENERIC_ERROR;

  private static final BundleMessages MESSAGES = new BundleMessages(BUNDLE_VAR);

  private OrderMessages() {}

  public static void info(String key, Object... args) {
    MESSAGES.info(key, args);
  }

  public static void refusal(RingException refusal, String formId) {
    MESSAGES.refusal(refusal, formId);
  }

  public static String text(String key, Object... args) {
    return MESSAGES.text(key, args);
  }
}
