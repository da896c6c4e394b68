package org.ringplatform.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The role ladder {@code visitor < subscriber < member < confidential < admin < superadmin}. Every
 * access decision in Ring compares levels on this ladder; vendor status is not a role.
 */
public enum Role {
  VISITOR(0),
  SUBSCRIBER(1),
  MEMBER(2),
  CONFIDENTIAL(3),
  ADMIN(4),
  SUPERADMIN(5);

  private final int level;

  Role(int level) {
    this.level = level;
  }

  /** The numeric level on the ladder, 0 for visitor up to 5 for superadmin. */
  public int level() {
    return level;
  }

  /** The lower-case name used in the database, in tokens and in the API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this role is at least {@code minimum} on the ladder. */
  public boolean atLeast(Role minimum) {
    return level >= minimum.level;
  }

  public boolean hasMemberPrivileges() {
    return atLeast(MEMBER);
  }

  public boolean hasConfidentialAccess() {
    return atLeast(CONFIDENTIAL);
  }

  public boolean isPlatformAdmin() {
    return atLeast(ADMIN);
  }

  public boolean isSuperadmin() {
    return this == SUPERADMIN;
  }

  /**
   * Parses a stored or transmitted role id. Matching is exact on the trimmed, lower-case id; an
   * unknown value is empty rather than silently mapped to a role.
   */
  public static Optional<Role> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String trimmed = id.trim();
    return Arrays.stream(values()).filter(r -> r.id().equals(trimmed)).findFirst();
  }

  /** Roles that may be stored on an account (a visitor is someone without one). */
  public boolean isPersistable() {
    return this != VISITOR;
  }
}
