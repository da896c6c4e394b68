package org.ringplatform.matcher;

import java.util.List;

/**
 * The matcher's reads and writes on the database, called by the batch steps inside their chunk
 * transactions: the member snapshot, the queue of listings needing matching, recording a listing's
 * matches (with notices, auto-approval and the matched version in the same transaction) and
 * expiring listings past their date.
 */
public interface MatcherStore {

  /** What recording one listing did. */
  record Recorded(int matches, int notified, boolean approved) {}

  /** Every member who can be matched: active, confirmed, by ascending id. */
  MemberSnapshot loadMembers();

  /**
   * How many listings need matching now: pending or active with unmatched content, or active with
   * matches not yet announced.
   *
   * @param opportunityId only this listing, or null for all
   */
  int queueSize(Long opportunityId);

  /**
   * The next listings of the queue after {@code afterId}, by id, with the members each must not be
   * matched with (their entity blocked, "not interested").
   */
  List<Listing> nextListings(long afterId, Long opportunityId, int limit);

  /**
   * Stores a listing's matches, tells the members once, decides auto-approval, marks it matched.
   */
  Recorded record(ListingMatcher.Result result, long runId);

  /** How many active listings are past their date. */
  int dueCount();

  /** Expires up to {@code limit} active listings past their date; returns how many. */
  int expireDue(int limit);

  /** The settings the store and the steps use. */
  MatcherSettings settings();
}
