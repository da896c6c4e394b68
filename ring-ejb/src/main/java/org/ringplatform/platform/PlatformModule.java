package org.ringplatform.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The optional parts of Ring that an operator switches on or off by configuration. */
public enum PlatformModule {
  ENTITIES,
  OPPORTUNITIES,
  STORE,
  NEWS,
  MESSAGING,
  WALLET,
  REFERRALS,
  CRM;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PlatformModule> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.id().equals(wanted)).findFirst();
  }
}
