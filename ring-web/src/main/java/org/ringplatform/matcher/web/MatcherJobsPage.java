package org.ringplatform.matcher.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.matcher.MatcherConsole;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.BundleMessages;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.process.JobControl;

/**
 * The admin jobs page ({@code /admin/jobs}): the latest runs with their progress (the page polls
 * while one is under way), buttons to start, stop and restart, the counts and the matches per day.
 */
@Named
@ViewScoped
public class MatcherJobsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final BundleMessages MESSAGES = new BundleMessages("mat");

  @Inject private BatchRuns runs;
  @Inject private JobControl jobs;
  @Inject private MatcherConsole console;

  private transient List<BatchRuns.Run> latest;
  private transient MatcherConsole.Stats stats;

  public List<BatchRuns.Run> getRuns() {
    if (latest == null) {
      latest = runs.recent(null, 25);
    }
    return latest;
  }

  /** Whether a run is under way, so the page keeps polling. */
  public boolean isBusy() {
    return getRuns().stream().anyMatch(BatchRuns.Run::open);
  }

  public MatcherConsole.Stats getStats() {
    if (stats == null) {
      stats = console.stats();
    }
    return stats;
  }

  /** The tallest day of the chart, at least 1, to scale the bars. */
  public long getChartMax() {
    return Math.max(
        1,
        getStats().perDay().stream().mapToLong(MatcherConsole.DayCount::matches).max().orElse(1));
  }

  /** Drops what was read, so the next render (a poll) shows fresh progress. */
  public void refresh() {
    latest = null;
    stats = null;
  }

  public void startMatcher() {
    start(BatchRuns.MATCHER);
  }

  public void startExpiry() {
    start(BatchRuns.EXPIRY);
  }

  public void startMembershipExpiry() {
    start(BatchRuns.MEMBERSHIP_EXPIRY);
  }

  private void start(String job) {
    try {
      jobs.start(job, null, null, "manual")
          .ifPresentOrElse(
              run -> MESSAGES.info("jobs.started", run.id()), () -> MESSAGES.info("jobs.busy"));
    } catch (RingException e) {
      MESSAGES.refusal(e, null);
    }
    refresh();
  }

  public void stop(long runId) {
    try {
      jobs.stop(runId);
      MESSAGES.info("jobs.stopRequested");
    } catch (RingException e) {
      MESSAGES.refusal(e, null);
    }
    refresh();
  }

  public void restart(long runId) {
    try {
      jobs.restart(runId)
          .ifPresentOrElse(
              run -> MESSAGES.info("jobs.restarted", run.id()), () -> MESSAGES.info("jobs.busy"));
    } catch (RingException e) {
      MESSAGES.refusal(e, null);
    }
    refresh();
  }
}
