package org.ringplatform.settlement.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.ledger.Money;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.TextInput;
import org.ringplatform.settlement.SettlementService;

/** Settlements, payouts and the bank export on the settlement tables, in plain JDBC. */
@Stateless
public class DefaultSettlementService implements SettlementService {

  private static final Set<String> SETTLEMENT_STATUSES = Set.of("open", "closed", "paid");
  private static final Set<String> PAYOUT_STATUSES =
      Set.of("scheduled", "exported", "paid", "failed");

  private static final String SETTLEMENT =
      "select s.id, s.vendor_id, v.name, s.run_id, s.currency, s.gross_minor, s.commission_minor,"
          + " s.referral_minor, s.refunds_minor, s.net_minor, s.clawback_minor, s.adjustment_minor,"
          + " s.lines, s.status, s.period_end, s.created_at, s.closed_at, p.id, p.amount_minor,"
          + " p.status"
          + " from ring.settlements s join ring.vendors v on v.id = s.vendor_id"
          + " left join ring.payouts p on p.settlement_id = s.id";

  private static final String PAYOUT =
      "select p.id, p.settlement_id, p.vendor_id, v.name, v.payout_details, p.amount_minor,"
          + " p.clawback_minor, p.currency, p.status, p.reference, p.bank_reference,"
          + " p.created_at, p.exported_at, p.paid_at from ring.payouts p"
          + " join ring.vendors v on v.id = p.vendor_id";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Override
  public List<Settlement> settlements(
      AuthenticatedUser admin, Long vendorId, String status, int limit) {
    requireAdmin(admin);
    String s = filter(status, SETTLEMENT_STATUSES, "status");
    return query(
        SETTLEMENT
            + " where (cast(? as bigint) is null or s.vendor_id = ?)"
            + " and (cast(? as varchar) is null or s.status = ?) order by s.id desc limit ?",
        DefaultSettlementService::settlement,
        vendorId,
        vendorId,
        s,
        s,
        clamp(limit));
  }

  @Override
  public Statement statement(AuthenticatedUser caller, long settlementId) {
    List<Settlement> found =
        query(SETTLEMENT + " where s.id = ?", DefaultSettlementService::settlement, settlementId);
    if (found.isEmpty() || !maySee(caller, found.get(0).vendorId())) {
      throw RingException.notFound("There is no such settlement.");
    }
    List<Line> lines =
        query(
            "select l.order_id, o.completed_at, l.gross_minor, l.commission_minor,"
                + " l.referral_minor, l.refunds_minor, l.net_minor from ring.settlement_lines l"
                + " join ring.orders o on o.id = l.order_id where l.settlement_id = ?"
                + " order by l.order_id limit 5000",
            rs ->
                new Line(
                    rs.getLong(1),
                    time(rs, 2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7)),
            settlementId);
    return new Statement(found.get(0), lines);
  }

  @Override
  public List<Payout> payouts(AuthenticatedUser admin, Long vendorId, String status, int limit) {
    requireAdmin(admin);
    String s = filter(status, PAYOUT_STATUSES, "status");
    return query(
        PAYOUT
            + " where (cast(? as bigint) is null or p.vendor_id = ?)"
            + " and (cast(? as varchar) is null or p.status = ?) order by p.id desc limit ?",
        DefaultSettlementService::payout,
        vendorId,
        vendorId,
        s,
        s,
        clamp(limit));
  }

  @Override
  public Export exportPayouts(AuthenticatedUser admin) {
    requireAdmin(admin);
    List<Payout> exported =
        query(
            "with e as (update ring.payouts set status = 'exported', exported_at = now()"
                + " where status = 'scheduled' returning *)"
                + PAYOUT.replace("ring.payouts p", "e p")
                + " order by p.id",
            DefaultSettlementService::payout);
    return new Export(csv(exported), exported.size());
  }

  @Override
  public Export payoutsCsv(AuthenticatedUser admin, String status) {
    List<Payout> listed = payouts(admin, null, status, 10_000);
    return new Export(csv(listed), listed.size());
  }

