package org.ringplatform.ledger.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.LedgerConsole;

/** The console's reads of the ledger tables, in plain JDBC. */
@Stateless
public class DefaultLedgerConsole implements LedgerConsole {

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Override
  public List<Ledger.Balance> balances(String codePrefix, String currency, int offset, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select code, currency, kind, balance_minor from ring.ledger_balances"
                    + " where starts_with(code, ?) and (cast(? as varchar) is null"
                    + " or currency = ?) order by code, currency offset ? limit ?")) {
      String cur = currency(currency);
      ps.setString(1, codePrefix == null ? "" : codePrefix);
      setNullable(ps, 2, cur);
      setNullable(ps, 3, cur);
      ps.setInt(4, Math.max(0, offset));
      ps.setInt(5, Math.max(1, Math.min(limit, 1000)));
      List<Ledger.Balance> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Ledger.Balance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long accountCount(String codePrefix, String currency) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*) from ring.ledger_accounts where starts_with(code, ?)"
                    + " and (cast(? as varchar) is null or currency = ?)")) {
      String cur = currency(currency);
      ps.setString(1, codePrefix == null ? "" : codePrefix);
      setNullable(ps, 2, cur);
      setNullable(ps, 3, cur);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Entry> entries(String kind, String accountCode, Long beforeId, int limit) {
    String k = kind == null || kind.isBlank() ? null : kind;
    String account = accountCode == null || accountCode.isBlank() ? null : accountCode;
    try (Connection c = dataSource.getConnection()) {
      Map<Long, Entry> entries = new LinkedHashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select e.id, e.idempotency_key, e.kind, e.description, e.reference,"
                  + " e.reverses_id, e.actor_id, e.created_at from ring.ledger_entries e"
                  + " where (cast(? as varchar) is null or e.kind = ?)"
                  + " and (cast(? as bigint) is null or e.id < ?)"
                  + " and (cast(? as varchar) is null or exists (select 1"
                  + " from ring.ledger_postings p join ring.ledger_accounts a"
                  + " on a.id = p.account_id where p.entry_id = e.id and a.code = ?))"
                  + " order by e.id desc limit ?")) {
        setNullable(ps, 1, k);
        setNullable(ps, 2, k);
        setNullable(ps, 3, beforeId);
        setNullable(ps, 4, beforeId);
        setNullable(ps, 5, account);
        setNullable(ps, 6, account);
        ps.setInt(7, Math.max(1, Math.min(limit, 500)));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            entries.put(
                rs.getLong(1),
                new Entry(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    (Long) rs.getObject(6),
                    (Long) rs.getObject(7),
                    rs.getObject(8, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                    new ArrayList<>()));
          }
        }
      }
      if (entries.isEmpty()) {
        return List.of();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "select p.entry_id, a.code, p.currency, p.side, p.amount_minor"
                  + " from ring.ledger_postings p join ring.ledger_accounts a"
                  + " on a.id = p.account_id where p.entry_id = any(?) order by p.id")) {
        ps.setArray(1, c.createArrayOf("bigint", entries.keySet().toArray(Long[]::new)));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            entries
                .get(rs.getLong(1))
                .legs()
                .add(new Leg(rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
          }
        }
      }
      List<Entry> out = new ArrayList<>();
      for (Entry e : entries.values()) {
        out.add(
            new Entry(
                e.id(),
                e.key(),
                e.kind(),
                e.description(),
                e.reference(),
                e.reversesId(),
                e.actorId(),
                e.at(),
                List.copyOf(e.legs())));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<String> kinds() {
    return strings("select distinct kind from ring.ledger_entries order by kind");
  }

  @Override
  public List<String> currencies() {
    return strings("select distinct currency from ring.ledger_accounts order by currency");
  }

  @Override
  public List<DayRevenue> revenueByDay(String currency, int days) {
    int n = Math.max(1, Math.min(days, 366));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate first = today.minusDays(n - 1L);
    Map<LocalDate, long[]> byDay = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select cast(p.created_at at time zone 'UTC' as date), a.code,"
                    + " sum(case p.side when 'C' then p.amount_minor else -p.amount_minor end)"
                    + " from ring.ledger_postings p join ring.ledger_accounts a"
                    + " on a.id = p.account_id where a.code in ('platform_commission',"
                    + " 'membership_revenue') and a.currency = ?"
                    + " and p.created_at >= cast(? as date) at time zone 'UTC'"
                    + " group by 1, 2")) {
      ps.setString(1, currency(currency) == null ? "" : currency(currency));
      ps.setObject(2, first);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LocalDate day = rs.getObject(1, LocalDate.class);
          long[] v = byDay.computeIfAbsent(day, d -> new long[2]);
          v["platform_commission".equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    List<DayRevenue> out = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      long[] v = byDay.getOrDefault(d, new long[2]);
      out.add(new DayRevenue(d, v[0], v[1]));
    }
    return out;
  }

  private List<String> strings(String sql) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String currency(String currency) {
    return currency == null || currency.isBlank()
        ? null
        : currency.strip().toUpperCase(Locale.ROOT);
  }

  private static void setNullable(PreparedStatement ps, int index, Object value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else {
      ps.setObject(index, value);
    }
  }
}
