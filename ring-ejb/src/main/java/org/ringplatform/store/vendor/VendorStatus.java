package org.ringplatform.store.vendor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a store stands. A store opens {@code pending}; an admin approves it ({@code active}) or
 * rejects it; an active store can be suspended and reinstated. Only an active store sells: its
 * products are visible and its owner edits them. This is not a role (§22.5).
 */
public enum VendorStatus {
  PENDING,
  ACTIVE,
  SUSPENDED,
  REJECTED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<VendorStatus> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst();
  }
}
