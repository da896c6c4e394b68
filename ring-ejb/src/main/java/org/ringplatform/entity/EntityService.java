package org.ringplatform.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.UserAccount;

/**
 * Entities (organisations): create, read, update and delete with the visibility ladder and the
 * confidential flag enforced in every query and read; members; moderation (reports, personal
 * hiding, global blocks); and the audit of it all. The caller's rights are checked here, whatever
 * the page or client allowed.
 */
public interface EntityService {

  /**
   * What a person writes about an entity.
   *
   * @param name 1 to 200 characters
   * @param type an {@link EntityType} id
   * @param shortDescription 1 to 300 characters
   * @param fullDescription up to 10,000 characters, or null
   * @param logoUrl an https address, or null
   * @param gallery up to 20 https addresses
   * @param location a place name, or null
   * @param latitude degrees, with longitude or not at all
   * @param longitude degrees, with latitude or not at all
   * @param website an http(s) address, or null
   * @param contactEmail an email address, or null
   * @param phone a phone number, or null
   * @param tags up to 50 short tags
   * @param visibility a visibility id ({@code public} when null)
   * @param confidential whether only confidential access may see it
   */
  record Draft(
      String name,
      String type,
      String shortDescription,
      String fullDescription,
      String logoUrl,
      List<String> gallery,
      String location,
      Double latitude,
      Double longitude,
      String website,
      String contactEmail,
      String phone,
      List<String> tags,
      String visibility,
      boolean confidential) {}

  /**
   * What to list; null or blank means any.
   *
   * @param query text in the name or short description
   * @param type an {@link EntityType} id
   * @param mine only entities the caller owns or belongs to
   */
  record Filter(String query, String type, boolean mine) {}

  /**
   * One page of entities.
   *
   * @param items the entities on the page
   * @param total how many match in all
   */
  record Page(List<Organisation> items, long total) {}

  /**
   * An open report, for the moderation queue.
   *
   * @param id report id
   * @param entityId the entity
   * @param entityName its name
   * @param reporterId who reported
   * @param category why
   * @param reason their words
   * @param createdAt when
   */
  record Report(
      long id,
      long entityId,
      String entityName,
      long reporterId,
      String category,
      String reason,
      OffsetDateTime createdAt) {}

  /**
   * One line of an entity's audit trail.
   *
   * @param actorId who
   * @param action what
   * @param detail details
   * @param at when
   */
  record AuditLine(Long actorId, String action, String detail, OffsetDateTime at) {}

  Organisation create(AuthenticatedUser actor, Draft draft);

  Organisation update(AuthenticatedUser actor, long id, Draft draft);

  void delete(AuthenticatedUser actor, long id);

  /** The entity if the viewer may see it; an entity they may not see is "not found". */
  Organisation get(Optional<AuthenticatedUser> viewer, long id);

  /** Entities the viewer may see, newest first, minus those they hid and blocked ones. */
  Page list(Optional<AuthenticatedUser> viewer, Filter filter, int offset, int limit);

  /** The members of an entity the viewer may see. */
  List<UserAccount> members(Optional<AuthenticatedUser> viewer, long id);

  /** Adds an existing account as a member (owner or admin); the invitee is told. */
  void invite(AuthenticatedUser actor, long id, String email);

  /** Reports an entity (anyone signed in but its owner), once while the report is open. */
  void report(AuthenticatedUser actor, long id, String category, String reason);

  /** Hides an entity from the caller everywhere lists and search show it. */
  void hide(AuthenticatedUser actor, long id);

  void unhide(AuthenticatedUser actor, long id);

  /** Whether the caller hid this entity. */
  boolean hidden(AuthenticatedUser actor, long id);

  /** Blocks an entity for everyone but admins and resolves its open reports (admins only). */
  void block(AuthenticatedUser admin, long id, String reason);

  void unblock(AuthenticatedUser admin, long id, String reason);

  /** Open reports, oldest first (admins only). */
  List<Report> openReports(AuthenticatedUser admin);

  /** Closes a report as resolved or dismissed (admins only). */
  void closeReport(AuthenticatedUser admin, long reportId, boolean dismissed);

  /** The audit trail, newest first (owner or admin). */
  List<AuditLine> audit(AuthenticatedUser actor, long id);
}
