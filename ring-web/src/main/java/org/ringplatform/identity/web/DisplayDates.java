package org.ringplatform.identity.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates for the pages in the page's language ({@code #{displayDates.dateTime(x)}}). Times are
 * stored and shown in UTC, marked as such.
 */
@Named
@ApplicationScoped
public class DisplayDates {

  private static Locale locale() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context == null || context.getViewRoot() == null
        ? Locale.ENGLISH
        : context.getViewRoot().getLocale();
  }

  /** Date and time, e.g. "21 Nov 2026, 20:38 UTC"; empty for null. */
  public String dateTime(OffsetDateTime at) {
    if (at == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale())
            .format(at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime())
        + " UTC";
  }

  /** The date alone; empty for null. */
  public String date(OffsetDateTime at) {
    if (at == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(locale())
        .format(at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
  }
}
