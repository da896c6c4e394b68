package org.ringplatform.matcher;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The matcher's configuration (MicroProfile Config keys {@code ring.matcher.*}): factor weights,
 * the notify threshold, the cap per listing, auto-approval and the optional LLM re-rank.
 *
 * @param skillsWeight weight of the skills overlap
 * @param tagsWeight weight of the tags and category-interest overlap
 * @param distanceWeight weight of the distance
 * @param experienceWeight weight of the experience-level fit
 * @param threshold lowest score (0-100) that makes a match
 * @param maxMatches most matches kept per listing
 * @param nearKm distance that still scores full
 * @param farKm distance from which the distance factor scores zero
 * @param autoApprove whether a strong pending listing goes live without an admin
 * @param autoApproveMinScore the best match a pending listing needs to be auto-approved
 * @param autoApproveRequiresLlm whether auto-approval also needs the LLM to have ranked the run
 * @param llm the re-rank client's settings
 */
public record MatcherSettings(
    int skillsWeight,
    int tagsWeight,
    int distanceWeight,
    int experienceWeight,
    int threshold,
    int maxMatches,
    double nearKm,
    double farKm,
    boolean autoApprove,
    int autoApproveMinScore,
    boolean autoApproveRequiresLlm,
    Llm llm) {

  /**
   * The OpenAI-compatible chat-completions endpoint used to re-rank and explain the best
   * candidates; off unless both a base URL and a key are set.
   *
   * @param baseUrl e.g. {@code https://api.openai.com/v1}
   * @param model model name
   * @param apiKey bearer key
   * @param timeout per-request timeout
   * @param candidates how many of the best deterministic candidates it sees
   */
  public record Llm(String baseUrl, String model, String apiKey, Duration timeout, int candidates) {
    public boolean enabled() {
      return baseUrl != null && !baseUrl.isBlank() && apiKey != null && !apiKey.isBlank();
    }
  }

  /** The defaults of the reference (40/30/20/10, threshold 70, 10 per listing, no LLM). */
  public static MatcherSettings defaults() {
    return from(key -> Optional.empty());
  }

  /** Reads the settings through {@code lookup} (a config key to its value), with defaults. */
  public static MatcherSettings from(Function<String, Optional<String>> lookup) {
    Function<String, String> get = key -> lookup.apply(key).map(String::strip).orElse(null);
    int threshold = clamp(intOf(get.apply("ring.matcher.threshold"), 70), 0, 100);
    int max = clamp(intOf(get.apply("ring.matcher.max-matches"), 10), 1, 100);
    return new MatcherSettings(
        Math.max(0, intOf(get.apply("ring.matcher.weight.skills"), 40)),
        Math.max(0, intOf(get.apply("ring.matcher.weight.tags"), 30)),
        Math.max(0, intOf(get.apply("ring.matcher.weight.distance"), 20)),
        Math.max(0, intOf(get.apply("ring.matcher.weight.experience"), 10)),
        threshold,
        max,
        doubleOf(get.apply("ring.matcher.distance.near-km"), 25),
        doubleOf(get.apply("ring.matcher.distance.far-km"), 500),
        Boolean.parseBoolean(get.apply("ring.matcher.auto-approve")),
        clamp(intOf(get.apply("ring.matcher.auto-approve-min-score"), 70), 0, 100),
        Boolean.parseBoolean(get.apply("ring.matcher.auto-approve-requires-llm")),
        new Llm(
            get.apply("ring.matcher.llm.base-url"),
            Optional.ofNullable(get.apply("ring.matcher.llm.model")).orElse("gpt-4o-mini"),
            get.apply("ring.matcher.llm.api-key"),
            Duration.ofMillis(
                Math.max(100, intOf(get.apply("ring.matcher.llm.timeout-ms"), 10000))),
            clamp(intOf(get.apply("ring.matcher.llm.candidates"), 2 * max), 1, 200)));
  }

  private static int intOf(String value, int fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static double doubleOf(String value, double fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
