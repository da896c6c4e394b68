package org.ringplatform.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why someone reports an entity. */
public enum ReportCategory {
  SPAM,
  ILLEGAL,
  MISLEADING,
  HARASSMENT,
  OTHER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReportCategory> fromId(String id) {
    return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
  }
}
