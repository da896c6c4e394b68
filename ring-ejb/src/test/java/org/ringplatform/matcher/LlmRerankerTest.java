package org.ringplatform.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.Visibility;

/**
 * The LLM re-rank against a local stand-in of the OpenAI chat-completions API: its ranking and
 * explanations are used when it answers, and the deterministic scores stand when it times out,
 * fails or answers nonsense, with the reason recorded in the breakdown.
 */
class LlmRerankerTest {

  private HttpServer server;
  private final AtomicReference<String> answer = new AtomicReference<>();
  private final AtomicReference<Integer> status = new AtomicReference<>(200);
  private final AtomicReference<Long> delayMs = new AtomicReference<>(0L);
  private final AtomicReference<String> lastRequest = new AtomicReference<>();
  private final AtomicReference<String> lastAuth = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          lastRequest.set(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          lastAuth.set(exchange.getRequestHeaders().getFirst("Authorization"));
          try {
            Thread.sleep(delayMs.get());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body =
              ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                      + "\"message\":{\"role\":\"assistant\",\"content\":"
                      + Json.quote(answer.get())
                      + "},\"finish_reason\":\"stop\"}]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status.get(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          } catch (java.io.IOException ignored) {
            // The client gave up (the timeout case).
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ListingMatcher matcher(int timeoutMs) {
    Map<String, String> config =
        Map.of(
            "ring.matcher.llm.base-url",
            "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/",
            "ring.matcher.llm.api-key",
            "test-key",
            "ring.matcher.llm.model",
            "stand-in",
            "ring.matcher.llm.timeout-ms",
            String.valueOf(timeoutMs));
    return new ListingMatcher(MatcherSettings.from(key -> Optional.ofNullable(config.get(key))));
  }

  private static final Listing LISTING =
      new Listing(
          1,
          "Backend developer",
          "pending",
          999,
          null,
          Visibility.PUBLIC,
          false,
          "technology",
          List.of(),
          List.of("java", "sql"),
          null,
          null,
          true,
          null,
          1,
          new long[0]);

  private static MemberSnapshot members() {
    return new MemberSnapshot.Builder()
        .add(
            1,
            Role.MEMBER.level(),
            null,
            null,
            null,
            List.of("java", "sql"),
            List.of("technology"),
            "a")
        .add(
            2,
            Role.MEMBER.level(),
            null,
            null,
            null,
            List.of("java", "sql"),
            List.of("technology"),
            "b")
        .add(3, Role.MEMBER.level(), null, null, null, List.of("java"), List.of("technology"), "c")
        .build();
  }

  @Test
  void theModelsRankingAndExplanationsAreUsed() {
    answer.set(
        "{\"ranking\":[{\"userId\":2,\"score\":95,\"explanation\":\"Strong Java and SQL.\"},"
            + "{\"userId\":1,\"score\":60,\"explanation\":\"Weaker fit.\"},"
            + "{\"userId\":42,\"score\":99,\"explanation\":\"Not a candidate.\"}]}");
    ListingMatcher.Result r = matcher(5000).match(LISTING, members());
    assertTrue(r.llmUsed());
    // 2 first by the model's score; 1 dropped below 70; 3 unranked keeps its deterministic 78.
    assertEquals(List.of(2L, 3L), r.matches().stream().map(Match::userId).toList());
    assertEquals(95, r.matches().get(0).score());
    assertEquals("Strong Java and SQL.", r.matches().get(0).explanation());
    assertTrue(r.matches().get(0).breakdown().contains("\"method\":\"llm\""));
    assertTrue(r.matches().get(0).breakdown().contains("\"deterministicScore\":100"));
    assertEquals("Bearer test-key", lastAuth.get());
    assertTrue(lastRequest.get().contains("\"model\":\"stand-in\""));
    assertFalse(lastRequest.get().contains("\"a\""), "names are not sent");
  }

  @Test
  void aTimeoutFallsBackToTheDeterministicScores() {
    delayMs.set(1500L);
    answer.set("{\"ranking\":[{\"userId\":3,\"score\":99}]}");
    ListingMatcher.Result r = matcher(300).match(LISTING, members());
    assertFalse(r.llmUsed());
    assertEquals("timeout", r.llmError());
    assertEquals(List.of(1L, 2L, 3L), r.matches().stream().map(Match::userId).toList());
    assertTrue(r.matches().get(0).breakdown().contains("\"method\":\"deterministic\""));
    assertTrue(r.matches().get(0).breakdown().contains("\"error\":\"timeout\""));
  }

  @Test
  void anErrorOrAnAnswerThatIsNotTheAskedJsonFallsBack() {
    status.set(500);
    answer.set("{}");
    assertEquals("http_500", matcher(5000).match(LISTING, members()).llmError());
    status.set(200);
    answer.set("I think member 2 is best.");
    ListingMatcher.Result r = matcher(5000).match(LISTING, members());
    assertEquals("bad_answer", r.llmError());
    assertEquals(3, r.matches().size());
  }

  @Test
  void withoutABaseUrlOrKeyTheModelIsNeverAsked() {
    ListingMatcher.Result r =
        new ListingMatcher(MatcherSettings.defaults()).match(LISTING, members());
    assertFalse(r.llmUsed());
    assertEquals(null, r.llmError());
    assertEquals(null, lastRequest.get());
  }
}
