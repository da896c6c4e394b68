package org.ringplatform.matcher;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * What the matcher shows: a listing's matches with their breakdown (to its author and to admins)
 * and the admin console's counts and matches per day.
 */
public interface MatcherConsole {

  /**
   * One stored match as its viewers see it.
   *
   * @param userId the member
   * @param displayName their name
   * @param score 0-100
   * @param breakdown JSON, per factor
   * @param explanation one line
   * @param createdAt when first matched
   */
  record MatchLine(
      long userId,
      String displayName,
      int score,
      String breakdown,
      String explanation,
      OffsetDateTime createdAt) {}

  /**
   * A day's count.
   *
   * @param day the UTC day
   * @param matches matches first stored that day
   */
  record DayCount(LocalDate day, long matches) {}

  /**
   * The console's figures.
   *
   * @param matches matches stored
   * @param listingsMatched listings with at least one match
   * @param membersMatched members with at least one match
   * @param notified match notices sent
   * @param queued listings waiting for the matcher
   * @param perDay matches per day for the last 30 days, oldest first, days without matches as 0
   */
  record Stats(
      long matches,
      long listingsMatched,
      long membersMatched,
      long notified,
      long queued,
      List<DayCount> perDay) {}

  /**
   * A listing's matches, best first.
   *
   * @throws org.ringplatform.platform.RingException not found when the listing does not exist or
   *     the caller may not see it, forbidden when they see it but are neither author nor admin
   */
  List<MatchLine> matchesOf(AuthenticatedUser caller, long opportunityId);

  /** The console's figures. */
  Stats stats();
}
