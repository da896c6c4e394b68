package org.ringplatform.settlement.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Posting;
import org.ringplatform.settlement.SettlementStore;

/**
 * The settlement job's SQL. A slice is settled in a few statements whatever its size: the due
 * orders are locked and taken off the queue ({@code settlement_queue}; the lock makes a refund
 * under way on one of them finish first), then their lines and the settlement's totals are written
 * in one statement that reads the refunds committed by then. The order rows themselves are not
 * written: the line is the settled mark. Nothing is done per order in Java, so a million orders
 * settle in seconds.
 */
@Stateless
public class DefaultSettlementStore implements SettlementStore {

  /** The due orders at a cutoff (the one parameter): completed, unsettled, past the hold. */
  static final String DUE =
      " from ring.settlement_queue q join ring.orders o on o.id = q.order_id"
          + " join ring.vendors v on v.id = q.vendor_id"
          + " join ring.vendor_tiers t on t.code = v.tier"
          + " where o.status <> 'refund_requested'"
          + " and q.completed_at <= cast(? as timestamptz)"
          + " - make_interval(days => t.settlement_hold_days)";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private Ledger ledger;

  @Override
  public int queueSize(OffsetDateTime cutoff) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select count(*)" + DUE)) {
      ps.setObject(1, cutoff);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Slice> slices(
      OffsetDateTime cutoff, int ordersPerSlice, int partition, int partitions) {
    int size = Math.max(1, ordersPerSlice);
    // The first and the last order of every slice, in completion order per vendor and currency.
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select vendor_id, currency, due_before, completed_at, id, rn, total from ("
                    + " select q.order_id as id, q.vendor_id, q.currency, q.completed_at,"
                    + " cast(? as timestamptz) - make_interval(days => t.settlement_hold_days)"
                    + " as due_before, row_number() over w as rn, count(*) over p as total"
                    + DUE
                    + " and q.vendor_id % ? = ?"
                    + " window p as (partition by q.vendor_id, q.currency),"
                    + " w as (p order by q.completed_at, q.order_id)) s"
                    + " where (rn - 1) % ? = 0 or rn % ? = 0 or rn = total"
                    + " order by vendor_id, currency, rn")) {
      ps.setObject(1, cutoff);
      ps.setObject(2, cutoff);
      ps.setInt(3, Math.max(1, partitions));
      ps.setInt(4, Math.floorMod(partition, Math.max(1, partitions)));
      ps.setInt(5, size);
      ps.setInt(6, size);
      List<Slice> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        OffsetDateTime fromCompleted = null;
        long fromId = 0;
        long fromRn = 0;
        while (rs.next()) {
          OffsetDateTime completed = utc(rs.getObject(4, OffsetDateTime.class));
          long id = rs.getLong(5);
          long rn = rs.getLong(6);
          long total = rs.getLong(7);
          if ((rn - 1) % size == 0) {
            fromCompleted = completed;
            fromId = id;
            fromRn = rn;
          }
          if (rn % size == 0 || rn == total) {
            out.add(
                new Slice(
                    rs.getLong(1),
                    rs.getString(2),
                    fromCompleted,
                    fromId,
                    completed,
                    id,
                    (int) (rn - fromRn + 1),
                    utc(rs.getObject(3, OffsetDateTime.class))));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime utc(OffsetDateTime t) {
    return t.withOffsetSameInstant(ZoneOffset.UTC);
  }

  @Override
  public int settle(long runId, Slice slice) {
    try (Connection c = dataSource.getConnection()) {
      Long[] ids = dequeue(c, slice);
      if (ids.length == 0) {
        return 0;
      }
      long settlementId = openSettlement(c, runId, slice);
      Array idArray = c.createArrayOf("bigint", ids);
      try (PreparedStatement ps =
          c.prepareStatement(
              "with r as (select order_id, sum(vendor_minor) as v from ring.refunds"
                  + " where order_id = any(?) and status = 'succeeded' and not clawback"
                  + " group by order_id),"
                  + " ins as (insert into ring.settlement_lines(settlement_id, order_id,"
                  + " gross_minor, commission_minor, referral_minor, refunds_minor, net_minor)"
                  + " select ?, o.id, o.total_minor, o.commission_minor,"
                  + " o.referral_minor - o.referral_returned_minor, coalesce(r.v, 0),"
                  + " o.total_minor - o.commission_minor - o.referral_minor"
                  + " + o.referral_returned_minor - coalesce(r.v, 0)"
                  + " from ring.orders o left join r on r.order_id = o.id"
                  + " where o.id = any(?) on conflict (order_id) do nothing"
                  + " returning gross_minor, commission_minor, referral_minor, refunds_minor,"
                  + " net_minor)"
                  + " update ring.settlements s set gross_minor = s.gross_minor + t.g,"
                  + " commission_minor = s.commission_minor + t.c,"
                  + " referral_minor = s.referral_minor + t.rf,"
                  + " refunds_minor = s.refunds_minor + t.rd, net_minor = s.net_minor + t.nt,"
                  + " lines = s.lines + t.n from (select coalesce(sum(gross_minor), 0) as g,"
                  + " coalesce(sum(commission_minor), 0) as c,"
                  + " coalesce(sum(referral_minor), 0) as rf,"
                  + " coalesce(sum(refunds_minor), 0) as rd, coalesce(sum(net_minor), 0) as nt,"
                  + " count(*) as n from ins) t where s.id = ? returning t.n")) {
        ps.setArray(1, idArray);
        ps.setLong(2, settlementId);
        ps.setArray(3, idArray);
        ps.setLong(4, settlementId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not settle " + slice, e);
    }
  }

  /**
   * Takes the slice's still-due orders off the queue and returns their ids. The orders are locked
   * first (shared, so their rows are not rewritten): a refund holding one finishes first, its order
   * is checked again, and the next statement sees the refund. A queue row another run took first is
   * not returned.
   */
  private static Long[] dequeue(Connection c, Slice slice) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "with due as (select q.order_id from ring.settlement_queue q"
                + " join ring.orders o on o.id = q.order_id"
                + " where q.vendor_id = ? and q.currency = ?"
                + " and (q.completed_at, q.order_id) >= (cast(? as timestamptz), ?)"
                + " and (q.completed_at, q.order_id) <= (cast(? as timestamptz), ?)"
                + " and q.completed_at <= ? and o.status <> 'refund_requested'"
                + " for share of o)"
                + " delete from ring.settlement_queue q using due"
                + " where q.order_id = due.order_id returning q.order_id")) {
      ps.setLong(1, slice.vendorId());
      ps.setString(2, slice.currency());
      ps.setObject(3, slice.fromCompleted());
      ps.setLong(4, slice.fromOrderId());
      ps.setObject(5, slice.toCompleted());
      ps.setLong(6, slice.toOrderId());
      ps.setObject(7, slice.completedBefore());
      List<Long> ids = new ArrayList<>(slice.orders());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids.toArray(Long[]::new);
    }
  }

  /** The vendor's open settlement in the slice's currency, opened for this run if none is. */
  private static long openSettlement(Connection c, long runId, Slice slice) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.settlements(vendor_id, run_id, currency, period_end)"
                + " values (?, ?, ?, ?) on conflict (vendor_id, currency) where status = 'open'"
                + " do update set run_id = excluded.run_id,"
                + " period_end = greatest(ring.settlements.period_end, excluded.period_end)"
                + " returning id")) {
      ps.setLong(1, slice.vendorId());
      ps.setLong(2, runId);
      ps.setString(3, slice.currency());
      ps.setObject(4, slice.completedBefore());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Override
  public int openForAdjustments(long runId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into ring.settlements(vendor_id, run_id, currency, period_end)"
                    + " select a.owner_id, ?, a.currency, now() from ring.ledger_accounts a"
                    + " where a.owner_type = 'vendor' and a.code like 'vendor_adjustment:%'"
                    + " and a.balance_minor > 0 on conflict (vendor_id, currency)"
                    + " where status = 'open' do nothing")) {
      ps.setLong(1, runId);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Long> openSettlements() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id from ring.settlements where status = 'open' order by id");
        ResultSet rs = ps.executeQuery()) {
      List<Long> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Closed close(List<Long> settlementIds) {
    if (settlementIds.isEmpty()) {
      return new Closed(0, 0);
    }
    try (Connection c = dataSource.getConnection()) {
      Array ids = c.createArrayOf("bigint", settlementIds.toArray(Long[]::new));
      // The open ones, locked; their totals once more from the lines, so each payout is exactly
      // what its lines say.
      List<Open> open = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "with o as (select id from ring.settlements where id = any(?) and status = 'open'"
                  + " order by id for update)"
                  + " update ring.settlements s set (gross_minor, commission_minor,"
                  + " referral_minor, refunds_minor, net_minor, lines) ="
                  + " (select coalesce(sum(gross_minor), 0), coalesce(sum(commission_minor), 0),"
                  + " coalesce(sum(referral_minor), 0), coalesce(sum(refunds_minor), 0),"
                  + " coalesce(sum(net_minor), 0), count(*) from ring.settlement_lines l"
                  + " where l.settlement_id = s.id) from o where s.id = o.id"
                  + " returning s.id, s.vendor_id, s.currency, s.net_minor")) {
        ps.setArray(1, ids);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            open.add(new Open(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)));
          }
        }
      }
      open.sort(Comparator.comparingLong(Open::id));
      Map<String, Long> owed = lockAccounts(c, open);
      int payouts = 0;
      try (PreparedStatement payout =
              c.prepareStatement(
                  "insert into ring.payouts(settlement_id, vendor_id, amount_minor, currency,"
                      + " reference, clawback_minor, adjustment_minor)"
                      + " values (?, ?, ?, ?, ?, ?, ?) on conflict (settlement_id) do nothing");
          PreparedStatement closed =
              c.prepareStatement(
                  "update ring.settlements set status = ?, clawback_minor = ?,"
                      + " adjustment_minor = ?, closed_at = now() where id = ?")) {
        for (Open o : open) {
          long id = o.id();
          long vendorId = o.vendorId();
          String currency = o.currency();
          long net = o.net();
          String adjustmentKey = "vendor_adjustment:" + vendorId + "|" + currency;
          long adjustment = Math.max(0, owed.getOrDefault(adjustmentKey, 0L));
          owed.put(adjustmentKey, owed.getOrDefault(adjustmentKey, 0L) - adjustment);
          String key = "vendor_receivable:" + vendorId + "|" + currency;
          long receivable = owed.getOrDefault(key, 0L);
          long netted = Math.max(0, Math.min(receivable, net + adjustment));
          owed.put(key, receivable - netted);
          long amount = Math.max(0, net + adjustment - netted);
          String reference = "RING-PAYOUT-" + id;
          if (adjustment > 0) {
            ledger.post(
                "adjustment:" + id,
                "settlement_adjustment",
                "Adjustments paid with settlement " + id,
                reference,
                null,
                List.of(
                    Posting.debit(Account.vendorAdjustment(vendorId, currency), adjustment),
                    Posting.credit(Account.vendorPayable(vendorId, currency), adjustment)));
          }
          if (netted > 0) {
            ledger.post(
                "clawback:" + id,
                "clawback",
                "Claw-backs netted in settlement " + id,
                reference,
                null,
                List.of(
                    Posting.debit(Account.vendorPayable(vendorId, currency), netted),
                    Posting.credit(Account.vendorReceivable(vendorId, currency), netted)));
          }
          if (amount > 0) {
            ledger.post(
                "payout:" + id,
                "payout",
                "Payout of settlement " + id,
                reference,
                null,
                List.of(
                    Posting.debit(Account.vendorPayable(vendorId, currency), amount),
                    Posting.credit(Account.gatewayCash(currency), amount)));
            payout.setLong(1, id);
            payout.setLong(2, vendorId);
            payout.setLong(3, amount);
            payout.setString(4, currency);
            payout.setString(5, reference);
            payout.setLong(6, netted);
            payout.setLong(7, adjustment);
            payout.addBatch();
            payouts++;
          }
          closed.setString(1, amount > 0 ? "closed" : "paid");
          closed.setLong(2, netted);
          closed.setLong(3, adjustment);
          closed.setLong(4, id);
          closed.addBatch();
        }
        payout.executeBatch();
        closed.executeBatch();
      }
      return new Closed(open.size(), payouts);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not close settlements " + settlementIds, e);
    }
  }

  /** An open settlement being closed, with its net. */
  private record Open(long id, long vendorId, String currency, long net) {}

  /**
   * Locks the ledger accounts the payouts of these settlements will post to (their vendors'
   * payables, claw-backs and adjustments, the gateway cash), all at once in id order as every
   * ledger entry does, so closing many settlements in one transaction never takes them in a
   * different order than another entry; returns the outstanding claw-backs ({@code
   * vendor_receivable}) and adjustments ({@code vendor_adjustment}) by account code and currency.
   */
  private static Map<String, Long> lockAccounts(Connection c, List<Open> settlements)
      throws SQLException {
    Map<String, Long> out = new HashMap<>();
    if (settlements.isEmpty()) {
      return out;
    }
    List<String> codes = new ArrayList<>(List.of("gateway_cash"));
    for (Open o : settlements) {
      codes.add("vendor_payable:" + o.vendorId());
      codes.add("vendor_receivable:" + o.vendorId());
      codes.add("vendor_adjustment:" + o.vendorId());
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select code, currency, balance_minor from ring.ledger_accounts"
                + " where code = any(?) order by id for update")) {
      ps.setArray(1, c.createArrayOf("varchar", codes.stream().distinct().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!rs.getString(1).startsWith("vendor_payable:")
              && !rs.getString(1).equals("gateway_cash")) {
            out.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3));
          }
        }
      }
    }
    return out;
  }
}
