package org.ringplatform.store.vendor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an admin does with a store, with the status it must be in, the status it moves to and
 * whether a note (which the owner is told) is required.
 */
public enum VendorDecision {
  APPROVE(VendorStatus.PENDING, VendorStatus.ACTIVE, false, "approved"),
  REJECT(VendorStatus.PENDING, VendorStatus.REJECTED, true, "rejected"),
  SUSPEND(VendorStatus.ACTIVE, VendorStatus.SUSPENDED, true, "suspended"),
  REINSTATE(VendorStatus.SUSPENDED, VendorStatus.ACTIVE, false, "reinstated");

  private final VendorStatus from;
  private final VendorStatus to;
  private final boolean noteRequired;
  private final String event;

  VendorDecision(VendorStatus from, VendorStatus to, boolean noteRequired, String event) {
    this.from = from;
    this.to = to;
    this.noteRequired = noteRequired;
    this.event = event;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status a store must be in for this decision. */
  public VendorStatus from() {
    return from;
  }

  /** The status the store moves to. */
  public VendorStatus to() {
    return to;
  }

  /** Whether the admin must say why (the owner reads it). */
  public boolean noteRequired() {
    return noteRequired;
  }

  /** The action recorded in {@code vendor_events}, also the suffix of the owner's notice type. */
  public String event() {
    return event;
  }

  public static Optional<VendorDecision> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(d -> d.id().equals(wanted)).findFirst();
  }
}
