package org.ringplatform.settlement;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The settlement job's work, in set-based SQL in the caller's (chunk) transaction. An order is
 * settled once whatever happens to the job: settling takes it off the queue ({@code
 * settlement_queue}) and writes its line (unique per order, the settled mark) together, and a
 * closed settlement's payout and ledger entries are keyed by the settlement. The queue is the
 * durable state itself (completed, unsettled orders past their vendor's hold period), so a
 * restarted or recovered run simply continues it.
 */
public interface SettlementStore {

  /**
   * A run of one vendor's queued orders in one currency, consecutive in completion order: the
   * orders completed from {@code (fromCompleted, fromOrderId)} to {@code (toCompleted, toOrderId)},
   * both included, which the queue's index reads directly however many orders the vendor has.
   *
   * @param vendorId the vendor
   * @param currency the orders' currency
   * @param fromCompleted completion time of the first order
   * @param fromOrderId id of the first order
   * @param toCompleted completion time of the last order
   * @param toOrderId id of the last order
   * @param orders orders in the run when it was read
   * @param completedBefore orders completed at or before this instant (the run's cutoff minus the
   *     vendor tier's hold days) are due
   */
  record Slice(
      long vendorId,
      String currency,
      OffsetDateTime fromCompleted,
      long fromOrderId,
      OffsetDateTime toCompleted,
      long toOrderId,
      int orders,
      OffsetDateTime completedBefore)
      implements Serializable {}

  /** Orders due for settlement at {@code cutoff}. */
  int queueSize(OffsetDateTime cutoff);

  /**
   * The due orders at {@code cutoff} cut into slices of at most {@code ordersPerSlice}, by vendor,
   * currency and completion; only the vendors of partition {@code partition} of {@code partitions}
   * (by vendor id), so that partitions settle disjoint vendors side by side.
   */
  List<Slice> slices(OffsetDateTime cutoff, int ordersPerSlice, int partition, int partitions);

  /**
   * Settles the slice's orders that are still due into the vendor's open settlement in that
   * currency (opening one for {@code runId} when there is none): takes them off the queue and
   * writes their lines and the settlement's totals.
   *
   * @return the orders settled (0 when another run or a refund request got there first)
   */
  int settle(long runId, Slice slice);

  /**
   * Opens a settlement for {@code runId} for every vendor and currency with adjustments owed
   * ({@code vendor_adjustment} balance above zero) and no open settlement.
   *
   * @return how many were opened
   */
  int openForAdjustments(long runId);

  /** The open settlements (of any run), oldest first: the payout step's queue. */
  List<Long> openSettlements();

  /**
   * What closing settlements did.
   *
   * @param closed how many were open and are now closed (already closed ones are skipped)
   * @param payouts how many payouts were scheduled (none when claw-backs took the whole net)
   */
  record Closed(int closed, int payouts) {}

  /**
   * Closes open settlements: totals from their lines, the adjustments owed to each vendor added
   * ({@code adjustment:<id>}), its outstanding claw-backs netted ({@code clawback:<id>}), a payout
   * of the rest scheduled and posted ({@code payout:<id>}), recipe 7 of docs/ledger.md. Set-based
   * but for the ledger entries, one per settlement.
   */
  Closed close(List<Long> settlementIds);
}
