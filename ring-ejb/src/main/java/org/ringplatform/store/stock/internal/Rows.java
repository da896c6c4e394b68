package org.ringplatform.store.stock.internal;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Column values of the store's native queries as Java types (the driver hands back {@code Long},
 * {@code Integer}, {@code Timestamp} or {@code OffsetDateTime} depending on the column), and id
 * lists written into SQL. Shared by the cart, stock and order services.
 */
public final class Rows {

  private Rows() {}

  public static long longOf(Object value) {
    return ((Number) value).longValue();
  }

  public static Long longOrNull(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  public static int intOf(Object value) {
    return ((Number) value).intValue();
  }

  public static Integer intOrNull(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  public static String text(Object value) {
    return value == null ? null : value.toString();
  }

  public static boolean bool(Object value) {
    return Boolean.TRUE.equals(value);
  }

  /** A timestamp column in UTC, or null. */
  public static OffsetDateTime time(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Timestamp t
        ? t.toInstant().atOffset(ZoneOffset.UTC)
        : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
  }

  /**
   * Ids as a SQL list, {@code (3, 5, 8)}. Only typed numbers reach it, so nothing a caller typed
   * can change the statement; an empty list gives {@code (null)}, which matches nothing.
   */
  public static String idList(Collection<Long> ids) {
    return ids.isEmpty()
        ? "(null)"
        : ids.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
  }
}
