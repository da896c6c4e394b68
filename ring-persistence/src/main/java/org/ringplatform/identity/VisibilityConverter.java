package org.ringplatform.identity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Visibility} as its lower-case id. */
@Converter(autoApply = true)
public class VisibilityConverter implements AttributeConverter<Visibility, String> {

  @Override
  public String convertToDatabaseColumn(Visibility visibility) {
    return visibility == null ? null : visibility.id();
  }

  @Override
  public Visibility convertToEntityAttribute(String id) {
    return id == null
        ? null
        : Visibility.fromId(id).orElseThrow(() -> new IllegalStateException("Unknown visibility"));
  }
}
