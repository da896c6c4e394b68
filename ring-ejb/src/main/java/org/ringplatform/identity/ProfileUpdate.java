package org.ringplatform.identity;

import java.util.List;

/**
 * A new public profile for an account.
 *
 * @param displayName name to show, 1 to 100 characters
 * @param username unique handle, 3 to 32 of {@code A-Z a-z 0-9 _ -}, or null
 * @param avatarUrl https address of a picture, or null
 * @param bio free text up to 2000 characters, or null
 * @param skills skills the matcher compares with listings
 * @param tags interests the matcher compares with listings
 * @param locale preferred language ({@code en}, {@code uk}, {@code ru}), or null
 * @param location place name, or null
 * @param latitude latitude in degrees, with longitude or not at all
 * @param longitude longitude in degrees, with latitude or not at all
 * @param experienceLevel {@code junior}, {@code mid}, {@code senior} or {@code lead}, or null
 * @param interests opportunity categories the person wants to hear about
 */
public record ProfileUpdate(
    String displayName,
    String username,
    String avatarUrl,
    String bio,
    List<String> skills,
    List<String> tags,
    String locale,
    String location,
    Double latitude,
    Double longitude,
    String experienceLevel,
    List<String> interests) {}
