package org.ringplatform.store.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The one preset list of product categories; their labels are in the {@code store} bundle ({@code
 * category.<id>}).
 */
public enum ProductCategory {
  ELECTRONICS,
  COMPUTERS,
  HOME_GARDEN,
  CLOTHING,
  FOOD_DRINKS,
  HEALTH_BEAUTY,
  BOOKS_MEDIA,
  ART_CRAFTS,
  SPORTS_OUTDOORS,
  KIDS_TOYS,
  AGRICULTURE,
  SERVICES,
  DIGITAL_GOODS,
  OTHER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ProductCategory> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.id().equals(wanted)).findFirst();
  }
}
