package org.ringplatform.matcher.api;

import java.time.OffsetDateTime;
import org.ringplatform.process.BatchRuns;

/**
 * A batch run as the admin API shows it: the ledger row plus its progress in percent, whether it is
 * under way and how long it ran.
 *
 * @param id run id
 * @param job MatcherJob or ExpiryJob
 * @param executionId the batch runtime's execution id
 * @param parameters job parameters as text
 * @param trigger manual, schedule, listing, recovery or rerun
 * @param status starting, running, completed, failed, stopped or interrupted
 * @param open whether it is under way
 * @param percent progress, 100 once ended
 * @param startedAt when it was opened
 * @param endedAt when it ended
 * @param elapsedMillis run time so far or in all
 * @param itemsTotal items in its queue when it began
 * @param itemsDone items committed
 * @param matches matches stored
 * @param notifications notices sent
 * @param error why it failed
 */
public record RunView(
    long id,
    String job,
    Long executionId,
    String parameters,
    String trigger,
    String status,
    boolean open,
    int percent,
    OffsetDateTime startedAt,
    OffsetDateTime endedAt,
    long elapsedMillis,
    int itemsTotal,
    int itemsDone,
    int matches,
    int notifications,
    String error) {

  static RunView of(BatchRuns.Run r) {
    return new RunView(
        r.id(),
        r.jobName(),
        r.executionId(),
        r.parameters(),
        r.trigger(),
        r.status(),
        r.open(),
        r.percent(),
        r.startedAt(),
        r.endedAt(),
        r.elapsedMillis(),
        r.itemsTotal(),
        r.itemsDone(),
        r.matches(),
        r.notifications(),
        r.error());
  }
}
