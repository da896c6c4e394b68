package org.ringplatform.matcher;

/**
 * Whether a pending listing goes live without an admin once it has been matched (reference §5.8):
 * the checks run in order and the first that fails gives the reason; every decision is recorded in
 * the listing's events with its reason.
 */
public final class AutoApproval {

  /** The outcome, with the reason codes of the reference (§20 item 1). */
  public enum Reason {
    AUTO_APPROVE_DISABLED,
    NOT_PENDING,
    LLM_UNAVAILABLE,
    LLM_NOT_USED_FOR_RUN,
    NO_MATCHES_ABOVE_THRESHOLD,
    APPROVED;

    /** The code stored in the event's detail, e.g. {@code no_matches_above_threshold}. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean approved() {
      return this == APPROVED;
    }
  }

  private AutoApproval() {}

  /**
   * Decides for one listing.
   *
   * @param settings the matcher settings (toggle, minimum score, whether the LLM is required)
   * @param status the listing's status now
   * @param llmUsed whether the LLM ranked this listing's matches (not a fallback)
   * @param bestScore the best match's score, or -1 when there is none
   */
  public static Reason decide(
      MatcherSettings settings, String status, boolean llmUsed, int bestScore) {
    if (!settings.autoApprove()) {
      return Reason.AUTO_APPROVE_DISABLED;
    }
    if (!"pending".equals(status)) {
      return Reason.NOT_PENDING;
    }
    if (settings.autoApproveRequiresLlm()) {
      if (!settings.llm().enabled()) {
        return Reason.LLM_UNAVAILABLE;
      }
      if (!llmUsed) {
        return Reason.LLM_NOT_USED_FOR_RUN;
      }
    }
    if (bestScore < settings.autoApproveMinScore()) {
      return Reason.NO_MATCHES_ABOVE_THRESHOLD;
    }
    return Reason.APPROVED;
  }
}
