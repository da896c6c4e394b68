package org.ringplatform.opportunity.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.opportunity.OpportunitySearch;
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.opportunity.OpportunityService.Filter;

/**
 * The listing search in plain JDBC on {@code jdbc/ring}: no entity, no persistence context and no
 * transaction of its own (inside a caller's transaction the connection simply joins it). The SQL is
 * {@link SearchSql}'s, the same WHERE clause as {@link DefaultOpportunityService#search}. With a
 * text query, one statement ranks the matches over a narrow subquery, counts them with {@code
 * count(*) over ()} and joins only the page's rows back for their columns; otherwise the page and
 * the capped count are two statements on one connection. Answers go through {@link SearchCache}.
 */
@ApplicationScoped
public class JdbcOpportunitySearch implements OpportunitySearch {

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private SearchCache cache;

  @Override
  public Results search(Optional<AuthenticatedUser> viewer, Filter filter, int offset, int limit) {
    Optional<SearchSql> built = SearchSql.of(viewer, filter);
    if (built.isEmpty()) {
      return new Results(List.of(), 0);
    }
    SearchSql sql = built.get();
    List<Object> named = new ArrayList<>(sql.params.size() + 2);
    named.addAll(sql.params);
    named.add(Math.max(1, Math.min(limit, 100)));
    named.add(Math.max(0, offset));
    List<Object> values = new ArrayList<>(named.size() + 4);
    String page = SearchSql.jdbc(sql.pageSql(), named, values);
    return cache.get(new SearchCache.Key(page, values), () -> read(sql, page, values));
  }

  private Results read(SearchSql sql, String page, List<Object> values) {
    try (Connection c = dataSource.getConnection()) {
      List<Listing> items = new ArrayList<>();
      long total = -1;
      try (PreparedStatement ps = c.prepareStatement(page)) {
        bind(ps, values);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            items.add(listing(rs));
            if (sql.text && total < 0) {
              total = rs.getLong(32);
            }
          }
        }
      }
      int offset = (Integer) values.get(values.size() - 1);
      if (total < 0) {
        // No text query, or a page past the last match: the capped count answers.
        total = sql.text && offset == 0 ? 0 : count(c, sql);
      }
      return new Results(items, Math.min(total, OpportunityService.COUNT_CAP + 1L));
    } catch (SQLException e) {
      throw new IllegalStateException("The listing search failed", e);
    }
  }

  private static long count(Connection c, SearchSql sql) throws SQLException {
    List<Object> values = new ArrayList<>(sql.params.size() + 2);
    try (PreparedStatement ps =
        c.prepareStatement(SearchSql.jdbc(sql.countSql(), sql.params, values))) {
      bind(ps, values);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
  }

  /** A row of {@link SearchSql#LIST_COLUMNS}. */
  private static Listing listing(ResultSet rs) throws SQLException {
    return new Listing(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        strings(rs.getArray(7)),
        strings(rs.getArray(8)),
        rs.getString(9),
        rs.getObject(10, Double.class),
        rs.getObject(11, Double.class),
        rs.getBoolean(12),
        rs.getBigDecimal(13),
        rs.getBigDecimal(14),
        rs.getString(15),
        rs.getObject(16, OffsetDateTime.class),
        rs.getString(17),
        rs.getBoolean(18),
        rs.getString(19),
        rs.getObject(20, Long.class),
        rs.getLong(21),
        rs.getString(22),
        rs.getString(23),
        rs.getInt(24),
        rs.getString(25),
        rs.getLong(26),
        rs.getObject(27, OffsetDateTime.class),
        rs.getObject(28, OffsetDateTime.class),
        rs.getObject(29, OffsetDateTime.class),
        rs.getObject(30, OffsetDateTime.class),
        rs.getObject(31, OffsetDateTime.class));
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) {
      if (v != null) {
        out.add(v.toString());
      }
    }
    return List.copyOf(out);
  }
}
