package org.ringplatform.opportunity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link OpportunityCategory} as its id. */
@Converter(autoApply = true)
public class OpportunityCategoryConverter
    implements AttributeConverter<OpportunityCategory, String> {

  @Override
  public String convertToDatabaseColumn(OpportunityCategory value) {
    return value == null ? null : value.id();
  }

  @Override
  public OpportunityCategory convertToEntityAttribute(String id) {
    return id == null
        ? null
        : OpportunityCategory.fromId(id)
            .orElseThrow(() -> new IllegalStateException("Unknown opportunity category " + id));
  }
}
