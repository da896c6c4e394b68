package org.ringplatform.identity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores an {@link AccountStatus} as its lower-case id. */
@Converter(autoApply = true)
public class AccountStatusConverter implements AttributeConverter<AccountStatus, String> {

  @Override
  public String convertToDatabaseColumn(AccountStatus status) {
    return status == null ? null : status.id();
  }

  @Override
  public AccountStatus convertToEntityAttribute(String id) {
    return id == null ? null : AccountStatus.valueOf(id.toUpperCase(Locale.ROOT));
  }
}
