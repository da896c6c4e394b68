package org.ringplatform.opportunity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link OpportunityType} as its id. */
@Converter(autoApply = true)
public class OpportunityTypeConverter implements AttributeConverter<OpportunityType, String> {

  @Override
  public String convertToDatabaseColumn(OpportunityType value) {
    return value == null ? null : value.id();
  }

  @Override
  public OpportunityType convertToEntityAttribute(String id) {
    return id == null
        ? null
        : OpportunityType.fromId(id)
            .orElseThrow(() -> new IllegalStateException("Unknown opportunity type " + id));
  }
}
