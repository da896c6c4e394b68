package org.ringplatform.opportunity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.opportunity.OpportunityService.Filter;

class SearchSqlTest {

  private static Optional<AuthenticatedUser> as(Role role, long id) {
    return Optional.of(new AuthenticatedUser(id, "x@test", "X", role, 0));
  }

  private static Filter text(String q) {
    return new Filter(
        q, List.of(), null, null, null, null, null, null, null, null, false, false, false, null,
        false, false, null);
  }

  @Test
  void visibilityComesFirstAndDependsOnTheViewer() {
    SearchSql visitor = SearchSql.of(Optional.empty(), text(null)).orElseThrow();
    assertTrue(visitor.where.contains("o.confidential = false"));
    assertTrue(visitor.where.contains("o.visibility in (?2)"));
    assertEquals(List.of("active", "public"), visitor.params);
    SearchSql member = SearchSql.of(as(Role.MEMBER, 7), text(null)).orElseThrow();
    assertTrue(member.where.contains("o.confidential = false"));
    assertTrue(member.where.contains("ring.entity_blocks"));
    assertTrue(member.params.contains(7L));
    SearchSql confidential = SearchSql.of(as(Role.CONFIDENTIAL, 7), text(null)).orElseThrow();
    assertFalse(confidential.where.contains("o.confidential = false"));
    assertTrue(confidential.params.contains("confidential"));
    assertFalse(member.params.contains("confidential"));
    SearchSql admin = SearchSql.of(as(Role.ADMIN, 1), text(null)).orElseThrow();
    assertFalse(admin.where.contains("o.visibility in"));
    assertTrue(
        SearchSql.of(
                Optional.empty(),
                new Filter(
                    null, List.of(), null, null, null, null, null, null, null, null, false, true,
                    false, null, false, false, null))
            .isEmpty(),
        "a visitor has no listings of their own");
  }

  @Test
  void aTextQueryCountsOverANarrowRankedSubquery() {
    SearchSql sql = SearchSql.of(Optional.empty(), text("java sql")).orElseThrow();
    assertTrue(sql.text);
    String page = sql.pageSql();
    assertTrue(page.contains("count(*) over () as total"), page);
    assertTrue(page.contains("ts_rank(o.search, websearch_to_tsquery('simple', ?3)) as k0"), page);
    assertTrue(page.contains(") p join ring.opportunities o on o.id = p.id order by p.k0 desc"));
    assertFalse(page.contains("o.*"));
    assertFalse(page.contains("o.search,") && page.startsWith("select o.search"));
    SearchSql board = SearchSql.of(Optional.empty(), text(null)).orElseThrow();
    assertFalse(board.text);
    assertTrue(
        board.pageSql().contains("order by o.created_at desc, o.id desc limit ?3 offset ?4"));
    assertTrue(board.countSql().contains("limit 10001"));
  }

  @Test
  void jdbcPlaceholdersFollowTheTextAndRepeatValuesUsedTwice() {
    List<Object> out = new ArrayList<>();
    String sql = SearchSql.jdbc("a = ?2 and b = ?1 and c = ?2 and d = ?10", values(10), out);
    assertEquals("a = ? and b = ? and c = ? and d = ?", sql);
    assertEquals(List.of("v2", "v1", "v2", "v10"), out);
  }

  @Test
  void twoViewersShareAStatementOnlyWhenTheirVisibilityIsTheSame() {
    String visitor = SearchSql.of(Optional.empty(), text("x")).orElseThrow().pageSql();
    String subscriber = SearchSql.of(as(Role.SUBSCRIBER, 5), text("x")).orElseThrow().pageSql();
    assertNotEquals(visitor, subscriber);
    SearchSql a = SearchSql.of(as(Role.MEMBER, 5), text("x")).orElseThrow();
    SearchSql b = SearchSql.of(as(Role.MEMBER, 6), text("x")).orElseThrow();
    assertEquals(a.pageSql(), b.pageSql());
    assertNotEquals(a.params, b.params, "the viewer's id is bound for their hidden entities");
  }

  private static List<Object> values(int n) {
    List<Object> v = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      v.add("v" + i);
    }
    return v;
  }
}
