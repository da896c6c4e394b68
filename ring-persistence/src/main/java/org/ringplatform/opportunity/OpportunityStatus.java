package org.ringplatform.opportunity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a listing is in its life: {@code draft -> pending -> active -> closed | expired ->
 * archived}. Only active listings are on the board; the others are seen by their author and admins.
 */
public enum OpportunityStatus {
  DRAFT,
  PENDING,
  ACTIVE,
  CLOSED,
  EXPIRED,
  ARCHIVED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<OpportunityStatus> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip();
    return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst();
  }
}
