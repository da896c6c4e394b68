package org.ringplatform.settlement.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.logging.Logger;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.settlement.SettlementStore;

/**
 * Reads one partition's share of the settlement queue as chunks of slices (a vendor's due orders in
 * one currency, cut at {@code ordersPerChunk}), packed so that a chunk settles up to {@code
 * ordersPerChunk} orders, of one vendor or of several small ones. The queue is the orders
 * themselves: a settled order leaves it in the chunk that settles it, so on a restart the reader
 * reads what is left and the checkpoint (chunks handed out) only tells the log how far the previous
 * execution got.
 */
@Dependent
@Named("settlementSliceReader")
public class SliceReader extends AbstractItemReader {

  private static final Logger LOG = Logger.getLogger(SliceReader.class.getName());

  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;
  @Inject private SettlementStore store;

  @Inject
  @BatchProperty(name = "ordersPerChunk")
  private String ordersPerChunk;

  @Inject
  @BatchProperty(name = "partition")
  private String partition;

  @Inject
  @BatchProperty(name = "partitions")
  private String partitions;

  private final Deque<ArrayList<SettlementStore.Slice>> chunks = new ArrayDeque<>();
  private long handedOut;

  @Override
  public void open(Serializable checkpoint) {
    SettlementRun run = SettlementRun.of(jobContext, runs);
    long before = checkpoint instanceof Long n ? n : 0L;
    int size = parse(ordersPerChunk, 5000);
    int index = parse(partition, 0);
    int count = parse(partitions, 1);
    long started = System.nanoTime();
    // Opened again after a rolled-back chunk is retried: the queue is read afresh.
    chunks.clear();
    ArrayList<SettlementStore.Slice> chunk = new ArrayList<>();
    int orders = 0;
    for (SettlementStore.Slice slice : store.slices(run.cutoff, size, index, count)) {
      if (orders > 0 && orders + slice.orders() > size) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        orders = 0;
      }
      chunk.add(slice);
      orders += slice.orders();
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    handedOut = before;
    LOG.info(
        () ->
            "Settlement run "
                + run.runId
                + " up to "
                + run.cutoff
                + ", partition "
                + index
                + " of "
                + count
                + ": "
                + chunks.size()
                + " chunks to settle, read in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms ("
                + before
                + " settled by an earlier execution)");
  }

  @Override
  public Object readItem() {
    ArrayList<SettlementStore.Slice> next = chunks.poll();
    if (next != null) {
      handedOut++;
    }
    return next;
  }

  @Override
  public Serializable checkpointInfo() {
    return handedOut;
  }

  static int parse(String value, int fallback) {
    try {
      return value == null || value.isBlank() ? fallback : Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
