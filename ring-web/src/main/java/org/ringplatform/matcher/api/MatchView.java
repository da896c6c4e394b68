package org.ringplatform.matcher.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.OffsetDateTime;
import org.ringplatform.matcher.MatcherConsole;

/**
 * A match as the API shows it to the listing's author and to admins: the member, the score and the
 * per-factor breakdown as a JSON object.
 *
 * @param userId the member
 * @param displayName their name
 * @param score 0-100
 * @param breakdown per factor: weight, score, matched terms; the method (deterministic or llm)
 * @param explanation one line
 * @param createdAt when first matched
 */
public record MatchView(
    long userId,
    String displayName,
    int score,
    JsonObject breakdown,
    String explanation,
    OffsetDateTime createdAt) {

  static MatchView of(MatcherConsole.MatchLine m) {
    JsonObject breakdown;
    try (var reader = Json.createReader(new StringReader(m.breakdown()))) {
      breakdown = reader.readObject();
    }
    return new MatchView(
        m.userId(), m.displayName(), m.score(), breakdown, m.explanation(), m.createdAt());
  }
}
