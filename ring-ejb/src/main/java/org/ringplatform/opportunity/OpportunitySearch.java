package org.ringplatform.opportunity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.opportunity.OpportunityService.Filter;

/**
 * The fast read path of the listing search (the API's list): the same rules as {@link
 * OpportunityService#search} (one WHERE clause, visibility first), read in plain JDBC without an
 * entity, a persistence context or a transaction, as light rows, and answered from a short-lived
 * cache shared only by callers whose SQL and bound values are identical.
 */
public interface OpportunitySearch {

  /**
   * A listing as a search row: every column of the listing but its search vector.
   *
   * @param id listing id
   * @param type type id
   * @param title title
   * @param summary one paragraph
   * @param description long text, or null
   * @param category category id
   * @param tags tags
   * @param skills skills asked for
   * @param location place name, or null
   * @param latitude degrees, or null
   * @param longitude degrees, or null
   * @param remote whether remote work is fine
   * @param budgetMin budget lower bound, or null
   * @param budgetMax budget upper bound, or null
   * @param currency budget currency, or null
   * @param expiresAt when it ends, or null
   * @param visibility visibility id
   * @param confidential whether only confidential access sees it
   * @param contact how to reach the author, or null
   * @param entityId the entity it speaks for, or null
   * @param authorId the author's account id
   * @param status status id
   * @param experienceLevel junior, mid, senior or lead, or null
   * @param applicantCount applications not withdrawn
   * @param moderationNote the moderator's note on a rejection, or null
   * @param contentVersion bumped when a field the matcher reads changes
   * @param createdAt when created
   * @param updatedAt when last changed
   * @param submittedAt when last sent to moderation, or null
   * @param activatedAt when approved, or null
   * @param closedAt when closed or expired, or null
   */
  record Listing(
      long id,
      String type,
      String title,
      String summary,
      String description,
      String category,
      List<String> tags,
      List<String> skills,
      String location,
      Double latitude,
      Double longitude,
      boolean remote,
      BigDecimal budgetMin,
      BigDecimal budgetMax,
      String currency,
      OffsetDateTime expiresAt,
      String visibility,
      boolean confidential,
      String contact,
      Long entityId,
      long authorId,
      String status,
      String experienceLevel,
      int applicantCount,
      String moderationNote,
      long contentVersion,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      OffsetDateTime submittedAt,
      OffsetDateTime activatedAt,
      OffsetDateTime closedAt) {}

  /**
   * One page of search rows; immutable, so cached pages are shared safely.
   *
   * @param items the rows on the page
   * @param total how many match in all, exact up to {@link OpportunityService#COUNT_CAP}, then the
   *     cap plus one
   */
  record Results(List<Listing> items, long total) {

    public Results {
      items = List.copyOf(items);
    }

    /** Whether more match than {@link #total} says (it stopped at the cap). */
    public boolean totalCapped() {
      return total > OpportunityService.COUNT_CAP;
    }
  }

  /**
   * Listings the viewer may see matching the filter, with the same rules, order and totals as
   * {@link OpportunityService#search}.
   */
  Results search(Optional<AuthenticatedUser> viewer, Filter filter, int offset, int limit);
}
