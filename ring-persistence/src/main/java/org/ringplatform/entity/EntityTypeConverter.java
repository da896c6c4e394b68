package org.ringplatform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link EntityType} as its id. */
@Converter(autoApply = true)
public class EntityTypeConverter implements AttributeConverter<EntityType, String> {

  @Override
  public String convertToDatabaseColumn(EntityType type) {
    return type == null ? null : type.id();
  }

  @Override
  public EntityType convertToEntityAttribute(String id) {
    return id == null ? null : EntityType.fromId(id).orElse(EntityType.OTHER);
  }
}