  @Override
  public Payout markPaid(AuthenticatedUser admin, long payoutId, String bankReference) {
    requireAdmin(admin);
    String reference =
        TextInput.required(
            bankReference, 1, 100, "bankReference", "The bank's reference of the transfer.");
    try (Connection c = dataSource.getConnection()) {
      String status;
      long settlementId;
      try (PreparedStatement ps =
          c.prepareStatement(
              "select status, settlement_id from ring.payouts where id = ? for update")) {
        ps.setLong(1, payoutId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw RingException.notFound("There is no such payout.");
          }
          status = rs.getString(1);
          settlementId = rs.getLong(2);
        }
      }
      if (!"paid".equals(status)) {
        if (!"scheduled".equals(status) && !"exported".equals(status)) {
          throw new RingException(
              RingException.Kind.CONFLICT,
              "payout_not_payable",
              null,
              "This payout cannot be marked paid.");
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "update ring.payouts set status = 'paid', paid_at = now(), paid_by = ?,"
                    + " bank_reference = ? where id = ?")) {
          ps.setLong(1, admin.id());
          ps.setString(2, reference);
          ps.setLong(3, payoutId);
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement("update ring.settlements set status = 'paid' where id = ?")) {
          ps.setLong(1, settlementId);
          ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return query(PAYOUT + " where p.id = ?", DefaultSettlementService::payout, payoutId).get(0);
  }

  @Override
  public List<VendorRef> vendorsOf(AuthenticatedUser caller) {
    return query(
        "select id, name, status from ring.vendors where owner_id = ? or ? order by name, id"
            + " limit 1000",
        rs -> new VendorRef(rs.getLong(1), rs.getString(2), rs.getString(3)),
        caller.id(),
        caller.role().isPlatformAdmin());
  }

  @Override
  public List<Settlement> vendorSettlements(AuthenticatedUser caller, Long vendorId, int limit) {
    return query(
        SETTLEMENT + " where " + vendorScope(caller, vendorId, "s") + " order by s.id desc limit ?",
        DefaultSettlementService::settlement,
        scopeParams(caller, vendorId, clamp(limit)));
  }

  @Override
  public List<Payout> vendorPayouts(AuthenticatedUser caller, Long vendorId, int limit) {
    return query(
        PAYOUT + " where " + vendorScope(caller, vendorId, "p") + " order by p.id desc limit ?",
        DefaultSettlementService::payout,
        scopeParams(caller, vendorId, clamp(limit)));
  }

  @Override
  public List<Balance> vendorBalances(AuthenticatedUser caller, long vendorId) {
    if (!maySee(caller, vendorId)) {
      throw RingException.notFound("There is no such vendor.");
    }
    return query(
        "select currency, coalesce(sum(balance_minor) filter (where code not like"
            + " 'vendor_receivable:%'), 0), coalesce(sum(balance_minor) filter (where code like"
            + " 'vendor_receivable:%'), 0) from ring.ledger_accounts where code in (?, ?, ?)"
            + " group by currency order by currency",
        rs -> new Balance(rs.getString(1), rs.getLong(2), rs.getLong(3)),
        "vendor_payable:" + vendorId,
        "vendor_adjustment:" + vendorId,
        "vendor_receivable:" + vendorId);
  }

  /**
   * The where-clause restricting rows of alias {@code a} to the caller's vendors, or to {@code
   * vendorId} when it is one of them (or the caller is an admin).
   */
  private String vendorScope(AuthenticatedUser caller, Long vendorId, String a) {
    if (vendorId != null) {
      if (!maySee(caller, vendorId)) {
        throw RingException.notFound("There is no such vendor.");
      }
      return a + ".vendor_id = ?";
    }
    return a + ".vendor_id in (select id from ring.vendors where owner_id = ?)";
  }

  private static Object[] scopeParams(AuthenticatedUser caller, Long vendorId, int limit) {
    return new Object[] {vendorId != null ? vendorId : caller.id(), limit};
  }

  /** Whether the caller may see the vendor's statements: its owner, or an admin. */
  private boolean maySee(AuthenticatedUser caller, long vendorId) {
    if (caller.role().isPlatformAdmin()) {
      return true;
    }
    return !query(
            "select 1 from ring.vendors where id = ? and owner_id = ?",
            rs -> 1,
            vendorId,
            caller.id())
        .isEmpty();
  }

  private static void requireAdmin(AuthenticatedUser caller) {
    if (caller == null || !caller.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins manage settlements and payouts.");
    }
  }

  private static String filter(String value, Set<String> allowed, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!allowed.contains(value)) {
      throw RingException.invalid(field + "_invalid", field, "Unknown " + field + ": " + value);
    }
    return value;
  }

  private static int clamp(int limit) {
    return Math.max(1, Math.min(limit <= 0 ? 50 : limit, 10_000));
  }

  /**
   * The payouts as the bank's CSV: a header and a line per payout with the vendor, its payout
   * details, the amount in major units, the currency and our reference. A cell that a spreadsheet
   * would run as a formula is prefixed with an apostrophe.
   */
  static String csv(List<Payout> payouts) {
    StringBuilder out =
        new StringBuilder(
            "payout_id,settlement_id,vendor_id,vendor,payout_details,amount,currency,reference\r\n");
    for (Payout p : payouts) {
      out.append(p.id())
          .append(',')
          .append(p.settlementId())
          .append(',')
          .append(p.vendorId())
          .append(',')
          .append(cell(p.vendorName()))
          .append(',')
          .append(cell(p.payoutDetails()))
          .append(',')
          .append(Money.of(p.amountMinor(), p.currency()).toDecimal().toPlainString())
          .append(',')
          .append(p.currency())
          .append(',')
          .append(cell(p.reference()))
          .append("\r\n");
    }
    return out.toString();
  }

  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private static Settlement settlement(ResultSet rs) throws SQLException {
    return new Settlement(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        (Long) rs.getObject(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getLong(9),
        rs.getLong(10),
        rs.getLong(11),
        rs.getLong(12),
        rs.getInt(13),
        rs.getString(14),
        time(rs, 15),
        time(rs, 16),
        time(rs, 17),
        (Long) rs.getObject(18),
        (Long) rs.getObject(19),
        rs.getString(20));
  }

  private static Payout payout(ResultSet rs) throws SQLException {
    return new Payout(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        time(rs, 12),
        time(rs, 13),
        time(rs, 14));
  }

  private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** Reads one row into a value. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Row<T> row, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        if (params[i] == null) {
          ps.setNull(i + 1, Types.NULL);
        } else {
          ps.setObject(i + 1, params[i]);
        }
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
