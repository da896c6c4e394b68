package org.ringplatform.opportunity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.opportunity.ListingsChanged;
import org.ringplatform.opportunity.OpportunityChanged;
import org.ringplatform.opportunity.OpportunitySearch.Results;

/**
 * A small result cache of the listing search. The key is the exact SQL text and its bound values,
 * which carry the viewer's role ladder and id wherever they shape the answer, so two viewers share
 * an entry only when their visibility makes the statement identical. Entries live {@code
 * ring.opportunities.search-cache-seconds} (0 turns the cache off), at most {@link #MAX_ENTRIES} of
 * them, and every {@link ListingsChanged} or {@link OpportunityChanged} empties it once its
 * transaction commits. A read that began before such a change never stores its answer, so a stale
 * page cannot come back after the emptying.
 */
@ApplicationScoped
public class SearchCache {

  /** At most this many entries; a full cache drops its expired entries, then some others. */
  static final int MAX_ENTRIES = 1_000;

  /** The statement and its values in JDBC order. */
  record Key(String sql, List<Object> values) {}

  private record Entry(Results results, long expiresAtNanos) {}

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private long ttlNanos;

  @Inject
  @ConfigProperty(name = "ring.opportunities.search-cache-seconds", defaultValue = "5")
  int ttlSeconds;

  SearchCache() {}

  /** For tests: a cache with this time to live. */
  SearchCache(int ttlSeconds) {
    this.ttlSeconds = ttlSeconds;
  }

  private long ttl() {
    long t = ttlNanos;
    if (t == 0) {
      t = ttlSeconds <= 0 ? -1 : ttlSeconds * 1_000_000_000L;
      ttlNanos = t;
    }
    return t;
  }

  /** The cached answer for {@code key}, or the loader's, stored when nothing changed meanwhile. */
  Results get(Key key, Supplier<Results> loader) {
    long ttl = ttl();
    if (ttl < 0) {
      return loader.get();
    }
    long now = System.nanoTime();
    Entry hit = entries.get(key);
    if (hit != null && hit.expiresAtNanos - now > 0) {
      return hit.results;
    }
    long before = generation.get();
    Results loaded = loader.get();
    if (entries.size() >= MAX_ENTRIES) {
      makeRoom(now);
    }
    entries.put(key, new Entry(loaded, now + ttl));
    if (generation.get() != before) {
      // A change committed while this read ran: its answer may predate it.
      entries.remove(key);
    }
    return loaded;
  }

  private void makeRoom(long now) {
    entries.values().removeIf(e -> e.expiresAtNanos - now <= 0);
    Iterator<Key> it = entries.keySet().iterator();
    for (int n = entries.size() - MAX_ENTRIES * 9 / 10; n > 0 && it.hasNext(); n--) {
      it.next();
      it.remove();
    }
  }

  /** Empties the cache. */
  void clear() {
    generation.incrementAndGet();
    entries.clear();
  }

  /** How many entries there are (tests). */
  int size() {
    return entries.size();
  }

  void onListingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListingsChanged e) {
    clear();
  }

  void onOpportunityChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) OpportunityChanged e) {
    clear();
  }
}
