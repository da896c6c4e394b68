package org.ringplatform.membership;

import java.time.OffsetDateTime;
import java.util.List;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;

/**
 * Paid membership (§3.4, §9.7, with §22.9 fixed): a subscriber buys a monthly or annual period by
 * card or with credits; when the payment is confirmed, in that same transaction, the subscription
 * becomes active and the role becomes member (through the identity module's audited role change); a
 * renewal extends the current period. The expiry job moves a period that ended to its grace period
 * and, when that ends too, expires it and returns the role to subscriber in one transaction, so
 * role and subscription always agree. Admins and confidential accounts are never downgraded.
 */
public interface Memberships {

  /** A plan and its price, from configuration, in the store currency. */
  enum Plan {
    MONTHLY("monthly", 30),
    ANNUAL("annual", 365);

    private final String id;
    private final int days;

    Plan(String id, int days) {
      this.id = id;
      this.days = days;
    }

    /** The stored and transmitted id. */
    public String id() {
      return id;
    }

    /** The length of a paid period. */
    public int days() {
      return days;
    }

    /** The plan with this id, or null. */
    public static Plan fromId(String id) {
      for (Plan p : values()) {
        if (p.id.equals(id == null ? null : id.strip())) {
          return p;
        }
      }
      return null;
    }
  }

  /**
   * A plan's price.
   *
   * @param plan monthly or annual
   * @param amountMinor the price in minor units
   * @param currency the store currency
   * @param days the period it buys
   */
  record Price(String plan, long amountMinor, String currency, int days) {}

  /** The plans on sale, monthly first. */
  List<Price> prices();

  /** Days of grace after a period ends before the membership expires. */
  int graceDays();

  /**
   * One paid (or to-be-paid) period.
   *
   * @param id subscription id
   * @param userId who
   * @param plan monthly or annual
   * @param status pending, active, grace, expired or cancelled
   * @param amountMinor what it costs
   * @param currency its currency
   * @param transactionId the payment, once started
   * @param periodStart when the period starts (set when paid)
   * @param periodEnd when it ends
   * @param graceUntil when its grace period ends
   * @param createdAt when it was bought
   */
  record Subscription(
      long id,
      long userId,
      String plan,
      String status,
      long amountMinor,
      String currency,
      Long transactionId,
      OffsetDateTime periodStart,
      OffsetDateTime periodEnd,
      OffsetDateTime graceUntil,
      OffsetDateTime createdAt) {}

  /**
   * A person's membership.
   *
   * @param role their role now
   * @param canBuy whether they may buy (a subscriber) or renew (a member by subscription)
   * @param renewal whether buying now would extend a live membership
   * @param memberUntil the end of the last paid period, or null
   * @param graceUntil the end of the grace period when the membership is in grace, or null
   * @param subscriptions their subscriptions, newest first
   */
  record Status(
      Role role,
      boolean canBuy,
      boolean renewal,
      OffsetDateTime memberUntil,
      OffsetDateTime graceUntil,
      List<Subscription> subscriptions) {}

  /** The person's membership. */
  Status status(long userId);

  /**
   * A started purchase.
   *
   * @param subscription the subscription (active when paid with credits)
   * @param reference the payment's order reference
   * @param paymentStatus the payment's status now ({@code paid} for credits)
   * @param payUrl where the buyer goes next to pay by card ({@code /pay?ref=...}), or null
   */
  record Purchase(
      Subscription subscription, String reference, String paymentStatus, String payUrl) {}

  /**
   * Buys a plan: a pending subscription whose payment starts through the PaymentConductor (purpose
   * membership, subject the subscription). With credits it is paid, and the membership active, when
   * this returns.
   *
   * @param plan monthly or annual
   * @param rail card or credits
   * @throws org.ringplatform.platform.RingException INVALID for an unknown plan or rail, CONFLICT
   *     ({@code not_subscriber}) for anyone but a subscriber or a member by subscription, CONFLICT
   *     ({@code insufficient_funds}) when the wallet is too low, UNAVAILABLE when card payments are
   *     not configured
   */
  Purchase purchase(AuthenticatedUser user, String plan, String rail, String clientKey);

  /** How many subscriptions the expiry job has to look at now. */
  long dueCount();

  /** The subscriptions the expiry job has to look at now, oldest first, at most {@code limit}. */
  List<Long> due(int limit);

  /**
   * Moves one subscription on, in a transaction of its own: a pending purchase older than a day is
   * cancelled; an active period that ended goes to grace (the person is told), or straight to
   * expired when a later period covers now or the grace is already over; a grace period that ended
   * expires and, when no other period is live, the role goes back from member to subscriber.
   *
   * @return whether it changed
   */
  boolean lapse(long subscriptionId);
}
