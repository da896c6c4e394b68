package org.ringplatform.process.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ringplatform.platform.RingException;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.process.JobControl;

/**
 * Starts the jobs through the Jakarta Batch {@link JobOperator} after the ledger granted the run.
 * Bean-managed transactions: the batch steps manage their own, and the operator must not run inside
 * ours.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class BatchJobControl implements JobControl {

  private static final Logger LOG = Logger.getLogger(BatchJobControl.class.getName());
  private static final List<String> JOBS =
      List.of(
          BatchRuns.MATCHER,
          BatchRuns.EXPIRY,
          BatchRuns.MEMBERSHIP_EXPIRY,
          BatchRuns.STORE_HOUSEKEEPING,
          BatchRuns.SETTLEMENT);

  @Inject private BatchRuns runs;

  /** After how long without a heartbeat a run counts as dead ({@code ring.batch.stale-after}). */
  static Duration staleAfter() {
    return ConfigProvider.getConfig(BatchJobControl.class.getClassLoader())
        .getOptionalValue("ring.batch.stale-after", String.class)
        .map(Duration::parse)
        .orElse(Duration.ofSeconds(60));
  }

  @Override
  public Optional<BatchRuns.Run> start(
      String jobName, Long opportunityId, Integer chunkSize, String trigger) {
    if (!JOBS.contains(jobName)) {
      throw RingException.invalid("unknown_job", "job", "No such job: " + jobName);
    }
    // A settlement chunk is set-based SQL over many orders; a matcher chunk scores listings.
    int maxChunk = BatchRuns.SETTLEMENT.equals(jobName) ? 100_000 : 1000;
    if (chunkSize != null && (chunkSize < 1 || chunkSize > maxChunk)) {
      throw RingException.invalid(
          "chunk_size", "chunkSize", "Chunk size is 1 to " + maxChunk + ".");
    }
    Properties params = new Properties();
    StringBuilder text = new StringBuilder();
    if (opportunityId != null && BatchRuns.MATCHER.equals(jobName)) {
      params.setProperty("opportunityId", opportunityId.toString());
      text.append("opportunityId=").append(opportunityId);
    }
    if (chunkSize != null) {
      params.setProperty("chunkSize", chunkSize.toString());
      text.append(text.length() > 0 ? ", " : "").append("chunkSize=").append(chunkSize);
    }
    Optional<Long> opened = runs.open(jobName, text.toString(), trigger, staleAfter());
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    long runId = opened.get();
    params.setProperty("runId", String.valueOf(runId));
    try {
      long execution = BatchRuntime.getJobOperator().start(jobName, params);
      runs.attach(runId, execution);
    } catch (RuntimeException e) {
      runs.finish(runId, "failed", "Could not start: " + e.getMessage());
      throw e;
    }
    return runs.find(runId);
  }

  @Override
  public void stop(long runId) {
    BatchRuns.Run run = runs.find(runId).orElseThrow(() -> RingException.notFound("No such run."));
    if (!run.open() || run.executionId() == null) {
      throw new RingException(
          RingException.Kind.CONFLICT, "run_not_running", null, "The run is not under way.");
    }
    BatchRuntime.getJobOperator().stop(run.executionId());
  }

  @Override
  public Optional<BatchRuns.Run> restart(long runId) {
    BatchRuns.Run run = runs.find(runId).orElseThrow(() -> RingException.notFound("No such run."));
    if (run.executionId() == null || !runs.reopen(runId, staleAfter())) {
      return Optional.empty();
    }
    try {
      Properties params = new Properties();
      params.setProperty("runId", String.valueOf(runId));
      JobOperator operator = BatchRuntime.getJobOperator();
      Properties previous = operator.getParameters(run.executionId());
      if (previous != null) {
        previous.forEach((k, v) -> params.putIfAbsent(k, v));
      }
      runs.attach(runId, operator.restart(run.executionId(), params));
    } catch (RuntimeException e) {
      runs.finish(runId, "failed", "Could not restart: " + e.getMessage());
      throw e;
    }
    return runs.find(runId);
  }

  @Override
  public void recover() {
    Duration stale = staleAfter();
    for (String job : JOBS) {
      if (!runs.interruptStale(job, stale).isEmpty()) {
        // The batch repository still shows the dead node's execution as started, so it cannot be
        // restarted; a fresh run takes over the durable queue, where the matched versions and
        // unique keys make every finished listing a no-op (and settled orders are out of the
        // settlement queue, an open settlement is continued).
        LOG.log(Level.WARNING, "A run of {0} was cut short; starting a fresh one", job);
        start(job, null, null, "recovery");
      }
    }
  }
}
