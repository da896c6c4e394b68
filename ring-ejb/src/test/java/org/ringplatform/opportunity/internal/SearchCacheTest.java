package org.ringplatform.opportunity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ringplatform.opportunity.OpportunitySearch.Results;

class SearchCacheTest {

  private static SearchCache.Key key(Object... values) {
    return new SearchCache.Key("select ?", List.of(values));
  }

  @Test
  void theSameStatementAndValuesShareAnAnswerUntilAChange() {
    SearchCache cache = new SearchCache(60);
    AtomicInteger loads = new AtomicInteger();
    Results first = cache.get(key("public"), () -> new Results(List.of(), loads.incrementAndGet()));
    assertSame(
        first, cache.get(key("public"), () -> new Results(List.of(), loads.incrementAndGet())));
    cache.get(key("public", "member"), () -> new Results(List.of(), loads.incrementAndGet()));
    assertEquals(2, loads.get(), "other values are another entry");
    cache.onListingsChanged(null);
    cache.get(key("public"), () -> new Results(List.of(), loads.incrementAndGet()));
    assertEquals(3, loads.get(), "a change empties the cache");
  }

  @Test
  void aReadThatRanDuringAChangeIsNotKept() {
    SearchCache cache = new SearchCache(60);
    cache.get(
        key("x"),
        () -> {
          cache.onOpportunityChanged(null);
          return new Results(List.of(), 1);
        });
    assertEquals(0, cache.size());
  }

  @Test
  void zeroSecondsTurnsItOffAndTheSizeIsBounded() {
    SearchCache off = new SearchCache(0);
    AtomicInteger loads = new AtomicInteger();
    off.get(key("a"), () -> new Results(List.of(), loads.incrementAndGet()));
    off.get(key("a"), () -> new Results(List.of(), loads.incrementAndGet()));
    assertEquals(2, loads.get());
    assertEquals(0, off.size());
    SearchCache cache = new SearchCache(60);
    for (int i = 0; i < 3 * SearchCache.MAX_ENTRIES; i++) {
      cache.get(key(i), () -> new Results(List.of(), 0));
      assertTrue(cache.size() <= SearchCache.MAX_ENTRIES);
    }
  }
}
