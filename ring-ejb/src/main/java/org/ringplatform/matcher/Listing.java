package org.ringplatform.matcher;

import java.util.List;
import org.ringplatform.identity.Visibility;

/**
 * A listing as the matcher reads it from the queue: what it is scored on, who must not be matched
 * with it, and the content version the result will be recorded against.
 *
 * @param id listing id
 * @param title title, for notices
 * @param status pending or active
 * @param authorId its author, never matched
 * @param entityId linked entity, or null
 * @param visibility who may see it
 * @param confidential its confidential flag
 * @param category its category (counts as one of its tags)
 * @param tags its tags
 * @param skills its required skills
 * @param latitude latitude, or null
 * @param longitude longitude, or null
 * @param remote whether it can be done from anywhere
 * @param experienceLevel junior, mid, senior or lead, or null
 * @param contentVersion the content version read
 * @param excluded members who block its entity or said "not interested", sorted ascending
 */
public record Listing(
    long id,
    String title,
    String status,
    long authorId,
    Long entityId,
    Visibility visibility,
    boolean confidential,
    String category,
    List<String> tags,
    List<String> skills,
    Double latitude,
    Double longitude,
    boolean remote,
    String experienceLevel,
    long contentVersion,
    long[] excluded) {

  public boolean pending() {
    return "pending".equals(status);
  }
}
