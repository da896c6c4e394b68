package org.ringplatform.matcher;

/**
 * One member found to fit a listing: the score and its breakdown as stored.
 *
 * @param userId the member
 * @param score 0-100
 * @param breakdown JSON: each factor's score, weight and matched terms, and the method used
 * @param explanation a one-line reason for the member and the listing's owner
 */
public record Match(long userId, int score, String breakdown, String explanation) {}
