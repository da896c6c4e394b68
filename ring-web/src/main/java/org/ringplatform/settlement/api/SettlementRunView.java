package org.ringplatform.settlement.api;

import java.time.OffsetDateTime;
import org.ringplatform.process.BatchRuns;

/**
 * A settlement run as the admin API shows it: its ledger row in settlement terms, with progress.
 *
 * @param id run id
 * @param trigger manual, schedule or recovery
 * @param status starting, running, completed, failed, stopped or interrupted
 * @param open whether it is under way
 * @param percent orders settled of those due when it began, 100 once ended
 * @param startedAt when it was opened (its cutoff: orders completed before, less the hold period)
 * @param endedAt when it ended
 * @param elapsedMillis run time so far or in all
 * @param ordersDue orders due when it began
 * @param ordersSettled orders settled
 * @param settlementsClosed settlements closed
 * @param payoutsScheduled payouts scheduled
 * @param error why it failed
 */
public record SettlementRunView(
    long id,
    String trigger,
    String status,
    boolean open,
    int percent,
    OffsetDateTime startedAt,
    OffsetDateTime endedAt,
    long elapsedMillis,
    int ordersDue,
    int ordersSettled,
    int settlementsClosed,
    int payoutsScheduled,
    String error) {

  static SettlementRunView of(BatchRuns.Run r) {
    return new SettlementRunView(
        r.id(),
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
