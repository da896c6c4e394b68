package org.ringplatform.i18n.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.ringplatform.platform.PlatformSettings;
import org.ringplatform.platform.WhiteLabel;

/**
 * The locale of the page being rendered and the addresses that keep it: {@code
 * #{portalLocale.href('/about')}} gives {@code /uk/about} on a Ukrainian page. Also feeds the
 * locale switcher.
 */
@Named
@RequestScoped
public class PortalLocale {

  @Inject private PlatformSettings settings;
  @Inject private HttpServletRequest request;

  /** The language code of this request ({@code en}, {@code uk}, {@code ru}). */
  public String getLanguage() {
    return current(request, settings.whiteLabel());
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(getLanguage());
  }

  /** The language of {@code request} as the routing filter chose it, or the default. */
  static String current(HttpServletRequest request, WhiteLabel wl) {
    Object chosen = request.getAttribute(LocaleRoutingFilter.LOCALE_ATTRIBUTE);
    return chosen instanceof String s && wl.supportedLocales().contains(s) ? s : wl.defaultLocale();
  }

  private LocaleRouting routing() {
    WhiteLabel wl = settings.whiteLabel();
    return new LocaleRouting(wl.defaultLocale(), wl.supportedLocales());
  }

  /** The context-relative address of {@code path} in this page's locale, with the context root. */
  public String href(String path) {
    return request.getContextPath() + routing().localise(getLanguage(), path);
  }

  /** One entry of the locale switcher. */
  public record Choice(String code, String url, boolean current) {
    public String getCode() {
      return code;
    }

    public String getUrl() {
      return url;
    }

    public boolean isCurrent() {
      return current;
    }
  }

  /** The switcher's entries: every supported locale, each linking to this page in it. */
  public List<Choice> getChoices() {
    String here = currentPath();
    String language = getLanguage();
    return settings.whiteLabel().supportedLocales().stream()
        .map(
            code ->
                new Choice(
                    code,
                    request.getContextPath()
                        + LocaleSwitchServlet.PATH
                        + "?lang="
                        + code
                        + "&to="
                        + URLEncoder.encode(here, StandardCharsets.UTF_8),
                    code.equals(language)))
        .toList();
  }

  /** The address the visitor asked for, before forwards and error dispatches, without prefix. */
  private String currentPath() {
    Object original = request.getAttribute("jakarta.servlet.forward.request_uri");
    if (original == null) {
      original = request.getAttribute("jakarta.servlet.error.request_uri");
    }
    String uri = original instanceof String s ? s : request.getRequestURI();
    String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    if (path.endsWith(".xhtml")) {
      path =
          path.endsWith("/index.xhtml")
              ? path.substring(0, path.length() - "index.xhtml".length())
              : path.substring(0, path.length() - ".xhtml".length());
    }
    LocaleRouting routing = routing();
    String bare = path;
    var prefix = routing.prefixOf(path);
    if (prefix.isPresent()) {
      bare = path.substring(prefix.get().length() + 1);
    }
    return bare.isEmpty() ? "/" : bare;
  }
}
