package org.ringplatform.referral.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.ringplatform.referral.Referrals;

/** Referral attribution on {@code referral_codes} and the buyer's paid orders. */
@Stateless
public class DefaultReferrals implements Referrals {

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Override
  public Optional<Attribution> attributeOrder(long buyerId, String code) {
    if (code == null || code.strip().length() < 3 || code.length() > 40) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select r.code, r.owner_id from ring.referral_codes r where r.active"
                    + " and (r.code = ? or (r.kind = 'username' and r.code = lower(?)))"
                    + " and r.owner_id <> ? and not exists (select 1 from ring.orders o"
                    + " where o.buyer_id = ? and o.status not in ('pending_payment',"
                    + " 'cancelled')) order by r.code = ? desc limit 1")) {
      String wanted = code.strip();
      ps.setString(1, wanted);
      ps.setString(2, wanted);
      ps.setLong(3, buyerId);
      ps.setLong(4, buyerId);
      ps.setString(5, wanted);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Attribution(rs.getString(1), rs.getLong(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
