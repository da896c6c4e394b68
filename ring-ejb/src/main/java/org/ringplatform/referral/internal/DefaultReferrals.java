package org.ringplatform.referral.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ringplatform.platform.RingException;
import org.ringplatform.referral.ReferralCodes;
import org.ringplatform.referral.Referrals;

/**
 * Referral codes, visits and attribution on {@code referral_codes}, {@code referral_visits} and
 * {@code users.referred_by}, in plain JDBC on the shared datasource so that it joins the caller's
 * transaction (a checkout, a sign-up).
 */
@Stateless
public class DefaultReferrals implements Referrals {

  private static final Logger LOG = Logger.getLogger(DefaultReferrals.class.getName());

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Override
  public Optional<Attribution> attributeOrder(long buyerId, String code) {
    Optional<Attribution> found = resolve(code);
    if (found.isEmpty() || found.get().referrerId() == buyerId) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select 1 from ring.orders o where o.buyer_id = ?"
                    + " and o.status not in ('pending_payment', 'cancelled') limit 1")) {
      ps.setLong(1, buyerId);
      try (ResultSet rs = ps.executeQuery()) {
        // The reward is for the buyer's first paid purchase only.
        return rs.next() ? Optional.empty() : found;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Code> codes(long userId) {
    try (Connection c = dataSource.getConnection()) {
      String username;
      try (PreparedStatement ps =
          c.prepareStatement("select username from ring.users where id = ?")) {
        ps.setLong(1, userId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw RingException.notFound("No such account.");
          }
          username = rs.getString(1);
        }
      }
      List<Code> codes = active(c, userId);
      if (codes.stream().noneMatch(code -> "random".equals(code.kind()))) {
        createRandom(c, userId);
      }
      Optional<String> tag = ReferralCodes.usernameTag(username);
      if (tag.isPresent() && codes.stream().noneMatch(code -> code.code().equals(tag.get()))) {
        // A tag deactivated by its owner, or taken by someone else, is not made again.
        insert(c, tag.get(), userId, "username");
      }
      return active(c, userId);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Code> active(Connection c, long userId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select code, kind, active, created_at from ring.referral_codes"
                + " where owner_id = ? and active order by kind = 'random' desc, created_at, code")) {
      ps.setLong(1, userId);
      List<Code> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Code(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getBoolean(3),
                  rs.getObject(4, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
        }
      }
      return out;
    }
  }

  /**
   * Makes a random code, trying again on a collision; a concurrent request of the same person that
   * made one first (the one-active-random-code index) is as good.
   */
  private static void createRandom(Connection c, long userId) throws SQLException {
    for (int attempt = 0; attempt < ReferralCodes.ATTEMPTS; attempt++) {
      if (insert(c, ReferralCodes.random(), userId, "random")) {
        return;
      }
      if (active(c, userId).stream().anyMatch(code -> "random".equals(code.kind()))) {
        return;
      }
    }
    LOG.log(Level.WARNING, "No free referral code after {0} attempts", ReferralCodes.ATTEMPTS);
    throw new RingException(
        RingException.Kind.UNAVAILABLE,
        "code_unavailable",
        null,
        "No referral code could be made; try again.");
  }

  private static boolean insert(Connection c, String code, long userId, String kind)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.referral_codes(code, owner_id, kind) values (?, ?, ?)"
                + " on conflict do nothing")) {
      ps.setString(1, code);
      ps.setLong(2, userId);
      ps.setString(3, kind);
      return ps.executeUpdate() == 1;
    }
  }

  @Override
  public void deactivate(long userId, String code) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update ring.referral_codes set active = false"
                    + " where code = ? and owner_id = ? and active")) {
      ps.setString(1, code == null ? "" : code.strip());
      ps.setLong(2, userId);
      if (ps.executeUpdate() == 0) {
        throw RingException.notFound("You have no such active code.");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<Attribution> resolve(String code) {
    if (!ReferralCodes.plausible(code)) {
      return Optional.empty();
    }
    String wanted = code.strip().startsWith("@") ? code.strip().substring(1) : code.strip();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select code, owner_id from ring.referral_codes where active"
                  + " and (code = ? or (kind = 'username' and code = lower(?)))"
                  + " order by code = ? desc limit 1")) {
        ps.setString(1, wanted);
        ps.setString(2, wanted);
        ps.setString(3, wanted);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Optional.of(new Attribution(rs.getString(1), rs.getLong(2)));
          }
        }
      }
      Optional<String> tag = ReferralCodes.usernameTag(wanted);
      if (tag.isEmpty()) {
        return Optional.empty();
      }
      // An existing username without a tag yet gets one on first use (§11.1).
      Long owner = null;
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id from ring.users where lower(username) = ? and status = 'active'")) {
        ps.setString(1, tag.get());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            owner = rs.getLong(1);
          }
        }
      }
      if (owner == null || !insert(c, tag.get(), owner, "username")) {
        return Optional.empty();
      }
      return Optional.of(new Attribution(tag.get(), owner));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<Attribution> visit(String code) {
    Optional<Attribution> found = resolve(code);
    if (found.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into ring.referral_visits(code, day, visits) values (?, ?, 1)"
                    + " on conflict (code, day) do update"
                    + " set visits = ring.referral_visits.visits + 1")) {
      ps.setString(1, found.get().code());
      ps.setObject(2, LocalDate.now(ZoneOffset.UTC));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  @Override
  public boolean attributeSignUp(long userId, String code) {
    Optional<Attribution> found = resolve(code);
    if (found.isEmpty() || found.get().referrerId() == userId) {
      return false;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update ring.users set referred_by = ?, referred_code = ?"
                    + " where id = ? and referred_by is null")) {
      ps.setLong(1, found.get().referrerId());
      ps.setString(2, found.get().code());
      ps.setLong(3, userId);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Stats stats(long userId) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate first = today.minusDays(27);
    Map<LocalDate, Long> byDay = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select v.day, sum(v.visits) from ring.referral_visits v"
                    + " join ring.referral_codes r on r.code = v.code"
                    + " where r.owner_id = ? and v.day between ? and ? group by v.day")) {
      ps.setLong(1, userId);
      ps.setObject(2, first);
      ps.setObject(3, today);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    List<DayVisits> days = new ArrayList<>();
    long week = 0;
    long month = 0;
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      long n = byDay.getOrDefault(d, 0L);
      days.add(new DayVisits(d, n));
      month += n;
      if (d.isAfter(today.minusDays(7))) {
        week += n;
      }
    }
    return new Stats(byDay.getOrDefault(today, 0L), week, month, days);
  }
}
