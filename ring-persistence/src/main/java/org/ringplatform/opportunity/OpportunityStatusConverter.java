package org.ringplatform.opportunity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link OpportunityStatus} as its id. */
@Converter(autoApply = true)
public class OpportunityStatusConverter implements AttributeConverter<OpportunityStatus, String> {

  @Override
  public String convertToDatabaseColumn(OpportunityStatus value) {
    return value == null ? null : value.id();
  }

  @Override
  public OpportunityStatus convertToEntityAttribute(String id) {
    return id == null
        ? null
        : OpportunityStatus.fromId(id)
            .orElseThrow(() -> new IllegalStateException("Unknown opportunity status " + id));
  }
}
