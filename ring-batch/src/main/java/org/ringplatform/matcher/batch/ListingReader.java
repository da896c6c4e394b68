package org.ringplatform.matcher.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;
import org.ringplatform.matcher.Listing;
import org.ringplatform.matcher.ListingMatcher;
import org.ringplatform.matcher.MatcherStore;

/**
 * Reads the matcher's queue by ascending listing id, a page of one chunk at a time (with the page's
 * exclusions in one query); the checkpoint is the last listing id handed out. On open it loads the
 * member snapshot the processor scores against, once per job execution.
 */
@Dependent
@Named("listingReader")
public class ListingReader extends AbstractItemReader {

  private static final Logger LOG = Logger.getLogger(ListingReader.class.getName());

  @Inject private JobContext jobContext;
  @Inject private MatcherStore store;

  @Inject
  @BatchProperty(name = "chunkSize")
  private String chunkSize;

  private MatchingRun run;
  private final Deque<Listing> page = new ArrayDeque<>();
  private long lastId;
  private boolean exhausted;

  @Override
  public void open(Serializable checkpoint) {
    run = MatchingRun.of(jobContext);
    lastId = checkpoint instanceof Long id ? id : 0L;
    long started = System.nanoTime();
    run.members = store.loadMembers();
    run.matcher = new ListingMatcher(store.settings());
    LOG.info(
        () ->
            "Matcher run "
                + run.runId
                + ": "
                + run.members.size()
                + " member profiles loaded in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms, resuming after listing "
                + lastId);
  }

  @Override
  public Object readItem() {
    if (page.isEmpty() && !exhausted) {
      int size = parse(chunkSize, 10);
      page.addAll(store.nextListings(lastId, run.opportunityId, size));
      exhausted = page.size() < size;
    }
    Listing next = page.poll();
    if (next != null) {
      lastId = next.id();
    }
    return next;
  }

  @Override
  public Serializable checkpointInfo() {
    return lastId;
  }

  private static int parse(String value, int fallback) {
    try {
      return value == null || value.isBlank() ? fallback : Math.max(1, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
