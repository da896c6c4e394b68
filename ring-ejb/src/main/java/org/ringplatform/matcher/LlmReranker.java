package org.ringplatform.matcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-ranks and explains a listing's best deterministic candidates through an OpenAI-compatible
 * chat-completions API. It never decides alone: it only sees candidates that already passed the
 * deterministic threshold, and any failure (timeout, HTTP error, an answer that is not the JSON
 * asked for) leaves the deterministic ranking in place, with the reason recorded.
 */
public final class LlmReranker {

  private final MatcherSettings.Llm settings;
  private final HttpClient http;

  public LlmReranker(MatcherSettings.Llm settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  /** One candidate as the model sees it: no email, no name, only what the score rests on. */
  public record Candidate(long userId, int score, String breakdown) {}

  /** The model's verdict on one member. */
  public record Verdict(long userId, int score, String explanation) {}

  /**
   * The outcome: the verdicts when the model answered, or the error that made us fall back.
   *
   * @param verdicts per member, in the model's order; empty on fallback
   * @param error why the model was not used, or null
   */
  public record Outcome(List<Verdict> verdicts, String error) {
    public boolean used() {
      return error == null;
    }
  }

  /** Asks the model; never throws. */
  public Outcome rerank(Listing listing, List<Candidate> candidates) {
    if (!settings.enabled()) {
      return new Outcome(List.of(), "disabled");
    }
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(settings.baseUrl().replaceAll("/+$", "") + "/chat/completions"))
              .timeout(settings.timeout())
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + settings.apiKey())
              .POST(HttpRequest.BodyPublishers.ofString(requestBody(listing, candidates)))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return new Outcome(List.of(), "http_" + response.statusCode());
      }
      return new Outcome(parse(response.body(), candidates), null);
    } catch (java.net.http.HttpTimeoutException e) {
      return new Outcome(List.of(), "timeout");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(List.of(), "interrupted");
    } catch (IllegalArgumentException | ClassCastException e) {
      return new Outcome(List.of(), "bad_answer");
    } catch (java.io.IOException e) {
      return new Outcome(List.of(), "unreachable");
    }
  }

  String requestBody(Listing listing, List<Candidate> candidates) {
    StringBuilder user = new StringBuilder();
    user.append("Listing: ")
        .append(listing.title())
        .append("\nCategory: ")
        .append(listing.category())
        .append("\nSkills: ")
        .append(String.join(", ", listing.skills()))
        .append("\nTags: ")
        .append(String.join(", ", listing.tags()))
        .append("\nExperience: ")
        .append(listing.experienceLevel() == null ? "any" : listing.experienceLevel())
        .append(listing.remote() ? "\nRemote: yes" : "")
        .append("\nCandidates (deterministic score and breakdown):\n");
    for (Candidate c : candidates) {
      user.append("- userId ")
          .append(c.userId())
          .append(": score ")
          .append(c.score())
          .append(", ")
          .append(c.breakdown())
          .append('\n');
    }
    String system =
        "You rank members for a listing on a professional network. Answer with JSON only:"
            + " {\"ranking\":[{\"userId\":<id>,\"score\":<0-100>,\"explanation\":\"<one sentence,"
            + " at most 160 characters>\"}]}, best first, using only the user ids given.";
    return "{\"model\":"
        + Json.quote(settings.model())
        + ",\"temperature\":0,\"response_format\":{\"type\":\"json_object\"},\"messages\":["
        + "{\"role\":\"system\",\"content\":"
        + Json.quote(system)
        + "},{\"role\":\"user\",\"content\":"
        + Json.quote(user.toString())
        + "}]}";
  }

  /**
   * Reads {@code choices[0].message.content} and the ranking inside it; unknown ids are dropped.
   */
  @SuppressWarnings("unchecked")
  static List<Verdict> parse(String body, List<Candidate> candidates) {
    Map<String, Object> root = (Map<String, Object>) Json.parse(body);
    List<Object> choices = (List<Object>) root.get("choices");
    Map<String, Object> message =
        (Map<String, Object>) ((Map<String, Object>) choices.get(0)).get("message");
    String content = ((String) message.get("content")).strip();
    if (content.startsWith("```")) {
      content = content.replaceAll("^```(json)?", "").replaceAll("```$", "").strip();
    }
    Map<String, Object> answer = (Map<String, Object>) Json.parse(content);
    List<Object> ranking = (List<Object>) answer.get("ranking");
    if (ranking == null) {
      throw new IllegalArgumentException("no ranking");
    }
    Map<Long, Candidate> known = new HashMap<>();
    candidates.forEach(c -> known.put(c.userId(), c));
    List<Verdict> verdicts = new ArrayList<>();
    for (Object o : ranking) {
      Map<String, Object> r = (Map<String, Object>) o;
      long userId = ((Number) r.get("userId")).longValue();
      if (known.remove(userId) == null) {
        continue;
      }
      int score = (int) Math.round(((Number) r.get("score")).doubleValue());
      Object explanation = r.get("explanation");
      verdicts.add(
          new Verdict(
              userId,
              Math.max(0, Math.min(100, score)),
              explanation instanceof String s ? MatchScorer.truncate(s.strip(), 300) : null));
    }
    if (verdicts.isEmpty()) {
      throw new IllegalArgumentException("empty ranking");
    }
    return verdicts;
  }
}
