package org.ringplatform.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringplatform.matcher.AutoApproval.Reason;

/** Auto-approval's reasons, checked in the reference's order (§5.8, §20 item 1). */
class AutoApprovalTest {

  private static MatcherSettings settings(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return MatcherSettings.from(key -> Optional.ofNullable(map.get(key)));
  }

  private static final MatcherSettings ON = settings("ring.matcher.auto-approve", "true");

  @Test
  void offByDefault() {
    assertEquals(
        Reason.AUTO_APPROVE_DISABLED,
        AutoApproval.decide(MatcherSettings.defaults(), "pending", true, 100));
  }

  @Test
  void onlyAPendingListingIsApproved() {
    assertEquals(Reason.NOT_PENDING, AutoApproval.decide(ON, "active", false, 100));
    assertEquals(Reason.NOT_PENDING, AutoApproval.decide(ON, "draft", false, 100));
  }

  @Test
  void aStrongPendingListingIsApproved() {
    assertEquals(Reason.APPROVED, AutoApproval.decide(ON, "pending", false, 70));
    assertEquals("approved", Reason.APPROVED.code());
  }

  @Test
  void noMatchOrABestMatchBelowTheMinimumIsNotEnough() {
    assertEquals(Reason.NO_MATCHES_ABOVE_THRESHOLD, AutoApproval.decide(ON, "pending", false, 69));
    assertEquals(Reason.NO_MATCHES_ABOVE_THRESHOLD, AutoApproval.decide(ON, "pending", false, -1));
    MatcherSettings strict =
        settings("ring.matcher.auto-approve", "true", "ring.matcher.auto-approve-min-score", "90");
    assertEquals(
        Reason.NO_MATCHES_ABOVE_THRESHOLD, AutoApproval.decide(strict, "pending", false, 89));
    assertEquals("no_matches_above_threshold", Reason.NO_MATCHES_ABOVE_THRESHOLD.code());
  }

  @Test
  void whenTheLlmIsRequiredItMustBeConfiguredAndHaveRankedTheRun() {
    MatcherSettings noLlm =
        settings(
            "ring.matcher.auto-approve", "true", "ring.matcher.auto-approve-requires-llm", "true");
    assertEquals(Reason.LLM_UNAVAILABLE, AutoApproval.decide(noLlm, "pending", false, 100));
    MatcherSettings llm =
        settings(
            "ring.matcher.auto-approve", "true",
            "ring.matcher.auto-approve-requires-llm", "true",
            "ring.matcher.llm.base-url", "http://127.0.0.1:1/v1",
            "ring.matcher.llm.api-key", "k");
    assertEquals(Reason.LLM_NOT_USED_FOR_RUN, AutoApproval.decide(llm, "pending", false, 100));
    assertEquals(Reason.APPROVED, AutoApproval.decide(llm, "pending", true, 100));
    assertEquals("llm_not_used_for_run", Reason.LLM_NOT_USED_FOR_RUN.code());
  }

  @Test
  void withoutTheRequirementTheLlmDoesNotMatter() {
    assertEquals(Reason.APPROVED, AutoApproval.decide(ON, "pending", false, 80));
  }
}
