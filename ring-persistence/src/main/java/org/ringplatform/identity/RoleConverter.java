package org.ringplatform.identity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Role} as its lower-case id, the form the database check constraint allows. */
@Converter(autoApply = true)
public class RoleConverter implements AttributeConverter<Role, String> {

  @Override
  public String convertToDatabaseColumn(Role role) {
    return role == null ? null : role.id();
  }

  @Override
  public Role convertToEntityAttribute(String id) {
    return id == null
        ? null
        : Role.fromId(id).orElseThrow(() -> new IllegalStateException("Unknown stored role"));
  }
}
