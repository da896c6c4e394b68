package org.ringplatform.platform;

import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The public face of one Ring deployment: name, tagline, logo, colour, contact, currency, enabled
 * modules and locales. Built once from configuration; values that would be unsafe to render (a
 * colour that is not a hex colour, a logo URL with a script scheme, an unknown locale) are replaced
 * by safe defaults and logged, so a typo never breaks or injects into the pages.
 *
 * @param name platform name shown in the header and the title
 * @param tagline one-line description on the home page, empty for the bundled default
 * @param localizedTaglines the tagline per locale ({@code ring.platform.tagline.uk}), where set
 * @param logoUrl absolute http(s) URL or site-relative path of the logo, empty for none
 * @param primaryColor CSS hex colour of the brand
 * @param contactEmail address shown in the footer
 * @param currency ISO 4217 code of the main currency
 * @param modules enabled optional modules
 * @param defaultLocale the locale served without a path prefix
 * @param supportedLocales locales offered by the switcher, the default first
 */
public record WhiteLabel(
    String name,
    String tagline,
    Map<String, String> localizedTaglines,
    String logoUrl,
    String primaryColor,
    String contactEmail,
    String currency,
    Set<PlatformModule> modules,
    String defaultLocale,
    List<String> supportedLocales) {

  /** Locales for which Ring ships translations. */
  public static final List<String> SHIPPED_LOCALES = List.of("en", "uk", "ru");

  public static final String DEFAULT_NAME = "Ring";
  public static final String DEFAULT_COLOR = "#2563eb";
  public static final String DEFAULT_CURRENCY = "UAH";

  private static final Logger LOG = Logger.getLogger(WhiteLabel.class.getName());
  private static final Pattern HEX_COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
  private static final Pattern SAFE_URL =
      Pattern.compile("(?:https?://[^\\s\"'<>()\\\\]+|/[^\\s\"'<>()\\\\]*)");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]+@[^\\s@<>\"]+");

  public WhiteLabel {
    localizedTaglines = Map.copyOf(localizedTaglines);
    modules = Set.copyOf(modules);
    supportedLocales = List.copyOf(supportedLocales);
  }

  /** The tagline for {@code locale}: its own if configured, else the general one (may be empty). */
  public String taglineFor(String locale) {
    return localizedTaglines.getOrDefault(locale, tagline);
  }

  /** True when the operator enabled {@code module}. */
  public boolean enabled(PlatformModule module) {
    return modules.contains(module);
  }

  /**
   * Reads the white-label settings through {@code config}, which answers a key with its configured
   * value (MicroProfile Config in the server, a map in tests).
   */
  public static WhiteLabel from(Function<String, Optional<String>> config) {
    String name = text(config, "ring.platform.name").orElse(DEFAULT_NAME);
    String tagline = text(config, "ring.platform.tagline").orElse("");
    Map<String, String> taglines = new HashMap<>();
    for (String locale : SHIPPED_LOCALES) {
      text(config, "ring.platform.tagline." + locale).ifPresent(t -> taglines.put(locale, t));
    }
    String logo =
        text(config, "ring.platform.logo-url")
            .filter(u -> valid(SAFE_URL, u, "ring.platform.logo-url"))
            .orElse("");
    String color =
        text(config, "ring.platform.primary-color")
            .filter(c -> valid(HEX_COLOR, c, "ring.platform.primary-color"))
            .orElse(DEFAULT_COLOR);
    String email =
        text(config, "ring.platform.contact-email")
            .filter(e -> valid(EMAIL, e, "ring.platform.contact-email"))
            .orElse("");
    String currency =
        text(config, "ring.platform.currency")
            .map(c -> c.toUpperCase(Locale.ROOT))
            .filter(WhiteLabel::isCurrency)
            .orElse(DEFAULT_CURRENCY);

    Set<PlatformModule> modules = EnumSet.noneOf(PlatformModule.class);
    for (String id : list(config, "ring.modules")) {
      PlatformModule.fromId(id)
          .ifPresentOrElse(
              modules::add,
              () -> LOG.warning(() -> "Ignoring unknown module in ring.modules: " + id));
    }

    Set<String> supported = new LinkedHashSet<>();
    for (String id : list(config, "ring.locale.supported")) {
      String locale = id.toLowerCase(Locale.ROOT);
      if (SHIPPED_LOCALES.contains(locale)) {
        supported.add(locale);
      } else {
        LOG.warning(() -> "Ignoring unsupported locale in ring.locale.supported: " + id);
      }
    }
    String defaultLocale =
        text(config, "ring.locale.default")
            .map(l -> l.toLowerCase(Locale.ROOT))
            .filter(SHIPPED_LOCALES::contains)
            .orElse("en");
    List<String> ordered = new ArrayList<>();
    ordered.add(defaultLocale);
    supported.stream().filter(l -> !l.equals(defaultLocale)).forEach(ordered::add);

    return new WhiteLabel(
        name, tagline, taglines, logo, color, email, currency, modules, defaultLocale, ordered);
  }

  private static Optional<String> text(Function<String, Optional<String>> config, String key) {
    return config.apply(key).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static List<String> list(Function<String, Optional<String>> config, String key) {
    return text(config, key).stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static boolean valid(Pattern pattern, String value, String key) {
    boolean ok = pattern.matcher(value).matches();
    if (!ok) {
      LOG.warning(() -> "Ignoring invalid value of " + key + "; using the default");
    }
    return ok;
  }

  private static boolean isCurrency(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      LOG.warning(() -> "Ignoring unknown currency in ring.platform.currency: " + code);
      return false;
    }
  }
}
