package org.ringplatform.entity.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.ringplatform.entity.Organisation;

/**
 * An entity as the API shows it.
 *
 * @param id entity id
 * @param name name
 * @param type industry id
 * @param shortDescription one line
 * @param fullDescription long text
 * @param logoUrl logo address
 * @param gallery picture addresses
 * @param location place name
 * @param latitude degrees
 * @param longitude degrees
 * @param website address
 * @param contactEmail contact
 * @param phone phone
 * @param tags tags
 * @param visibility who sees it
 * @param confidential whether only confidential access sees it
 * @param ownerId the owner's account id
 * @param moderationStatus active, reported or blocked
 * @param verificationStatus none, pending, under_review, verified or rejected
 * @param verified whether the entity carries the verified badge
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record EntityView(
    long id,
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
    boolean confidential,
    long ownerId,
    String moderationStatus,
    String verificationStatus,
    boolean verified,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static EntityView of(Organisation e) {
    return new EntityView(
        e.getId(),
        e.getName(),
        e.getType().id(),
        e.getShortDescription(),
        e.getFullDescription(),
        e.getLogoUrl(),
        e.getGallery(),
        e.getLocation(),
        e.getLatitude(),
        e.getLongitude(),
        e.getWebsite(),
        e.getContactEmail(),
        e.getPhone(),
        e.getTags(),
        e.getVisibility().id(),
        e.isConfidential(),
        e.getOwnerId(),
        e.getModerationStatus(),
        e.getVerificationStatus(),
        "verified".equals(e.getVerificationStatus()),
        e.getCreatedAt(),
        e.getUpdatedAt());
  }
}
