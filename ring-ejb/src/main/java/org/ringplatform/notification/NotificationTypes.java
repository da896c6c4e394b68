package org.ringplatform.notification;

import java.util.List;
import java.util.Optional;

/**
 * The notification types people can set preferences for, each with its default channels: in-app is
 * on for every type; email is on by default only for what a person would not want to miss (a strong
 * match, an application to their listing, the decision on their own application, the answer to
 * their membership request, a paid membership about to lapse or lapsed, an admin's decision on
 * their store, their paid order, an order their store received, a refund request). Services may
 * tell other types too; those use the same defaults without email.
 */
public final class NotificationTypes {

  /**
   * One type.
   *
   * @param id the stored type, also the key of its texts
   * @param emailByDefault whether email is on until the person says otherwise
   */
  public record Type(String id, boolean emailByDefault) {}

  public static final String OPPORTUNITY_MATCHED_AI = "opportunity_matched_ai";
  public static final String OPPORTUNITY_APPLIED = "opportunity_applied";
  public static final String OPPORTUNITY_APPLICATION_DECIDED = "opportunity_application_decided";
  public static final String OPPORTUNITY_UPDATED = "opportunity_updated";
  public static final String OPPORTUNITY_EXPIRED = "opportunity_expired";
  public static final String OPPORTUNITY_APPROVED = "opportunity_approved";
  public static final String OPPORTUNITY_REJECTED = "opportunity_rejected";
  public static final String ENTITY_INVITED = "entity_invited";
  public static final String ENTITY_REPORTED = "entity_reported";
  public static final String ENTITY_BLOCKED = "entity_blocked";
  public static final String VERIFICATION_IN_REVIEW = "verification_in_review";
  public static final String VERIFICATION_INFO_REQUESTED = "verification_info_requested";
  public static final String VERIFICATION_APPROVED = "verification_approved";
  public static final String VERIFICATION_REJECTED = "verification_rejected";
  public static final String UPGRADE_APPROVED = "upgrade_approved";
  public static final String UPGRADE_REJECTED = "upgrade_rejected";
  public static final String ROLE_CHANGED = "role_changed";
  public static final String REFERRAL_REWARD = "referral_reward";
  public static final String MEMBERSHIP_RENEWED = "membership_renewed";
  public static final String MEMBERSHIP_GRACE = "membership_grace";
  public static final String MEMBERSHIP_EXPIRED = "membership_expired";
  public static final String VENDOR_APPROVED = "vendor_approved";
  public static final String VENDOR_REJECTED = "vendor_rejected";
  public static final String VENDOR_SUSPENDED = "vendor_suspended";
  public static final String VENDOR_REINSTATED = "vendor_reinstated";
  public static final String VENDOR_TIER_CHANGED = "vendor_tier_changed";
  public static final String PRODUCT_APPROVED = "product_approved";
  public static final String PRODUCT_REJECTED = "product_rejected";
  public static final String STORE_ORDER_PAID = "store_order_paid";
  public static final String STORE_ORDER_RECEIVED = "store_order_received";
  public static final String STORE_ORDER_STATUS = "store_order_status";
  public static final String STORE_ORDER_REFUND_REQUESTED = "store_order_refund_requested";

  /** Every type with preferences, in the order the preferences page lists them. */
  public static final List<Type> ALL =
      List.of(
          new Type(OPPORTUNITY_MATCHED_AI, true),
          new Type(OPPORTUNITY_APPLIED, true),
          new Type(OPPORTUNITY_APPLICATION_DECIDED, true),
          new Type(OPPORTUNITY_UPDATED, false),
          new Type(OPPORTUNITY_EXPIRED, false),
          new Type(OPPORTUNITY_APPROVED, false),
          new Type(OPPORTUNITY_REJECTED, false),
          new Type(ENTITY_INVITED, false),
          new Type(ENTITY_REPORTED, false),
          new Type(ENTITY_BLOCKED, false),
          new Type(VERIFICATION_IN_REVIEW, false),
          new Type(VERIFICATION_INFO_REQUESTED, false),
          new Type(VERIFICATION_APPROVED, false),
          new Type(VERIFICATION_REJECTED, false),
          new Type(UPGRADE_APPROVED, true),
          new Type(UPGRADE_REJECTED, true),
          new Type(ROLE_CHANGED, false),
          new Type(REFERRAL_REWARD, false),
          new Type(MEMBERSHIP_RENEWED, false),
          new Type(MEMBERSHIP_GRACE, true),
          new Type(MEMBERSHIP_EXPIRED, true),
          new Type(VENDOR_APPROVED, true),
          new Type(VENDOR_REJECTED, true),
          new Type(VENDOR_SUSPENDED, true),
          new Type(VENDOR_REINSTATED, true),
          new Type(VENDOR_TIER_CHANGED, false),
          new Type(PRODUCT_APPROVED, false),
          new Type(PRODUCT_REJECTED, false),
          new Type(STORE_ORDER_PAID, true),
          new Type(STORE_ORDER_RECEIVED, true),
          new Type(STORE_ORDER_STATUS, false),
          new Type(STORE_ORDER_REFUND_REQUESTED, true));

  private NotificationTypes() {}

  /** The catalogued type {@code id}. */
  public static Optional<Type> find(String id) {
    return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
