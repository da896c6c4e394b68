package org.ringplatform.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Referral codes and attribution (§11): each person's codes (a random one and their username tag),
 * the visits a shared link brings, and the attribution rules that decide whether a buyer's order or
 * a new account credits the owner of the code in the visitor's first-touch cookie.
 */
public interface Referrals {

  /** The first-touch attribution cookie's name. */
  String COOKIE = "ring_ref";

  /** How long the attribution cookie lasts. */
  int COOKIE_DAYS = 30;

  /** The query parameter of a share link ({@code ?ref=CODE}). */
  String PARAMETER = "ref";

  /**
   * A valid attribution.
   *
   * @param code the code as stored
   * @param referrerId its owner
   */
  record Attribution(String code, long referrerId) {}

  /**
   * Whether an order by {@code buyerId} is attributed to {@code code}: the code exists, is active
   * and at least 3 characters long, is not the buyer's own, and the buyer has no paid order yet
   * (the reward is for a first purchase only). Empty when any rule fails or the code is null.
   */
  Optional<Attribution> attributeOrder(long buyerId, String code);

  /**
   * One of a person's codes.
   *
   * @param code the code: 8 random characters, or the lower-cased username
   * @param kind {@code random} or {@code username}
   * @param active whether it still resolves
   * @param createdAt when it was made
   */
  record Code(String code, String kind, boolean active, OffsetDateTime createdAt) {}

  /**
   * The person's active codes, random first: on first use (and after the random code was
   * deactivated) a new random code is made, and a username tag when the account has a username.
   */
  List<Code> codes(long userId);

  /**
   * Deactivates one of the person's codes: it no longer resolves, and the next {@link #codes} makes
   * a new random code.
   *
   * @throws org.ringplatform.platform.RingException NOT_FOUND when the person has no such code
   */
  void deactivate(long userId, String code);

  /**
   * The active code {@code code} names (the code itself, or a username tag whatever its case; a tag
   * is made on first use for an existing username), or empty.
   */
  Optional<Attribution> resolve(String code);

  /**
   * Counts a visit through a share link for today (UTC) when the code resolves.
   *
   * @return the code as stored, or empty for an unknown or inactive code (nothing is counted)
   */
  Optional<Attribution> visit(String code);

  /**
   * Records who referred a new account (§11.2 sign-up attribution): the code resolves, it is not
   * the account's own, and the account has no referrer yet.
   *
   * @return whether the account is now attributed
   */
  boolean attributeSignUp(long userId, String code);

  /**
   * Visits of one UTC day.
   *
   * @param day the day
   * @param visits visits that day
   */
  record DayVisits(LocalDate day, long visits) {}

  /**
   * Visits through a person's codes (active or not).
   *
   * @param today visits today (UTC)
   * @param last7Days visits in the last 7 days, today included
   * @param last28Days visits in the last 28 days, today included
   * @param days each of the last 28 days, oldest first, zero days included
   */
  record Stats(long today, long last7Days, long last28Days, List<DayVisits> days) {}

  /** The person's visit statistics. */
  Stats stats(long userId);
}
