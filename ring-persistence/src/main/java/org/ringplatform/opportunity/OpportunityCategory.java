package org.ringplatform.opportunity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The one preset list of listing categories (the reference's section 5.3). */
public enum OpportunityCategory {
  TECHNOLOGY,
  BUSINESS,
  EDUCATION,
  HEALTHCARE,
  FINANCE,
  PLATFORM_DEPLOYMENT,
  MODULE_DEVELOPMENT,
  BRANDING_CUSTOMIZATION,
  DATABASE_MIGRATION,
  LOCALIZATION,
  PAYMENT_INTEGRATION,
  SMART_CONTRACTS,
  AI_CUSTOMIZATION,
  TOKEN_ECONOMICS,
  DOCUMENTATION_TRAINING,
  OTHER;

  /** The id used in the database, the API and resource-bundle keys. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<OpportunityCategory> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip();
    return Arrays.stream(values()).filter(c -> c.id().equals(wanted)).findFirst();
  }
}
