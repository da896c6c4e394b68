package org.ringplatform.opportunity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * Opportunities (listings): posting with the role gates and the linked-entity rule, the moderated
 * lifecycle, search with visibility enforced in the query, applications, and each person's "save"
 * and "not interested". The caller's rights are checked here, whatever the page or client allowed.
 */
public interface OpportunityService {

  /**
   * What an author writes. The status is not part of it: only the lifecycle methods move it.
   *
   * @param type an {@link OpportunityType} id, one of the enabled types
   * @param title 3 to 200 characters
   * @param summary 10 to 500 characters
   * @param description up to 20,000 characters, or null
   * @param category an {@link OpportunityCategory} id
   * @param tags up to 30, trimmed, lower-cased, de-duplicated
   * @param skills up to 30, trimmed, lower-cased, de-duplicated
   * @param location a place name, or null
   * @param latitude degrees, with longitude or not at all
   * @param longitude degrees, with latitude or not at all
   * @param remote whether the work can be done remotely
   * @param budgetMin lower bound, not negative, or null
   * @param budgetMax upper bound, at least the lower one, or null
   * @param currency three upper-case letters; required with a budget
   * @param expiresAt when the listing ends, in the future, or null
   * @param visibility a visibility id ({@code public} when null)
   * @param confidential whether only confidential access may see it
   * @param contact how to reach the author, or null
   * @param entityId the entity the listing speaks for; required by offer-like types
   * @param experienceLevel junior, mid, senior or lead, or null
   */
  record Draft(
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
      String experienceLevel) {}

  /** How a page of listings is ordered. */
  enum Sort {
    /** Newest first (the default without a query). */
    NEWEST,
    /** Best full-text rank first (the default with a query). */
    RELEVANCE,
    /** Soonest expiry first; listings without one last. */
    EXPIRING,
    /** Highest budget first; listings without one last. */
    BUDGET
  }

  /**
   * What to search for; null or empty means any.
   *
   * @param query words for the full-text search
   * @param types {@link OpportunityType} ids
   * @param category an {@link OpportunityCategory} id
   * @param entityId listings of this entity
   * @param budgetMin the wanted budget range's lower end (overlap)
   * @param budgetMax the wanted budget range's upper end (overlap)
   * @param currency budgets in this currency
   * @param latitude centre of a radius search
   * @param longitude centre of a radius search
   * @param radiusKm radius around the centre, up to 20,000 km
   * @param remote only remote listings
   * @param mine only the caller's own listings, in any status
   * @param saved only listings the caller saved
   * @param status a status id: the caller's own listings in it (all listings for admins)
   * @param includeNotInterested also listings the caller marked "not interested"
   * @param confidentialOnly only confidential listings (the confidential rooms)
   * @param sort the order, or null for the default
   */
  record Filter(
      String query,
      List<String> types,
      String category,
      Long entityId,
      BigDecimal budgetMin,
      BigDecimal budgetMax,
      String currency,
      Double latitude,
      Double longitude,
      Double radiusKm,
      boolean remote,
      boolean mine,
      boolean saved,
      String status,
      boolean includeNotInterested,
      boolean confidentialOnly,
      Sort sort) {

    /** The board: active listings the caller may see, newest first. */
    public static Filter board() {
      return new Filter(
          null, List.of(), null, null, null, null, null, null, null, null, false, false, false,
          null, false, false, null);
    }
  }

  /**
   * One page of listings.
   *
   * @param items the listings on the page
   * @param total how many match in all
   */
  record Page(List<Opportunity> items, long total) {

    /** Whether there are more matches than {@link #total} says (it stopped at the cap). */
    public boolean totalCapped() {
      return total > COUNT_CAP;
    }
  }

  /** Search totals are exact up to this many matches. */
  int COUNT_CAP = 10_000;

  /**
   * An application to a listing.
   *
   * @param id application id
   * @param opportunityId the listing
   * @param applicantId who applied
   * @param applicantName their display name
   * @param message their words
   * @param status submitted, accepted, rejected or withdrawn
   * @param response the owner's answer, or null
   * @param createdAt when applied
   * @param decidedAt when answered, or null
   */
  record Application(
      long id,
      long opportunityId,
      long applicantId,
      String applicantName,
      String message,
      String status,
      String response,
      OffsetDateTime createdAt,
      OffsetDateTime decidedAt) {}

  /**
   * One line of a listing's history.
   *
   * @param actorId who, or null for the system
   * @param action what
   * @param detail details
   * @param at when
   */
  record HistoryLine(Long actorId, String action, String detail, OffsetDateTime at) {}

  /** The per-person marks on a listing. */
  enum Mark {
    SAVED("saved"),
    NOT_INTERESTED("not_interested");

    private final String id;

    Mark(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** The types this platform offers ({@code ring.opportunities.enabled-types}). */
  List<OpportunityType> enabledTypes();

  /** The enabled types {@code actor} may post. */
  List<OpportunityType> typesFor(AuthenticatedUser actor);

  /** Posts a listing as a draft, or straight to moderation when {@code submit}. */
  Opportunity create(AuthenticatedUser actor, Draft draft, boolean submit);

  /**
   * Edits a draft, pending or active listing (its author or an admin). An author's edit of an
   * active listing sends it back to moderation; an admin's edit keeps its status.
   */
  Opportunity update(AuthenticatedUser actor, long id, Draft draft);

  /** Draft to pending (its author or an admin). */
  Opportunity submit(AuthenticatedUser actor, long id);

  /** Pending to active (admins only); the author is told. */
  Opportunity approve(AuthenticatedUser admin, long id, String note);

  /** Pending back to draft with a note (admins only); the author is told. */
  Opportunity reject(AuthenticatedUser admin, long id, String note);

  /** Active to closed (its author or an admin). */
  Opportunity close(AuthenticatedUser actor, long id);

  /** Draft, closed or expired to archived (its author or an admin). */
  Opportunity archive(AuthenticatedUser actor, long id);

  /** Deletes an archived listing (its author) or any listing (an admin). */
  void delete(AuthenticatedUser actor, long id);

  /** The listing if the viewer may see it; one they may not see is "not found". */
  Opportunity get(Optional<AuthenticatedUser> viewer, long id);

  /** Listings the viewer may see matching the filter, with visibility in the query. */
  Page search(Optional<AuthenticatedUser> viewer, Filter filter, int offset, int limit);

  /** Listings awaiting moderation, oldest first (admins only). */
  Page pending(AuthenticatedUser admin, int offset, int limit);

  /** The history of a listing, newest first (its author or an admin). */
  List<HistoryLine> history(AuthenticatedUser actor, long id);

  /** Sets or clears a mark of the caller on a listing they may see; idempotent. */
  void mark(AuthenticatedUser actor, long id, Mark mark, boolean on);

  /** The caller's marks on a listing. */
  Set<Mark> marks(AuthenticatedUser actor, long id);

  /** Applies once to an active listing of someone else (members); the owner is told. */
  Application apply(AuthenticatedUser actor, long id, String message);

  /** The applications to a listing, oldest first (its author or an admin). */
  List<Application> applications(AuthenticatedUser actor, long id);

  /** The caller's own application to a listing, if any. */
  Optional<Application> myApplication(AuthenticatedUser actor, long id);

  /** Accepts or rejects a submitted application (the listing's author or an admin). */
  Application decide(
      AuthenticatedUser actor, long id, long applicationId, boolean accept, String response);

  /** Withdraws the caller's own application. */
  void withdraw(AuthenticatedUser actor, long id);
}
