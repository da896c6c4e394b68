package org.ringplatform.opportunity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.ringplatform.identity.Role;

/**
 * The kind of a listing: the sixteen visible types of the reference (section 5.2), each with the
 * lowest role that may post it and whether it must be linked to an entity of its author.
 */
public enum OpportunityType {
  OFFER(Role.MEMBER),
  REQUEST(Role.SUBSCRIBER),
  PARTNERSHIP(Role.MEMBER),
  VOLUNTEER(Role.MEMBER),
  MENTORSHIP(Role.MEMBER),
  RESOURCE(Role.MEMBER),
  EVENT(Role.MEMBER),
  CV(Role.SUBSCRIBER),
  PROGRAM(Role.MEMBER),
  RING_CUSTOMIZATION(Role.MEMBER),
  SCHEDULED_SERVICES(Role.SUBSCRIBER),
  COLLECTIVE_ORDER(Role.MEMBER),
  BOUNTY(Role.SUBSCRIBER),
  TENDER(Role.MEMBER),
  ASSET_RENTAL(Role.MEMBER),
  JOB(Role.MEMBER);

  private final Role minimumRole;

  OpportunityType(Role minimumRole) {
    this.minimumRole = minimumRole;
  }

  /** The lowest role that may post a listing of this type (section 3.2). */
  public Role minimumRole() {
    return minimumRole;
  }

  /**
   * Offer-like types speak for an organisation, so they must name an entity their author owns or
   * belongs to; these are exactly the member-only types.
   */
  public boolean needsEntity() {
    return minimumRole == Role.MEMBER;
  }

  /** The id used in the database, the API and resource-bundle keys, e.g. {@code asset_rental}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<OpportunityType> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip();
    return Arrays.stream(values()).filter(t -> t.id().equals(wanted)).findFirst();
  }
}
