package org.ringplatform.store.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A product's place in its lifecycle: {@code draft -> pending} (the vendor submits) {@code ->
 * active} (an admin approves; or {@code rejected} with a note, which the vendor edits and submits
 * again) {@code -> archived} (the vendor or an admin, from any other status). Only active products
 * of active stores are visible to the public.
 */
public enum ProductStatus {
  DRAFT,
  PENDING,
  ACTIVE,
  REJECTED,
  ARCHIVED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the vendor may change the product (everything but archived). */
  public boolean editable() {
    return this != ARCHIVED;
  }

  /** Whether the vendor may submit it for approval. */
  public boolean submittable() {
    return this == DRAFT || this == REJECTED;
  }

  public static Optional<ProductStatus> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst();
  }
}
