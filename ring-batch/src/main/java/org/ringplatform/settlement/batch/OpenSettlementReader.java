package org.ringplatform.settlement.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.settlement.SettlementStore;

/**
 * Reads the open settlements, of this run and of any earlier run cut short, oldest first: the
 * payout step closes each. A vendor owed adjustments but without new orders gets an open settlement
 * first, so what it is owed is paid now rather than with its next sale. A closed settlement leaves
 * the queue in the chunk that closes it.
 */
@Dependent
@Named("openSettlementReader")
public class OpenSettlementReader extends AbstractItemReader {

  @Inject private SettlementStore store;
  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;

  private final Deque<Long> open = new ArrayDeque<>();
  private long lastId;

  @Override
  public void open(Serializable checkpoint) {
    open.clear();
    store.openForAdjustments(SettlementRun.of(jobContext, runs).runId);
    open.addAll(store.openSettlements());
  }

  @Override
  public Object readItem() {
    Long next = open.poll();
    if (next != null) {
      lastId = next;
    }
    return next;
  }

  @Override
  public Serializable checkpointInfo() {
    return lastId;
  }
}
