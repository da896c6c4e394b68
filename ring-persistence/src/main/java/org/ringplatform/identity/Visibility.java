package org.ringplatform.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may see a row: the visibility ladder shared by entities, opportunities and news. A row is
 * also confidential when its confidential flag is set, whatever its visibility says.
 */
public enum Visibility {
  PUBLIC(Role.VISITOR),
  SUBSCRIBER(Role.SUBSCRIBER),
  MEMBER(Role.MEMBER),
  CONFIDENTIAL(Role.CONFIDENTIAL);

  private final Role minimumRole;

  Visibility(Role minimumRole) {
    this.minimumRole = minimumRole;
  }

  /** The lowest role that sees rows of this visibility. */
  public Role minimumRole() {
    return minimumRole;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Visibility> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip();
    return Arrays.stream(values()).filter(v -> v.id().equals(wanted)).findFirst();
  }
}
