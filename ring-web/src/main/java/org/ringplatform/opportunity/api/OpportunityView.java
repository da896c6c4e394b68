package org.ringplatform.opportunity.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.ringplatform.opportunity.Opportunity;
import org.ringplatform.opportunity.OpportunitySearch.Listing;

/**
 * A listing as the API shows it.
 *
 * @param id listing id
 * @param type type id
 * @param title title
 * @param summary one paragraph
 * @param description long text
 * @param category category id
 * @param tags tags
 * @param skills skills asked for
 * @param location place name
 * @param latitude degrees
 * @param longitude degrees
 * @param remote whether remote work is fine
 * @param budgetMin budget lower bound
 * @param budgetMax budget upper bound
 * @param currency budget currency
 * @param expiresAt when it ends
 * @param visibility who sees it
 * @param confidential whether only confidential access sees it
 * @param contact how to reach the author
 * @param entityId the entity it speaks for
 * @param authorId the author's account id
 * @param status lifecycle status
 * @param experienceLevel junior, mid, senior or lead
 * @param applicantCount applications not withdrawn
 * @param moderationNote the moderator's note on a rejection
 * @param contentVersion bumped when a field the matcher reads changes
 * @param createdAt when created
 * @param updatedAt when last changed
 * @param submittedAt when last sent to moderation
 * @param activatedAt when approved
 * @param closedAt when closed or expired
 */
public record OpportunityView(
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
    OffsetDateTime closedAt) {

  static OpportunityView of(Opportunity o) {
    return new OpportunityView(
        o.getId(),
        o.getType().id(),
        o.getTitle(),
        o.getSummary(),
        o.getDescription(),
        o.getCategory().id(),
        o.getTags(),
        o.getSkills(),
        o.getLocation(),
        o.getLatitude(),
        o.getLongitude(),
        o.isRemote(),
        o.getBudgetMin(),
        o.getBudgetMax(),
        o.getCurrency(),
        o.getExpiresAt(),
        o.getVisibility().id(),
        o.isConfidential(),
        o.getContact(),
        o.getEntityId(),
        o.getAuthorId(),
        o.getStatus().id(),
        o.getExperienceLevel(),
        o.getApplicantCount(),
        o.getModerationNote(),
        o.getContentVersion(),
        o.getCreatedAt(),
        o.getUpdatedAt(),
        o.getSubmittedAt(),
        o.getActivatedAt(),
        o.getClosedAt());
  }

  /** A search row, the same fields and values as the listing's entity gives. */
  static OpportunityView of(Listing o) {
    return new OpportunityView(
        o.id(),
        o.type(),
        o.title(),
        o.summary(),
        o.description(),
        o.category(),
        o.tags(),
        o.skills(),
        o.location(),
        o.latitude(),
        o.longitude(),
        o.remote(),
        o.budgetMin(),
        o.budgetMax(),
        o.currency(),
        o.expiresAt(),
        o.visibility(),
        o.confidential(),
        o.contact(),
        o.entityId(),
        o.authorId(),
        o.status(),
        o.experienceLevel(),
        o.applicantCount(),
        o.moderationNote(),
        o.contentVersion(),
        o.createdAt(),
        o.updatedAt(),
        o.submittedAt(),
        o.activatedAt(),
        o.closedAt());
  }
}
