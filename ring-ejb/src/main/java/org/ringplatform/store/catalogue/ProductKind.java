package org.ringplatform.store.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a product is shipped (and has stock) or delivered digitally (and never runs out). */
public enum ProductKind {
  PHYSICAL,
  DIGITAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ProductKind> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.id().equals(wanted)).findFirst();
  }
}
