package org.ringplatform.identity.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.ringplatform.identity.UserAccount;

/**
 * An account as the API shows it to its owner and to admins.
 *
 * @param id account id
 * @param email sign-in email
 * @param displayName name shown
 * @param username unique handle
 * @param role place on the ladder
 * @param status active or suspended
 * @param emailVerified whether the email was confirmed
 * @param avatarUrl picture address
 * @param bio free text
 * @param skills skills
 * @param tags interests
 * @param locale preferred language
 * @param location place name
 * @param latitude degrees
 * @param longitude degrees
 * @param experienceLevel junior, mid, senior or lead, or null
 * @param interests opportunity categories of interest
 * @param createdAt when the account was created
 */
public record AccountView(
    long id,
    String email,
    String displayName,
    String username,
    String role,
    String status,
    boolean emailVerified,
    String avatarUrl,
    String bio,
    List<String> skills,
    List<String> tags,
    String locale,
    String location,
    Double latitude,
    Double longitude,
    String experienceLevel,
    List<String> interests,
    OffsetDateTime createdAt) {

  static AccountView of(UserAccount a) {
    return new AccountView(
        a.getId(),
        a.getEmail(),
        a.getDisplayName(),
        a.getUsername(),
        a.getRole().id(),
        a.getStatus().id(),
        a.isEmailVerified(),
        a.getAvatarUrl(),
        a.getBio(),
        a.getSkills(),
        a.getTags(),
        a.getLocale(),
        a.getLocation(),
        a.getLatitude(),
        a.getLongitude(),
        a.getExperienceLevel(),
        a.getInterests(),
        a.getCreatedAt());
  }
}
