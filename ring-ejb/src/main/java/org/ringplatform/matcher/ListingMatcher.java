package org.ringplatform.matcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches one listing against the member snapshot: the deterministic ranking, then, when an LLM is
 * configured, its re-rank of the best candidates with fallback to the deterministic scores. The
 * result records which method decided.
 */
public final class ListingMatcher {

  private final MatcherSettings settings;
  private final MatchScorer scorer;
  private final LlmReranker reranker;

  public ListingMatcher(MatcherSettings settings) {
    this.settings = settings;
    this.scorer = new MatchScorer(settings);
    this.reranker = settings.llm().enabled() ? new LlmReranker(settings.llm()) : null;
  }

  /**
   * A listing's matches, best first.
   *
   * @param listing the listing
   * @param matches at most {@code max-matches}, each at or above the threshold
   * @param llmUsed whether the LLM's ranking was used
   * @param llmError why it was not, when it was configured (timeout, http_500, ...), else null
   */
  public record Result(Listing listing, List<Match> matches, boolean llmUsed, String llmError) {
    public int bestScore() {
      return matches.isEmpty() ? -1 : matches.get(0).score();
    }
  }

  public Result match(Listing listing, MemberSnapshot members) {
    int pool =
        reranker == null
            ? settings.maxMatches()
            : Math.max(settings.maxMatches(), settings.llm().candidates());
    List<MatchScorer.Candidate> ranked = scorer.rank(listing, members, pool);
    if (reranker == null || ranked.isEmpty()) {
      List<Match> matches = new ArrayList<>();
      for (MatchScorer.Candidate c :
          ranked.subList(0, Math.min(ranked.size(), settings.maxMatches()))) {
        matches.add(scorer.toMatch(listing, members, c, "deterministic", null));
      }
      return new Result(listing, List.copyOf(matches), false, null);
    }
    List<LlmReranker.Candidate> asked = new ArrayList<>();
    for (MatchScorer.Candidate c : ranked) {
      asked.add(
          new LlmReranker.Candidate(
              c.userId(),
              c.score(),
              scorer.toMatch(listing, members, c, "deterministic", null).breakdown()));
    }
    LlmReranker.Outcome outcome = reranker.rerank(listing, asked);
    if (!outcome.used()) {
      List<Match> matches = new ArrayList<>();
      String extra = "\"llm\":{\"used\":false,\"error\":" + Json.quote(outcome.error()) + "}";
      for (MatchScorer.Candidate c :
          ranked.subList(0, Math.min(ranked.size(), settings.maxMatches()))) {
        matches.add(scorer.toMatch(listing, members, c, "deterministic", extra));
      }
      return new Result(listing, List.copyOf(matches), false, outcome.error());
    }
    Map<Long, LlmReranker.Verdict> verdicts = new HashMap<>();
    outcome.verdicts().forEach(v -> verdicts.put(v.userId(), v));
    List<Match> reranked = new ArrayList<>();
    for (MatchScorer.Candidate c : ranked) {
      LlmReranker.Verdict v = verdicts.get(c.userId());
      if (v == null) {
        // Not ranked by the model: its deterministic score stands.
        reranked.add(
            scorer.toMatch(
                listing, members, c, "deterministic", "\"llm\":{\"used\":true,\"ranked\":false}"));
        continue;
      }
      Match base =
          scorer.toMatch(
              listing,
              members,
              c,
              "llm",
              "\"llm\":{\"used\":true,\"deterministicScore\":"
                  + c.score()
                  + ",\"score\":"
                  + v.score()
                  + "}");
      String breakdown = base.breakdown().replaceFirst("\"total\":\\d+", "\"total\":" + v.score());
      reranked.add(
          new Match(
              c.userId(),
              v.score(),
              breakdown,
              v.explanation() == null || v.explanation().isBlank()
                  ? base.explanation()
                  : v.explanation()));
    }
    List<Match> kept =
        reranked.stream()
            .filter(m -> m.score() >= settings.threshold())
            .sorted(
                Comparator.comparingInt(Match::score).reversed().thenComparingLong(Match::userId))
            .limit(settings.maxMatches())
            .toList();
    return new Result(listing, kept, true, null);
  }
}
