package org.ringplatform.identity;

import java.util.Locale;

/** Whether an account may sign in and use tokens. */
public enum AccountStatus {
  ACTIVE,
  SUSPENDED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
