package org.ringplatform.i18n.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import org.ringplatform.platform.PlatformSettings;
import org.ringplatform.platform.WhiteLabel;

/**
 * Keeps Faces in the locale the routing filter chose: views are created in that locale, and form
 * actions post back to the localised, extension-less address ({@code /uk/about}, not {@code
 * /about.xhtml}).
 */
public class LocalizedViewHandler extends ViewHandlerWrapper {

  public LocalizedViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Locale calculateLocale(FacesContext context) {
    Object chosen =
        context.getExternalContext().getRequestMap().get(LocaleRoutingFilter.LOCALE_ATTRIBUTE);
    return chosen instanceof String s ? Locale.forLanguageTag(s) : super.calculateLocale(context);
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    if (viewId == null || !viewId.startsWith("/") || !viewId.endsWith(".xhtml")) {
      return super.getActionURL(context, viewId);
    }
    String pretty =
        viewId.endsWith("/index.xhtml")
            ? viewId.substring(0, viewId.length() - "index.xhtml".length())
            : viewId.substring(0, viewId.length() - ".xhtml".length());
    Object chosen =
        context.getExternalContext().getRequestMap().get(LocaleRoutingFilter.LOCALE_ATTRIBUTE);
    String prefix = "";
    if (chosen instanceof String s) {
      WhiteLabel wl = CDI.current().select(PlatformSettings.class).get().whiteLabel();
      if (!wl.defaultLocale().equals(s) && wl.supportedLocales().contains(s)) {
        prefix = "/" + s;
      }
    }
    return context.getExternalContext().getRequestContextPath() + prefix + pretty;
  }
}
