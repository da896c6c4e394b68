package org.ringplatform.portal.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.ringplatform.platform.RingException;

/**
 * Faces messages from one resource bundle, in the page's language. A refusal from a service is
 * shown by its code ({@code error.<code>}, or {@code error.generic} for a code the bundle does not
 * know), next to the field at fault when the form has one; its English text and stack trace are
 * never shown. Each feature's pages use one instance over their own bundle.
 */
public final class BundleMessages {

  /** Key of the text shown for a refusal whose code has no key of its own. */
  public static final String GENERIC_ERROR = "error.generic";

  private final String bundleVar;

  /** Messages from the bundle registered in faces-config.xml under {@code bundleVar}. */
  public BundleMessages(String bundleVar) {
    this.bundleVar = bundleVar;
  }

  private ResourceBundle bundle(FacesContext context) {
    return context.getApplication().getResourceBundle(context, bundleVar);
  }

  /** The text of {@code key} in the page's language, with {@code args} filled in. */
  public String text(String key, Object... args) {
    FacesContext context = FacesContext.getCurrentInstance();
    ResourceBundle bundle = bundle(context);
    String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
    return args.length == 0
        ? pattern
        : new MessageFormat(pattern, context.getViewRoot().getLocale()).format(args);
  }

  /** Whether the bundle has {@code key}. */
  public boolean has(String key) {
    return bundle(FacesContext.getCurrentInstance()).containsKey(key);
  }

  /** The bundle key for a refusal. */
  public String keyOf(RingException refusal) {
    String key = "error." + refusal.code();
    return refusal.code() != null && has(key) ? key : GENERIC_ERROR;
  }

  /** A page-wide confirmation. */
  public void info(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_INFO, text(key, args));
  }

  /** A page-wide error, or one next to the input {@code field} of form {@code formId}. */
  public void error(String formId, String field, String key, Object... args) {
    add(clientIdOf(formId, field), FacesMessage.SEVERITY_ERROR, text(key, args));
  }

  /** Shows a service's refusal next to its field in {@code formId}, or page-wide. */
  public void refusal(RingException refusal, String formId) {
    error(formId, refusal.field(), keyOf(refusal));
  }

  private static void add(String clientId, FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
  }

  /**
   * The client id of input {@code field} in form {@code formId}, or null. The input is not marked
   * invalid: after the model update PrimeFaces would then render it empty.
   */
  private static String clientIdOf(String formId, String field) {
    if (formId == null || field == null) {
      return null;
    }
    FacesContext context = FacesContext.getCurrentInstance();
    UIComponent component = context.getViewRoot().findComponent(":" + formId + ":" + field);
    return component == null ? null : component.getClientId(context);
  }
}
