package org.ringplatform.payment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ringplatform.i18n.web.PortalLocale;
import org.ringplatform.payment.PaymentPortal;
import org.ringplatform.payment.PaymentStart;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.Redirect;
import org.ringplatform.security.web.Caller;

/**
 * The gateway step ({@code /pay?ref=}): for its payer only, an open payment goes to its gateway:
 * Stripe by a redirect to the Checkout Session, WayForPay by a form that posts itself to the
 * payment page (its Content-Security-Policy allows exactly that target). A settled payment goes to
 * {@code /payment-result}; anyone else's reference does not exist.
 */
@Named("paymentStep")
@RequestScoped
public class PaymentStepPage {

  @Inject private PaymentPortal portal;
  @Inject private Caller caller;
  @Inject private PortalLocale locale;

  private String ref;
  private boolean missing;
  private String errorCode;
  private PaymentStart start;

  /** One hidden field of the gateway form. */
  public record Field(String name, String value) {}

  /** The view action. */
  public void load() {
    missing = true;
    if (ref == null || ref.isBlank()) {
      return;
    }
    try {
      start = portal.checkout(caller.require(), ref);
      missing = false;
    } catch (RingException e) {
      if (e.kind() == RingException.Kind.NOT_FOUND) {
        return;
      }
      missing = false;
      errorCode = e.code();
      return;
    }
    switch (start.mode()) {
      case DONE -> Redirect.to(resultUrl());
      case NAVIGATE -> Redirect.to(start.url());
      case FORM_POST -> allowFormTarget(start.url());
    }
  }

  /**
   * The portal's policy allows forms to post to this site only; this page posts to the gateway, so
   * its own policy names the gateway's origin as well, and nothing else.
   */
  private static void allowFormTarget(String url) {
    URI target = URI.create(url);
    String origin =
        target.getScheme()
            + "://"
            + target.getHost()
            + (target.getPort() < 0 ? "" : ":" + target.getPort());
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    ec.setResponseHeader(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
            + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self' "
            + origin);
    ec.setResponseHeader("Cache-Control", "no-store");
  }

  public String resultUrl() {
    return locale.href("/payment-result")
        + "?ref="
        + URLEncoder.encode(ref, StandardCharsets.UTF_8);
  }

  public boolean isForm() {
    return start != null && start.mode() == PaymentStart.Mode.FORM_POST;
  }

  public String getFormUrl() {
    return start == null ? null : start.url();
  }

  /** The form's fields, sorted by name so the page is stable. */
  public List<Field> getFields() {
    List<Field> out = new ArrayList<>();
    if (start != null) {
      start.fields().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> out.add(new Field(e.getKey(), e.getValue())));
    }
    return out;
  }

  public boolean isMissing() {
    return missing;
  }

  public String getErrorCode() {
    return errorCode;
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }
}
