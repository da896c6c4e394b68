package org.ringplatform.process;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The ledger of batch runs ({@code batch_runs}): one row per run of a job, written by the
 * application as the run starts, as each chunk commits and as it ends, so the console shows
 * progress and a run left open by a dead node is recognised by its stale heartbeat. Opening a run
 * is guarded by a PostgreSQL advisory lock, so two nodes never start the same job at once.
 */
public interface BatchRuns {

  /** The matcher job's name (job XML {@code MatcherJob.xml}). */
  String MATCHER = "MatcherJob";

  /** The expiry job's name (job XML {@code ExpiryJob.xml}). */
  String EXPIRY = "ExpiryJob";

  /** The membership expiry job's name (job XML {@code MembershipExpiryJob.xml}). */
  String MEMBERSHIP_EXPIRY = "MembershipExpiryJob";

  /** The store's housekeeping job (job XML {@code StoreHousekeepingJob.xml}). */
  String STORE_HOUSEKEEPING = "StoreHousekeepingJob";

  /**
   * The settlement job's name (job XML {@code SettlementJob.xml}). Its runs count orders settled as
   * items, settlements closed as {@code matches} and payouts scheduled as {@code notifications}.
   */
  String SETTLEMENT = "SettlementJob";

  /**
   * One run.
   *
   * @param id ledger id
   * @param jobName job XML name
   * @param executionId the batch runtime's execution id, once started
   * @param parameters the job parameters, as text
   * @param trigger manual, schedule, listing, recovery or rerun
   * @param status starting, running, completed, failed, stopped or interrupted
   * @param startedAt when it was opened
   * @param endedAt when it ended, or null
   * @param heartbeatAt the last sign of life
   * @param itemsTotal items in its queue when it began
   * @param itemsDone items committed
   * @param matches matches stored
   * @param notifications notices sent
   * @param error why it failed, or null
   */
  record Run(
      long id,
      String jobName,
      Long executionId,
      String parameters,
      String trigger,
      String status,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt,
      OffsetDateTime heartbeatAt,
      int itemsTotal,
      int itemsDone,
      int matches,
      int notifications,
      String error) {

    /** Whether it is still under way. */
    public boolean open() {
      return "starting".equals(status) || "running".equals(status);
    }

    /** Progress in percent, 100 once ended. */
    public int percent() {
      if (!open()) {
        return 100;
      }
      return itemsTotal <= 0 ? 0 : Math.min(100, (int) (100L * itemsDone / itemsTotal));
    }

    /** Run time so far, or in all, in milliseconds. */
    public long elapsedMillis() {
      OffsetDateTime end = endedAt != null ? endedAt : heartbeatAt;
      return end == null ? 0 : Duration.between(startedAt, end).toMillis();
    }
  }

  /**
   * Opens a run of {@code jobName} unless one is under way (its heartbeat fresher than {@code
   * staleAfter}); open runs with a stale heartbeat are marked interrupted first. Commits on its
   * own.
   *
   * @return the new run's id, or empty when another run is under way
   */
  Optional<Long> open(String jobName, String parameters, String trigger, Duration staleAfter);

  /** Records the batch runtime's execution id (a restart gives a new one); commits on its own. */
  void attach(long runId, long executionId);

  /**
   * Reopens a stopped or failed run for a restart, unless another run of its job is under way;
   * commits on its own.
   */
  boolean reopen(long runId, Duration staleAfter);

  /** Marks the run running with its queue size; commits on its own. */
  void begin(long runId, int itemsTotal);

  /** Adds a chunk's counts and refreshes the heartbeat, in the caller's (chunk) transaction. */
  void progress(long runId, int items, int matches, int notifications);

  /** Refreshes the heartbeat only; commits on its own. */
  void heartbeat(long runId);

  /** Ends the run; returns whether a rerun was requested meanwhile. Commits on its own. */
  boolean finish(long runId, String status, String error);

  /**
   * Asks the open run of {@code jobName}, if any, to be followed by another; whether one was open.
   */
  boolean requestRerun(String jobName);

  /** Marks open runs of {@code jobName} with a stale heartbeat interrupted; returns them. */
  List<Run> interruptStale(String jobName, Duration staleAfter);

  /** A run. */
  Optional<Run> find(long runId);

  /** The latest runs, newest first. */
  List<Run> recent(String jobName, int limit);
}
