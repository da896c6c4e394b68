package org.ringplatform.store.catalogue.web;

import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.BundleMessages;

/**
 * Messages of the store's pages (catalogue, storefront, vendor dashboard and editors, the store's
 * console pages), from the {@code sto} bundle ({@link BundleMessages}).
 */
public final class StoreMessages {

  /** The variable the bundle is registered under in faces-config.xml. */
  public static final String BUNDLE_VAR = "sto";

  /** Key of the text shown for a refusal whose code has no key of its own. */
  public static final String GENERIC_ERROR = BundleMessages.GENERIC_ERROR;

  static final BundleMessages STO = new BundleMessages(BUNDLE_VAR);

  private StoreMessages() {}

  public static void info(String key, Object... args) {
    STO.info(key, args);
  }

  public static void refusal(RingException refusal, String formId) {
    STO.refusal(refusal, formId);
  }

  /** Keeps the messages across the redirect that follows a save. */
  public static void keepForRedirect() {
    jakarta.faces.context.FacesContext.getCurrentInstance()
        .getExternalContext()
        .getFlash()
        .setKeepMessages(true);
  }
}
